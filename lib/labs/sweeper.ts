import { realNowMs } from '../clock';
import type { Store } from '../db/store';

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
  return store.labs.deleteIdleSince(now - idleSeconds * 1000);
}
