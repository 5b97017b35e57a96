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

/**
 * Every prepared statement of the application, grouped by table. Nothing
 * outside lib/db touches better-sqlite3; callers get typed functions.
 */
export function createStore(db: Db) {
  return {
    db,
    labs: createLabQueries(db),
    users: createUserQueries(db),
    sessions: createSessionQueries(db),
    denylist: createDenylistQueries(db),
    refreshTokens: createRefreshTokenQueries(db),
    loginThrottle: createLoginThrottleQueries(db),
    journal: createJournalQueries(db),
    stolenCopies: createStolenCopyQueries(db),
    matrixRuns: createMatrixRunQueries(db),
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
