import { openDatabase, type Db } from './open';
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
import { countingStatementSource } from './statement-count';

/**
 * Every prepared statement of the application, grouped by table. Nothing
 * outside lib/db touches better-sqlite3; callers get typed functions. Every
 * statement counts itself (statement-count.ts): the lookups a strategy reports
 * are the statements it ran.
 */
export function createStore(db: Db) {
  const statements = countingStatementSource(db);
  return {
    db,
    labs: createLabQueries(statements),
    users: createUserQueries(statements),
    sessions: createSessionQueries(statements),
    denylist: createDenylistQueries(statements),
    refreshTokens: createRefreshTokenQueries(statements),
    loginThrottle: createLoginThrottleQueries(statements),
    // The lab's own record keeping (its journal, the attacker's copies, its
    // last matrix) is not a strategy's work: those statements are not counted.
    journal: createJournalQueries(db),
    stolenCopies: createStolenCopyQueries(db),
    matrixRuns: createMatrixRunQueries(db),
    // The workshop room (issue 12) and a participant's lab reset: room bookkeeping, not counted either.
    workshops: createWorkshopQueries(db),
    labReset: createLabResetQueries(db),
    /**
     * Runs fn in one IMMEDIATE transaction: either every write lands or none,
     * and the write lock is taken up front so a concurrent writer waits
     * (busy_timeout) instead of failing half-way with SQLITE_BUSY.
     */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function createMemoryStore(): Store {
  return createStore(openDatabase(':memory:'));
}
