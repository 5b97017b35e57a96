import type { StatementSource } from './statement-count';
import type { MatrixRunsTable } from './store';

export type MatrixRunRow = {
  run_id: string;
  lab_id: string;
  started_at_ms: number;
  finished_at_ms: number | null;
  settings_json: string;
  report_json: string | null;
};

/** What a claim answers: the new run, or the one already running in this lab. */
/** Which matrix a run is: the lab's strategies, or the library presets. A lab keeps the last run of each. */
export type MatrixSet = 'strategies' | 'presets';

export type MatrixClaim = { ok: true; runId: string } | { ok: false; running: { runId: string; startedAtMs: number } };

/**
 * The matrix runs of each lab: at most one running (finished_at_ms NULL) and
 * the last finished one. Times are real time in ms (a run's date is the
 * date it ran, not the lab clock, which a presenter moves forward).
 */
export function createMatrixRunQueries(db: StatementSource): MatrixRunsTable {
  const runningOf = db.prepare<[string], Pick<MatrixRunRow, 'run_id' | 'started_at_ms'>>(
    'SELECT run_id, started_at_ms FROM matrix_runs WHERE lab_id = ? AND finished_at_ms IS NULL',
  );
  // A run whose process died (a restart mid-run) never finishes: past the cutoff its claim lapses.
  const dropStale = db.prepare<[string, number]>('DELETE FROM matrix_runs WHERE lab_id = ? AND finished_at_ms IS NULL AND started_at_ms < ?');
  const insertRunning = db.prepare<[string, string, number, string, MatrixSet]>(
    'INSERT INTO matrix_runs (run_id, lab_id, started_at_ms, settings_json, run_set) VALUES (?, ?, ?, ?, ?)',
  );
  const finish = db.prepare<[number, string, string, string]>(
    'UPDATE matrix_runs SET finished_at_ms = ?, report_json = ?, settings_json = ? WHERE run_id = ? AND finished_at_ms IS NULL',
  );
  // Only the last finished run of each set is kept: the lab shows one matrix per set, and rows must not pile up per lab.
  const dropOlderFinished = db.prepare<[string, string, string]>(
    'DELETE FROM matrix_runs WHERE lab_id = ? AND run_id <> ? AND finished_at_ms IS NOT NULL AND run_set = (SELECT run_set FROM matrix_runs WHERE run_id = ?)',
  );
  const abandon = db.prepare<[string]>('DELETE FROM matrix_runs WHERE run_id = ? AND finished_at_ms IS NULL');
  const lastFinished = db.prepare<[string, MatrixSet], MatrixRunRow>(`
    SELECT run_id, lab_id, started_at_ms, finished_at_ms, settings_json, report_json
    FROM matrix_runs WHERE lab_id = ? AND finished_at_ms IS NOT NULL AND run_set = ?
    ORDER BY finished_at_ms DESC LIMIT 1`);

  const lastFinishedAt = db.prepare<[string], { finished_at_ms: number }>(
    'SELECT max(finished_at_ms) AS finished_at_ms FROM matrix_runs WHERE lab_id = ? AND finished_at_ms IS NOT NULL',
  );

  return {
    /** Claims the lab's one running slot for runId, unless another run holds it (claims older than staleBeforeMs lapse). */
    claim(labId: string, runId: string, nowMs: number, staleBeforeMs: number, settingsJson: string, set: MatrixSet = 'strategies'): MatrixClaim {
      return db.atomically((): MatrixClaim => {
        dropStale.run(labId, staleBeforeMs);
        const running = runningOf.get(labId);
        if (running) return { ok: false, running: { runId: running.run_id, startedAtMs: running.started_at_ms } };
        insertRunning.run(runId, labId, nowMs, settingsJson, set);
        return { ok: true, runId };
      });
    },
    /** Stores the result as the lab's last run; false when the claim had lapsed or the lab is gone. */
    finish(labId: string, runId: string, nowMs: number, reportJson: string, settingsJson: string): boolean {
      return db.atomically(() => {
        if (finish.run(nowMs, reportJson, settingsJson, runId).changes === 0) return false;
        dropOlderFinished.run(labId, runId, runId);
        return true;
      });
    },
    /** Releases a claim whose run failed or was cancelled: the last finished run stays. */
    abandon: (runId: string) => void abandon.run(runId),
    lastFinished: (labId: string, set: MatrixSet = 'strategies'): MatrixRunRow | undefined => lastFinished.get(labId, set),
    /** When the lab's last run finished (real-time ms), without reading its report; null when it never ran. */
    lastFinishedAt: (labId: string): number | null => lastFinishedAt.get(labId)?.finished_at_ms ?? null,
    running: (labId: string) => runningOf.get(labId),
  };
}
