import { realNowMs } from '../clock';
import type { Store, StoreTables } from '../db/store';

/**
 * Login throttling per (lab, username), in SQLite so it holds across restarts
 * and across processes, on real time so a lab's time travel cannot lift it.
 * Backoff grows with each failure past the limit and caps at 15 minutes:
 * slow enough to stop guessing, never a permanent lockout.
 */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const FIRST_LOCK_MS = 30 * 1000;
const MAX_LOCK_MS = 15 * 60 * 1000;

/** Seconds until another attempt is allowed, or 0 when it is allowed now. */
export function lockedForSeconds(store: StoreTables, labId: string, username: string): number {
  const row = store.loginThrottle.get(labId, username);
  const now = realNowMs();
  if (!row || row.locked_until_ms <= now) return 0;
  return Math.ceil((row.locked_until_ms - now) / 1000);
}

export function recordFailure(store: Store, labId: string, username: string): void {
  store.transaction((tx) => {
    const now = realNowMs();
    const row = tx.loginThrottle.get(labId, username);
    const fresh = !row || now - row.window_started_ms > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const lockMs = failures >= MAX_FAILURES ? Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - MAX_FAILURES)) : 0;
    tx.loginThrottle.put(labId, username, {
      failures,
      window_started_ms: fresh ? now : row.window_started_ms,
      locked_until_ms: lockMs ? now + lockMs : 0,
    });
  });
}

export function recordSuccess(store: StoreTables, labId: string, username: string): void {
  store.loginThrottle.clear(labId, username);
}
