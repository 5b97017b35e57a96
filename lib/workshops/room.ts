import 'server-only';
import { randomBytes } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { realNowMs } from '../clock';
import type { Store } from '../db/store';
import type { ParticipantRow, WorkshopRow } from '../db/workshops';
import { env } from '../env';
import { ApiError } from '../http';
import { createLab, demoPassword, seedUsers } from '../labs/create';
import { hashPassword, PRINTED_DEMO_PASSWORD_PARAMS } from '../auth/passwords';
import { generateJwtKey } from '../auth/keys';
import { defaultSettings } from '../labs/settings';
import { clearJournalView } from '../labs/journal';
import { PARTICIPANT_COOKIE } from './cookies';
import { hashSecret, newJoinCode, newParticipantId, newSecret, newWorkshopId, normaliseJoinCode, secretMatches, WORKSHOP_ID_PATTERN } from './secrets';

/**
 * The workshop room: creation, the facilitator's key, joining. One answer for
 * every "no": an unknown code, an unknown workshop and a wrong key all say
 * 404 unknown-workshop, so probing tells nothing about what exists.
 */
export const unknownWorkshop = () => new ApiError(404, 'not-found', 'unknown-workshop', 'No workshop with this code, or not for this key.');

export type CreatedWorkshop = { workshop: WorkshopRow; facilitatorKey: string };

export function createWorkshop(
  store: Store,
  input: { title?: string; language?: 'en' | 'ja'; expectedParticipants?: number },
  nowMs = realNowMs(),
): CreatedWorkshop {
  const facilitatorKey = newSecret();
  // A join code collision is unlikely (1.5 × 10⁸ codes) but possible: draw again.
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newJoinCode();
    if (store.workshops.findByJoinCode(code)) continue;
    const row = {
      id: newWorkshopId(),
      join_code: code,
      facilitator_key_hash: hashSecret(facilitatorKey),
      title: input.title?.trim() ?? '',
      language: input.language ?? 'en',
      expected_participants: input.expectedParticipants ?? 30,
      capacity: env.workshopCapacity,
      created_at_ms: nowMs,
      last_active_at_ms: nowMs,
    };
    store.workshops.insert(row);
    return { workshop: store.workshops.findById(row.id)!, facilitatorKey };
  }
  throw new ApiError(503, 'unavailable', 'no-join-code', 'Could not draw a free join code; try again.', { 'Retry-After': '1' });
}

/** Idle beyond the limit counts as closed at once, before the sweep has deleted it. */
export function isClosed(w: WorkshopRow, nowMs = realNowMs()): boolean {
  return w.closed_at_ms !== null || w.last_active_at_ms < nowMs - env.workshopIdleSeconds * 1000;
}

/** The facilitator's console: the workshop when the key fits, else the same 404 as an unknown workshop. */
export function workshopForFacilitator(store: Store, workshopId: string, key: string | null): WorkshopRow {
  if (!WORKSHOP_ID_PATTERN.test(workshopId) || !key) throw unknownWorkshop();
  const w = store.workshops.findById(workshopId);
  if (!w || !secretMatches(key, w.facilitator_key_hash)) throw unknownWorkshop();
  touchWorkshop(store, w);
  return w;
}

export function workshopByCode(store: Store, rawCode: string): WorkshopRow {
  const code = normaliseJoinCode(rawCode);
  const w = code ? store.workshops.findByJoinCode(code) : undefined;
  if (!w) throw unknownWorkshop();
  return w;
}

/** Activity keeps a workshop from the idle sweep; written at most once a minute (polls come every second). */
export function touchWorkshop(store: Store, w: WorkshopRow, nowMs = realNowMs()): void {
  if (nowMs - w.last_active_at_ms > 60_000) store.workshops.touch(w.id, nowMs, nowMs - 60_000);
}

export function participantByCookie(store: Store, cookie: string | undefined): ParticipantRow | undefined {
  if (!cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  return store.workshops.participantByCookieHash(hashSecret(cookie));
}

/**
 * A fixed window per client address: the join limit is far above a room
 * (a class behind one NAT is one address), so it only stops a loop.
 */
export function throttle(store: Store, bucket: string, limit: number, windowMs: number, nowMs = realNowMs()): void {
  const { window_started_ms, count } = store.workshops.hitRateLimit(bucket, nowMs, windowMs);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((window_started_ms + windowMs - nowMs) / 1000));
    throw new ApiError(429, 'too-many-requests', 'throttled', `Too many from this address; try again in ${retryAfter} s.`, {
      'Retry-After': String(retryAfter),
    });
  }
}

export type JoinResult = { participant: ParticipantRow; cookie: string | null; created: boolean };

/**
 * Joins a participant: a fresh lab of their own (cheap: the seeded demo
 * users are hashed at the printed-password parameters, so a lab is a key
 * generation and a few inserts) and a cookie. A browser already in this
 * workshop gets its own participant and lab back.
 */
export async function joinWorkshop(
  store: Store,
  w: WorkshopRow,
  input: { name?: string; presentedCookie?: string; client: string },
): Promise<JoinResult> {
  const existing = participantByCookie(store, input.presentedCookie);
  if (existing && existing.workshop_id === w.id) return { participant: existing, cookie: null, created: false };
  const nowMs = realNowMs();
  if (isClosed(w, nowMs)) throw new ApiError(403, 'forbidden', 'workshop-closed', 'This workshop is closed: it takes no new participants.');
  if (store.workshops.participantCount(w.id) >= w.capacity) throw full(w);
  throttle(store, `join:${input.client}`, env.workshopJoinsPerClient, 10 * 60_000, nowMs);
  const { lab } = await createLab(store);
  const cookie = newSecret();
  const participant: ParticipantRow = {
    id: newParticipantId(),
    workshop_id: w.id,
    cookie_hash: hashSecret(cookie),
    name: '',
    lab_id: lab.id,
    joined_at_ms: nowMs,
  };
  try {
    store.transaction(() => {
      // Counted again under the write lock: two joins racing for the last seat cannot both take it.
      if (store.workshops.participantCount(w.id) >= w.capacity) throw full(w);
      const name = input.name ?? anonymousName(w, store.workshops.nextAnonymousNumber(w.id));
      store.workshops.insertParticipant({ ...participant, name });
      participant.name = name;
    });
  } catch (err) {
    store.labs.deleteById(lab.id);
    throw err;
  }
  touchWorkshop(store, w, nowMs);
  return { participant, cookie, created: true };
}

function full(w: WorkshopRow): ApiError {
  return new ApiError(403, 'forbidden', 'workshop-full', `This workshop is full (${w.capacity} participants).`);
}

function anonymousName(w: WorkshopRow, n: number): string {
  return w.language === 'ja' ? `匿名 ${n}` : `anonymous ${n}`;
}

/**
 * The facilitator's "reset this participant's lab": the same lab id (their
 * link keeps working) with fresh users, keys, settings and clock, no
 * sessions, tokens or stolen copies, and an empty timeline. Missions already
 * solved stay solved: they were real.
 */
export async function resetParticipantLab(store: Store, p: ParticipantRow): Promise<void> {
  const users = seedUsers.map((u) => ({ ...u, password: demoPassword() }));
  const [hashes, jwtKey] = await Promise.all([
    Promise.all(users.map((u) => hashPassword(u.password, PRINTED_DEMO_PASSWORD_PARAMS))),
    generateJwtKey(defaultSettings.jwtAlg),
  ]);
  store.transaction(() => {
    const ok = store.labReset.emptyAndRefill({
      id: p.lab_id,
      settings_json: JSON.stringify(defaultSettings),
      iron_password: randomBytes(32).toString('base64url'),
      jwt_alg: jwtKey.alg,
      jwt_kid: jwtKey.kid,
      jwt_key_json: JSON.stringify(jwtKey.jwk),
    });
    if (!ok) throw new ApiError(404, 'not-found', 'unknown-participant', 'This participant’s lab is gone.');
    users.forEach((u, i) => store.users.insert(p.lab_id, u.username, hashes[i]!, u.password, u.role));
    clearJournalView(store, p.lab_id);
  });
}

export function requireParticipant(store: Store, w: WorkshopRow, participantId: string): ParticipantRow {
  const p = store.workshops.participant(w.id, participantId);
  if (!p) throw new ApiError(404, 'not-found', 'unknown-participant', 'No participant with this id in this workshop.');
  return p;
}

/** The participant this browser is (its rl_participant cookie), or 404 not-a-participant. */
export function requireParticipantCookie(store: Store, req: NextRequest): ParticipantRow {
  const p = participantByCookie(store, req.cookies.get(PARTICIPANT_COOKIE)?.value);
  if (!p) throw new ApiError(404, 'not-found', 'not-a-participant', 'This browser has not joined a workshop (or was removed from it).');
  return p;
}
