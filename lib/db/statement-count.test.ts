import { describe, expect, it } from 'vitest';
import { createMemoryStore, insertBareLab } from './testing';
import { countStoreStatements } from './lookup-scope';

function storeWithLab() {
  const store = createMemoryStore();
  insertBareLab(store, 'l');
  const uid = store.users.insert('l', 'bob', 'h', null, 'user');
  return { store, uid };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('store statement counting', () => {
  it('counts reads and writes apart, as SQLite classifies them (an UPDATE … RETURNING is a write)', async () => {
    const { store, uid } = storeWithLab();
    const { statements } = await countStoreStatements(() => {
      store.users.findById('l', uid); // read
      store.users.tokenStateInLab('l', uid); // read
      store.users.bumpTokenVersion('l', uid); // write
      store.labs.advanceClock('l', 5); // UPDATE … RETURNING: a write that returns a row
    });
    expect(statements).toEqual({ reads: 2, writes: 2 });
  });

  it('counts nothing outside a scope, and a raw-mode statement still counts', async () => {
    const { store, uid } = storeWithLab();
    store.users.findById('l', uid);
    const { statements } = await countStoreStatements(() => {
      store.sessions.findWithUser('l', 'nope'); // prepared with .raw(true)
    });
    expect(statements).toEqual({ reads: 1, writes: 0 });
  });

  it('keeps two interleaved concurrent scopes apart: each is charged its own statements only', async () => {
    const { store, uid } = storeWithLab();
    const work = async (reads: number, writes: number) => {
      for (let i = 0; i < Math.max(reads, writes); i++) {
        if (i < reads) store.users.findById('l', uid);
        await tick(); // the other scope runs here
        if (i < writes) store.users.bumpTokenVersion('l', uid);
      }
    };
    const [a, b] = await Promise.all([countStoreStatements(() => work(3, 1)), countStoreStatements(() => work(1, 4))]);
    expect(a.statements).toEqual({ reads: 3, writes: 1 });
    expect(b.statements).toEqual({ reads: 1, writes: 4 });
  });

  it('an inner scope is also charged to the outer one', async () => {
    const { store, uid } = storeWithLab();
    let inner = { reads: -1, writes: -1 };
    const outer = await countStoreStatements(async () => {
      store.users.findById('l', uid);
      inner = (await countStoreStatements(() => store.users.bumpTokenVersion('l', uid))).statements;
    });
    expect(inner).toEqual({ reads: 0, writes: 1 });
    expect(outer.statements).toEqual({ reads: 1, writes: 1 });
  });

  it('a transaction’s BEGIN and COMMIT are not counted; the statements inside are', async () => {
    const { store, uid } = storeWithLab();
    const { statements } = await countStoreStatements(() =>
      store.transaction((tx) => {
        tx.users.findById('l', uid);
        tx.users.setRole('l', uid, 'admin');
      }),
    );
    expect(statements).toEqual({ reads: 1, writes: 1 });
  });
});
