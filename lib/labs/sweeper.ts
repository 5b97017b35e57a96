import { realNowMs } from '../clock';
import type { Store } from '../db/store';
import type { Lab } from './lab';
import { env } from '../env';

const SWEEP_EVERY_MS = 60_000;
let lastSweepMs = 0;

/**
 * Deletes labs idle for longer than idleSeconds (cascading to their users,
 * sessions, tokens and child labs). Runs at most once a minute per process,
 * piggy-backing on requests so there is no timer to manage.
 */
export function sweepIdleLabs(store: Store, idleSeconds: number, force = false): number {
  const now = realNowMs();
  if (!force && now - lastSweepMs < SWEEP_EVERY_MS) return 0;
  lastSweepMs = now;
  // Workshops first (issue 12): an idle or long-closed workshop goes with its participants' labs.
  store.workshops.deleteExpired(now - env.workshopIdleSeconds * 1000, now - env.workshopClosedRetentionSeconds * 1000);
  store.workshops.deleteRateLimitsBefore(now - 60 * 60_000);
  return store.labs.deleteIdleSince(now - idleSeconds * 1000);
}

/**
 * How old a lab's last-activity stamp may get before a request rewrites it: a
 * minute, or a tenth of the idle limit when that is shorter (LAB_IDLE_SECONDS
 * may be set low), so a lab in use always stays far from the sweep's cutoff.
 */
export function activityStampIntervalMs(idleSeconds: number): number {
  return Math.min(60_000, Math.floor((idleSeconds * 1000) / 10));
}

/**
 * Records that the lab was used now, for the idle sweep. The sweep works at
 * the scale of the idle limit (a day by default), so the stamp only needs to
 * be roughly right: it is written only when the stored one (read with the lab
 * moments ago) is older than the interval. Writing it on every request would
 * put an UPDATE, and the write lock, on every read-only request such as /me.
 * Returns whether it wrote.
 */
export function recordLabActivity(store: Store, lab: Pick<Lab, 'id' | 'lastUsedAtMs'>, idleSeconds: number, nowMs = realNowMs()): boolean {
  const intervalMs = activityStampIntervalMs(idleSeconds);
  if (nowMs - lab.lastUsedAtMs <= intervalMs) return false;
  // The statement re-checks against the stored value: another request or
  // process may have written the stamp since the row was read.
  store.labs.touch(lab.id, nowMs, nowMs - intervalMs);
  return true;
}
