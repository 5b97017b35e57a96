import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * Lookup counting, for any store adapter: a request's scope, and the
 * statements charged to it. The count a strategy reports is what ran, never a
 * number it typed.
 */

/** Store statements a piece of work actually executed, reads and writes apart. */
export type StoreStatements = { reads: number; writes: number };

type Counter = StoreStatements & { readonly parent: Counter | undefined };

/**
 * Why AsyncLocalStorage and not a counter object handed around: the prepared
 * statements are made once per process and shared by every request, and a
 * strategy's verify awaits (jose, iron) between its statements, so two
 * requests' statements interleave on the one thread. A module-level counter
 * would mix them; an explicit counter in the AuthContext would have to be
 * threaded into every query function (or the store rebuilt per request), and a
 * statement reached by any other path would run uncounted. The async context
 * follows each request's own chain of awaits and nothing else, so every
 * statement is charged to the request that ran it — also under concurrency
 * (statement-count.test.ts interleaves two).
 */
const scope = new AsyncLocalStorage<Counter>();

/**
 * Runs fn and counts every store statement executed inside it (across its
 * awaits). Scopes nest: an inner count is also charged to the outer one.
 * Transaction control (BEGIN, COMMIT) is not an application statement and is
 * not counted.
 */
export async function countStoreStatements<T>(fn: () => Promise<T> | T): Promise<{ value: T; statements: StoreStatements }> {
  const counter: Counter = { reads: 0, writes: 0, parent: scope.getStore() };
  const value = await scope.run(counter, fn);
  return { value, statements: { reads: counter.reads, writes: counter.writes } };
}

/**
 * Charges one executed statement to the scope it ran in (and every scope
 * around it). Each adapter calls this for every application statement it
 * executes; the SQLite one does it in statement-count.ts.
 */
export function chargeStatement(kind: 'reads' | 'writes'): void {
  for (let c = scope.getStore(); c; c = c.parent) c[kind]++;
}
