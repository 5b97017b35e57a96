import { chargeStatement } from './lookup-scope';
import type { Db } from './open';

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
        chargeStatement(kind);
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
