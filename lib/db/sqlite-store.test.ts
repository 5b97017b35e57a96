import { describe, expect, it } from 'vitest';
import type { Transaction } from './store';
import { createMemoryStore, insertBareLab } from './testing';

function storeWithBob() {
  const store = createMemoryStore();
  insertBareLab(store, 'l');
  const bob = store.users.insert('l', 'bob', 'h', null, 'user');
  return { store, bob };
}

const versionOf = (store: ReturnType<typeof createMemoryStore>, id: number) => store.users.tokenStateInLab('l', id)!.token_version;

/*
 * The type checker refuses an async transaction callback (contracts.typetest.ts);
 * these are the run-time guards behind it, for code that gets past the types
 * (a cast, plain JavaScript).
 */
describe('the SQLite store’s transactions', () => {
  it('commit every write of the callback, or none when it throws', () => {
    const { store, bob } = storeWithBob();
    expect(() =>
      store.transaction((tx) => {
        tx.users.bumpTokenVersion('l', bob);
        throw new Error('half-way');
      }),
    ).toThrow('half-way');
    expect(versionOf(store, bob)).toBe(1);
    store.transaction((tx) => tx.users.bumpTokenVersion('l', bob));
    expect(versionOf(store, bob)).toBe(2);
  });

  it('a transaction object kept past its callback refuses every table', () => {
    const { store, bob } = storeWithBob();
    let kept: Transaction | undefined;
    store.transaction((tx) => {
      kept = tx;
    });
    expect(() => kept!.users.bumpTokenVersion('l', bob)).toThrow(/used after it ended \(tx\.users\)/);
    expect(() => kept!.sessions).toThrow(/used after it ended/);
    expect(versionOf(store, bob)).toBe(1);
  });

  it('an async callback forced past the types: refused, its first write rolled back, and its write after the await refused', async () => {
    const { store, bob } = storeWithBob();
    let afterAwait: Promise<unknown> | undefined;
    const asyncWork = (tx: Transaction) => {
      tx.users.bumpTokenVersion('l', bob);
      afterAwait = (async () => {
        await null;
        tx.users.bumpTokenVersion('l', bob);
      })();
      return afterAwait;
    };
    expect(() => store.transaction(asyncWork as unknown as (tx: Transaction) => void)).toThrow(/promise/i);
    await expect(afterAwait).rejects.toThrow(/used after it ended/);
    expect(versionOf(store, bob)).toBe(1);
  });
});
