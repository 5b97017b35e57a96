import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './open';

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

function charge(kind: 'reads' | 'writes'): void {
  for (let c = scope.getStore(); c; c = c.parent) c[kind]++;
}

type AnyStatement = ReturnType<Db['prepare']>;
const EXECUTING_METHODS = ['run', 'get', 'all', 'iterate'] as const;

/**
 * The one wrapper every application statement goes through. Whether a
 * statement reads or writes is SQLite's own answer (`sqlite3_stmt_readonly`,
 * exposed as `statement.readonly`), not a label typed beside the SQL: an
 * `UPDATE … RETURNING` is a write although it returns rows.
 */
function countedStatement<S extends AnyStatement>(statement: S): S {
  const kind = statement.readonly ? 'reads' : 'writes';
  for (const method of EXECUTING_METHODS) {
    const execute = statement[method] as (...args: unknown[]) => unknown;
    // An own property in front of the prototype's method: raw()/pluck() return
    // the same object, so the count survives them.
    Object.defineProperty(statement, method, {
      value: function (this: S, ...args: unknown[]) {
        charge(kind);
        return execute.apply(this, args);
      },
    });
  }
  return statement;
}

/**
 * What the query modules (lib/db/*.ts) get instead of the connection: a
 * `prepare`, and a way to run a few of their statements as one unit. They
 * cannot reach the raw connection, so none of their statements runs outside
 * the source the adapter chose for them.
 */
export type StatementSource = {
  prepare: Db['prepare'];
  /** Runs fn in one IMMEDIATE transaction (a savepoint when one is already open). */
  atomically<T>(fn: () => T): T;
};

function statementSource(db: Db, prepare: Db['prepare']): StatementSource {
  return { prepare, atomically: (fn) => db.transaction(fn).immediate() };
}

/** The source of a strategy's tables: every statement counts itself. */
export function countingStatementSource(db: Db): StatementSource {
  return statementSource(db, ((source: string) => countedStatement(db.prepare(source))) as Db['prepare']);
}

/**
 * The source of the lab's own record keeping (journal, stolen copies, matrix
 * runs): not a strategy's work, so not counted — the lookups a request reports
 * stay the statements its strategy ran.
 */
export function uncountedStatementSource(db: Db): StatementSource {
  return statementSource(db, db.prepare.bind(db) as Db['prepare']);
}
