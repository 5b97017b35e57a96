import { realNowMs } from '../clock';
import type { StoreTables } from '../db/store';
import { env } from '../env';
import { ApiError } from '../http';

/**
 * Whom a lab is created for (issue 13.1).
 * - `{ client }`: someone pressed "Start a lab" (POST /api/labs); the address
 *   from lib/client-address.ts. Counts against that client's caps.
 * - `{ workshop }`: a participant joined a workshop. Such a lab counts against
 *   the global cap only, never against the joining client's: a room of 100
 *   joining from behind ONE address must not be refused by a per-client cap
 *   sized for one person. The workshop bounds its own room (its participant
 *   limit, and its joins are throttled per client by the workshop API).
 * - `null`: the server's own use (tests, benchmarks); the global cap only.
 */
export type LabOwner = { client: string } | { workshop: string } | null;

export type LabLimits = { labLimit: number; labsPerClient: number; creationsPerClientPerMinute: number; labIdleSeconds: number };

export const envLabLimits = (): LabLimits => ({
  labLimit: env.labLimit,
  labsPerClient: env.labsPerClient,
  creationsPerClientPerMinute: env.labCreationsPerClientPerMinute,
  labIdleSeconds: env.labIdleSeconds,
});

const MINUTE_MS = 60_000;

export const ownerKey = (owner: NonNullable<LabOwner>): string => ('client' in owner ? `client:${owner.client}` : `workshop:${owner.workshop}`);

const secondsUntil = (atMs: number, nowMs: number) => String(Math.max(1, Math.ceil((atMs - nowMs) / 1000)));

/**
 * May a lab be created for `owner` now? Throws the answer when not:
 * - 503 `lab-limit-reached` when LAB_LIMIT labs live in all (nobody can have
 *   one: the server is full, not this client's fault), Retry-After until the
 *   least recently used lab expires;
 * - 429 `too-many-lab-creations` when the client created
 *   LAB_CREATIONS_PER_CLIENT_PER_MINUTE labs in the last minute, Retry-After
 *   until the oldest of them leaves the minute;
 * - 429 `too-many-labs` when LABS_PER_CLIENT of the client's labs live,
 *   Retry-After until its least recently used lab expires (a day idle by default).
 * Cheap (three indexed counts): call it before doing the work of a lab, and
 * createLab calls it again in the transaction that inserts, so a burst of
 * parallel requests cannot all pass the first check and overshoot.
 */
export function admitLabCreation(store: Pick<StoreTables, 'labOwners'>, owner: LabOwner, limits: LabLimits = envLabLimits(), nowMs: number = realNowMs()): void {
  const live = store.labOwners.live();
  if (live.n >= limits.labLimit) {
    throw new ApiError('lab-limit-reached', 'The server holds as many labs as it may; try again later.', {
      'Retry-After': secondsUntil((live.last ?? nowMs) + limits.labIdleSeconds * 1000, nowMs),
    });
  }
  if (owner === null || !('client' in owner)) return;
  const key = ownerKey(owner);
  const recent = store.labOwners.createdSince(key, nowMs - MINUTE_MS);
  if (recent.n >= limits.creationsPerClientPerMinute) {
    throw new ApiError(
      'too-many-lab-creations',
      `At most ${limits.creationsPerClientPerMinute} labs a minute from one address.`,
      { 'Retry-After': secondsUntil((recent.oldest ?? nowMs) + MINUTE_MS, nowMs) },
    );
  }
  if (store.labOwners.countByOwner(key) >= limits.labsPerClient) {
    const oldest = store.labOwners.oldestUseOf(key) ?? nowMs;
    throw new ApiError(
      'too-many-labs',
      `At most ${limits.labsPerClient} live labs per address; an unused lab expires after ${limits.labIdleSeconds} s.`,
      { 'Retry-After': secondsUntil(oldest + limits.labIdleSeconds * 1000, nowMs) },
    );
  }
}
