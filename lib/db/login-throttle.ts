import type { StatementSource } from './statement-count';
import type { LoginThrottleTable } from './store';

export type ThrottleRow = { failures: number; window_started_ms: number; locked_until_ms: number };

/** Failed-login counters. Real time, not the lab clock: moving a lab's clock must not lift a lock. */
export function createLoginThrottleQueries(db: StatementSource): LoginThrottleTable {
  const get = db.prepare<[string, string], ThrottleRow>(
    'SELECT failures, window_started_ms, locked_until_ms FROM login_throttle WHERE lab_id = ? AND username = ?',
  );
  const upsert = db.prepare<[string, string, number, number, number]>(`
    INSERT INTO login_throttle (lab_id, username, failures, window_started_ms, locked_until_ms)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (lab_id, username) DO UPDATE SET
      failures = excluded.failures,
      window_started_ms = excluded.window_started_ms,
      locked_until_ms = excluded.locked_until_ms`);
  const clear = db.prepare<[string, string]>('DELETE FROM login_throttle WHERE lab_id = ? AND username = ?');

  return {
    get: (labId: string, username: string): ThrottleRow | undefined => get.get(labId, username),
    put: (labId: string, username: string, row: ThrottleRow) =>
      void upsert.run(labId, username, row.failures, row.window_started_ms, row.locked_until_ms),
    clear: (labId: string, username: string) => void clear.run(labId, username),
  };
}
