import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Store } from '../db/store';
import type { Lab } from '../labs/lab';
import { ApiError } from '../http';
import { runMatrix, type MatrixReport } from './matrix';
import type { MatrixSet } from '../db/matrix-runs';
import { presets, presetView } from '../presets/registry';
import type { RunnerOptions } from './runner';

/**
 * A claim older than this is taken for a run whose process died: a whole
 * matrix takes seconds, and a minute behind a room of others.
 */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/**
 * Runs the lab's matrix and keeps the result as the lab's last run (in the
 * store, so every screen and process sees it). One run per lab at a time: a
 * second start while one runs is answered 409 naming the running one. When
 * `signal` aborts (the client went away), cells not yet started are skipped,
 * the claim is released and the last finished run stays.
 */
export async function startMatrixRun(
  store: Store,
  lab: Lab,
  options: RunnerOptions & { signal?: AbortSignal },
  set: MatrixSet = 'strategies',
): Promise<MatrixReport> {
  const runId = randomBytes(9).toString('base64url');
  const nowMs = Date.now();
  const claim = store.matrixRuns.claim(lab.id, runId, nowMs, nowMs - STALE_CLAIM_MS, JSON.stringify(lab.settings), set);
  if (!claim.ok) {
    const since = new Date(claim.running.startedAtMs).toISOString();
    throw new ApiError('matrix-running', `Matrix run ${claim.running.runId} of this lab, started ${since}, is still running.`);
  }
  let report: MatrixReport;
  try {
    report =
      set === 'presets'
        ? await runMatrix(
            store,
            lab,
            // Each preset's cells run in a throwaway lab made with the preset's own settings, not the lab's.
            { ...options, settingsFor: (s) => presets.find((p) => p.runnable === s)?.settings },
            { strategies: presets.map((p) => p.runnable), set, presets: presets.map(presetView) },
          )
        : await runMatrix(store, lab, options);
  } catch (err) {
    store.matrixRuns.abandon(runId);
    throw err;
  }
  // The settings stored beside the result are the ones it ran under (the report's own), not the lab's now.
  store.matrixRuns.finish(lab.id, runId, Date.now(), JSON.stringify(report), JSON.stringify(report.settings));
  return report;
}

/** The lab's last finished matrix run, as it was answered; a read never starts work. */
export function lastMatrixRun(store: Store, labId: string, set: MatrixSet = 'strategies'): MatrixReport | null {
  const row = store.matrixRuns.lastFinished(labId, set);
  if (!row?.report_json) return null;
  return JSON.parse(row.report_json) as MatrixReport;
}

export const noMatrixRun = () => new ApiError('no-matrix-run', 'This lab has no matrix run of this set yet: POST to start one.');

export const matrixSets: readonly MatrixSet[] = ['strategies', 'presets'];

/** The set a request names (`{ "set": … }` or `?set=`), strategies when it names none; anything else is a 404. */
export function requireMatrixSet(value: unknown): MatrixSet {
  if (value === undefined || value === null) return 'strategies';
  if (typeof value === 'string' && (matrixSets as readonly string[]).includes(value)) return value as MatrixSet;
  throw new ApiError('unknown-set', 'No matrix set with this name: "strategies" or "presets".');
}
