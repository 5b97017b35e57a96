import { openDatabase, type Db, type OpenOptions } from './open';
import { createLabQueries } from './labs';
import { createUserQueries } from './users';
import { createSessionQueries } from './sessions';
import { createDenylistQueries } from './denylist';
import { createRefreshTokenQueries } from './refresh-tokens';
import { createLoginThrottleQueries } from './login-throttle';
import { createJournalQueries } from './journal';
import { createStolenCopyQueries } from './stolen-copies';
import { createMatrixRunQueries } from './matrix-runs';
import { createWorkshopQueries } from './workshops';
import { createLabResetQueries } from './lab-reset';
import { createLabOwnerQueries } from './lab-owners';
import { countingStatementSource, uncountedStatementSource } from './statement-count';
import type { Store, StoreTables, Transaction } from './store';

const TABLE_NAMES = ['labs', 'users', 'sessions', 'denylist', 'refreshTokens', 'loginThrottle', 'journal', 'stolenCopies', 'labOwners'] as const;

/**
 * A transaction object for one callback: the same tables, behind getters that
 * refuse once the transaction has ended. A reference kept past an await, or
 * leaked out of the callback, throws at its next use instead of writing
 * outside the transaction. Built per transaction (a few getters: nothing next
 * to the BEGIN it accompanies).
 */
function openTransaction(tables: StoreTables): { tx: Transaction; end(): void } {
  let open = true;
  const tx = {};
  for (const name of TABLE_NAMES) {
    Object.defineProperty(tx, name, {
      enumerable: true,
      get() {
        if (!open) throw new Error(`store transaction used after it ended (tx.${name}): store work belongs before the first await`);
        return tables[name];
      },
    });
  }
  return { tx: tx as Transaction, end: () => void (open = false) };
}

/**
 * The SQLite adapter: every prepared statement of the application, grouped by
 * table, behind the Store interface (store.ts). The only code that holds the
 * better-sqlite3 connection.
 *
 * One connection, synchronous calls: a transaction is one callback on one
 * thread, so nothing else can run inside it. The strategies' tables count
 * every statement (statement-count.ts); the lab's own record keeping does not.
 */
export function createSqliteStore(db: Db): Store {
  const counted = countingStatementSource(db);
  const uncounted = uncountedStatementSource(db);
  const tables: StoreTables = {
    labs: createLabQueries(counted),
    users: createUserQueries(counted),
    sessions: createSessionQueries(counted),
    denylist: createDenylistQueries(counted),
    refreshTokens: createRefreshTokenQueries(counted),
    loginThrottle: createLoginThrottleQueries(counted),
    journal: createJournalQueries(uncounted),
    stolenCopies: createStolenCopyQueries(uncounted),
    labOwners: createLabOwnerQueries(uncounted),
  };
  return {
    ...tables,
    matrixRuns: createMatrixRunQueries(uncounted),
    // The workshop room and a participant's lab reset: room bookkeeping, not counted.
    workshops: createWorkshopQueries(uncounted),
    labReset: createLabResetQueries(uncounted),
    /**
     * IMMEDIATE takes the write lock up front, so a concurrent writer (another
     * process on the same file) waits on busy_timeout instead of failing
     * half-way with SQLITE_BUSY. Nested calls become savepoints.
     */
    transaction(fn) {
      return db
        .transaction(() => {
          const { tx, end } = openTransaction(tables);
          try {
            return fn(tx);
          } finally {
            end();
          }
        })
        .immediate();
    },
  };
}

/** Opens (creating and migrating when needed) a database file and puts the store in front of it. */
export function openSqliteStore(filename: string, options: OpenOptions = {}): Store {
  return createSqliteStore(openDatabase(filename, options));
}
