import 'server-only';
import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { getStore, type Store, type StoreTables } from '../db';
import { env } from '../env';
import { realNowMs } from '../clock';
// Presets are addressed like strategies (lib/presets).
import { findStrategyOrPreset as findStrategy } from '../presets/registry';
import type { JournalRow } from '../db/journal';
import { journalEffect, type JournalEffect } from './journal-effect';
import { LAB_ID_PATTERN } from './lab';

/**
 * The lab journal: every request to a lab's API, from any client (the lab
 * page, a scenario page, another screen, curl, the server's own replays), as
 * the server answered it. The lab page's timeline is this journal, so it
 * survives reload and shows the same on every screen opened on the lab link.
 */

/** Entries kept per lab; older ones are dropped (their count is reported). */
export const JOURNAL_LIMIT = 500;
/** The bound is enforced every this many appends: one DELETE per batch instead of one per request. */
const TRIM_EVERY = 50;
/** Entries per answer of GET …/journal; the client pages on with `after`. */
export const JOURNAL_PAGE = 200;

/**
 * The actor a client names in X-Lab-Actor (`panel-1`, `attacker`, `operator`…).
 * A label, not an identity: any client may send any name, and none gains
 * anything by it. Without the header the entry says "another client" (curl).
 */
export const ACTOR_HEADER = 'x-lab-actor';
const ACTOR = /^[a-z][a-z0-9-]{0,23}$/;

export function actorOf(req: Pick<NextRequest, 'headers'>): string | null {
  const raw = req.headers.get(ACTOR_HEADER);
  return raw !== null && ACTOR.test(raw) ? raw : null;
}

/**
 * The presented credential, identified by the first 12 hex digits of the
 * SHA-256 of its value — never the value. For a session id this is a prefix
 * of the hash the sessions table stores, so the timeline and the inspector's
 * row agree. The first of the strategy's cookies that was sent is the one
 * that names the credential (jwt-refresh: the access token).
 */
export function credentialHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function presentedHash(req: NextRequest, cookieNames: readonly string[]): string | null {
  for (const name of cookieNames) {
    const value = req.cookies.get(name)?.value;
    if (value) return credentialHash(value);
  }
  return null;
}

const MAX_PATH = 300;

/** Whom a successful answer names (`user.username`): with the credential hash, it tells which user a credential was. */
function userOf(body: Record<string, unknown> | undefined): string | null {
  const user = body?.user;
  const name = typeof user === 'object' && user !== null ? (user as { username?: unknown }).username : undefined;
  return typeof name === 'string' ? name.slice(0, 64) : null;
}

/**
 * Appends one entry after the handler answered. Never throws: a journal that
 * cannot be written must not turn an answered request into a failure.
 */
export function recordLabRequest(req: NextRequest, labId: string, status: number, body: Record<string, unknown> | undefined): void {
  if (!env.labJournal || !LAB_ID_PATTERN.test(labId)) return;
  try {
    const pathname = req.nextUrl.pathname;
    const prefix = `/api/labs/${labId}/`;
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length).split('/') : [];
    const strategy = rest[0] ? findStrategy(rest[0]) : undefined;
    const effect = journalEffect(req.method, rest, status, body);
    const strategyId = strategy?.id ?? (effect && 'strategy' in effect ? effect.strategy : null);
    const reason = typeof body?.reason === 'string' ? body.reason.slice(0, 80) : null;
    const lookups = typeof body?.lookups === 'number' && Number.isInteger(body.lookups) ? body.lookups : null;
    const nowMs = realNowMs();
    appendEntry(getStore(), {
      lab_id: labId,
      actor: actorOf(req),
      method: req.method,
      path: (pathname + req.nextUrl.search).slice(0, MAX_PATH),
      strategy: strategyId,
      status,
      reason,
      lookups,
      real_at_ms: nowMs,
      real_now_seconds: Math.floor(nowMs / 1000),
      credential_hash: strategy ? presentedHash(req, strategy.cookieNames) : null,
      username: status >= 200 && status < 300 ? userOf(body) : null,
      effect_json: effect ? JSON.stringify(effect) : null,
    });
  } catch (err) {
    console.error('lab journal: could not record', req.method, req.nextUrl.pathname, err);
  }
}

export function appendEntry(store: Store, entry: Parameters<Store['journal']['append']>[0]): number | undefined {
  const seq = store.journal.append(entry);
  if (seq !== undefined && seq % TRIM_EVERY === 0 && seq > JOURNAL_LIMIT) store.journal.trimThrough(entry.lab_id, seq - JOURNAL_LIMIT);
  return seq;
}

export type JournalEntry = {
  seq: number;
  /** As the client named itself (X-Lab-Actor), or null: a client that did not say (curl). */
  actor: string | null;
  method: string;
  path: string;
  strategy: string | null;
  status: number;
  reason: string | null;
  lookups: number | null;
  /** Lab-clock seconds when it was answered. */
  labAt: number;
  /** Real time (ms since the epoch). */
  at: number;
  /** SHA-256 prefix of the credential presented, or null when none was. */
  credential: string | null;
  /** The user a successful answer named (null otherwise). */
  username: string | null;
  effect: JournalEffect | null;
};

const toEntry = (r: JournalRow): JournalEntry => ({
  seq: r.seq,
  actor: r.actor,
  method: r.method,
  path: r.path,
  strategy: r.strategy,
  status: r.status,
  reason: r.reason,
  lookups: r.lookups,
  labAt: r.lab_at,
  at: r.real_at_ms,
  credential: r.credential_hash,
  username: r.username,
  effect: r.effect_json ? (JSON.parse(r.effect_json) as JournalEffect) : null,
});

export type JournalPage = {
  entries: JournalEntry[];
  /** The newest seq in the lab's journal (0 when empty). */
  lastSeq: number;
  /** Entries dropped by the bound (the oldest), never to be seen again. */
  dropped: number;
  /** Entries up to this seq were cleared from the timeline ("clear stolen copies and timeline"). */
  clearedThrough: number;
  /** Whether more entries follow the last one returned (ask again with after = its seq). */
  more: boolean;
};

export function readJournal(store: Store, labId: string, after: number): JournalPage {
  const clearedThrough = store.journal.clearedThrough(labId);
  const rows = store.journal.after(labId, Math.max(after, clearedThrough), JOURNAL_PAGE + 1);
  const { first, last } = store.journal.bounds(labId);
  return {
    entries: rows.slice(0, JOURNAL_PAGE).map(toEntry),
    lastSeq: last ?? 0,
    dropped: first === null ? 0 : first - 1,
    clearedThrough,
    more: rows.length > JOURNAL_PAGE,
  };
}

/** Hides every entry so far from the timeline (kept for seq continuity; the bound drops them in time). */
export function clearJournalView(store: StoreTables, labId: string): void {
  const { last } = store.journal.bounds(labId);
  if (last !== null) store.journal.markClearedThrough(labId, last);
}
