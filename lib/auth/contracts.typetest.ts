/*
 * Type-level tests: the contracts between strategies and the store, checked
 * by `tsc --noEmit` (this file is part of the program; nothing runs it). Each
 * `@ts-expect-error` marks a mistake the compiler must refuse. Were the
 * constraint behind it removed (a `record` allowed to return a promise, an
 * `onUserEvent` typed `void`, a transaction callback allowed to be async),
 * the line would type-check, the directive would be unused, and tsc would
 * fail on it.
 *
 * The mistake in every case is the same one: store work after an await runs
 * after the transaction has committed, outside it — a login could then write
 * its session after a revocation that was meant to end it.
 */
import type { Store, Transaction } from '../db/store';
import type { AuthUser, CookieWrite, LabContext, Recorded, Strategy } from './types';

declare const store: Store;
declare const ctx: LabContext;
declare const user: AuthUser;
declare function signSomething(): Promise<string>;

const mint = async (): Promise<CookieWrite[]> => [];
/** The part of a strategy these contracts are about (the rest of the interface is beside the point here). */
type StoreWork<R extends Recorded = Recorded> = Pick<Strategy<R>, 'record' | 'mint' | 'onUserEvent'>;

// The shape the contract wants: record does its store work with tx and returns at once.
export const fine: StoreWork<{ sessionId: string }> = {
  record(tx, c, u) {
    tx.sessions.insert({ id_hash: 'h', lab_id: c.lab.id, user_id: u.id, created_at: c.now, last_seen_at: c.now, absolute_expires_at: c.now + 1 });
    return { sessionId: 'id' };
  },
  mint,
  onUserEvent(tx, c, u) {
    tx.sessions.deleteByUserId(c.lab.id, u.id);
  },
};

// A record that awaits first and touches the store afterwards.
export const recordAfterAwait: StoreWork<{ sessionId: string }> = {
  // @ts-expect-error record must be synchronous: its result may not be a Promise
  async record(tx, c, u) {
    const sessionId = await signSomething();
    tx.sessions.insert({ id_hash: sessionId, lab_id: c.lab.id, user_id: u.id, created_at: c.now, last_seen_at: c.now, absolute_expires_at: c.now + 1 });
    return { sessionId };
  },
  mint,
  onUserEvent() {},
};

// The same with a strategy that records nothing for mint: the default Recorded still refuses a promise.
export const recordAfterAwaitNoHandoff: StoreWork = {
  // @ts-expect-error record must be synchronous even when it hands nothing to mint
  async record(tx, c, u) {
    await signSomething();
    tx.users.bumpTokenVersion(c.lab.id, u.id);
    return {};
  },
  mint,
  onUserEvent() {},
};

// An onUserEvent that awaits before revoking.
export const eventAfterAwait: StoreWork = {
  record: () => ({}),
  mint,
  // @ts-expect-error onUserEvent returns undefined, so an async handler (a Promise) is refused
  async onUserEvent(tx, c, u) {
    await signSomething();
    tx.sessions.deleteByUserId(c.lab.id, u.id);
  },
};

// mint gets no store: signing cannot write behind the transaction's back either.
export const mintTouchesStore: StoreWork = {
  record: () => ({}),
  async mint(c) {
    // @ts-expect-error a LabContext has no store
    c.store.sessions.deleteByUserId(c.lab.id, 1);
    return [];
  },
  onUserEvent() {},
};

// A transaction callback that awaits: refused, with the rule in the message.
// @ts-expect-error a transaction callback must not return a Promise
store.transaction(async (tx) => {
  await signSomething();
  tx.users.bumpTokenVersion(ctx.lab.id, user.id);
});

// One that returns a promise on one path only: refused as well.
declare const early: boolean;
// @ts-expect-error a transaction callback must not return a Promise, on any path
store.transaction((tx) => (early ? signSomething() : tx.users.findById(ctx.lab.id, user.id)));

// A synchronous callback is fine, and its result comes back typed.
export const version: number | undefined = store.transaction((tx) => tx.users.tokenStateInLab(ctx.lab.id, user.id)?.token_version);

// A Transaction cannot be made up from the store outside a transaction.
declare function needsTx(tx: Transaction): void;
// @ts-expect-error the store is not a transaction
needsTx(store);
