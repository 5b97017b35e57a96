import 'server-only';
import { z } from 'zod';
import { ApiError } from '../http';
import type { Store } from '../db/store';
import type { StolenCopyRow } from '../db/stolen-copies';
import type { CookieJar, Strategy } from '../auth/types';
// Presets are addressed like strategies (lib/presets).
import { findStrategyOrPreset as findStrategy } from '../presets/registry';
import { decodeJwtForDisplay, tamperJwt } from '../jwt-display';
import type { Lab } from './lab';
import { clearJournalView, credentialHash } from './journal';
import { replayStolenCookies, stolenCookiesSchema, type ReplayBody, type ReplayEndpoint, type StolenCookie } from './replay';

/**
 * The lab's attacker store: copies of credentials a browser presented
 * ("malware on the victim's machine copied the cookie jar"). The copy stays
 * on the server; the page names it by id to replay it, and no answer carries
 * its value — so the site's own lesson, that page script cannot read an
 * HttpOnly cookie, stays true on the site.
 */

/** Copies one lab may hold: far more than any lesson needs, and a bound on what a client can make the store keep. */
export const MAX_COPIES_PER_LAB = 50;

/**
 * The answer a copy's last replay got. Stored as JSON in the copy's row and read back through this
 * schema, so the endpoint reaches the page as the replay endpoint's own type, not as a loose string.
 */
const copyLastSchema = z.object({
  endpoint: z.enum(['me', 'admin', 'refresh']),
  status: z.number().int(),
  reason: z.string().nullable(),
  /** Lab-clock second the credential stops working on its own, as the answer said (null: not said). */
  expiresAt: z.number().nullable(),
  /** Lab-clock second of the replay. */
  labAt: z.number(),
  /** The journal's newest seq when the answer came back: a change with a later seq makes this answer stale. */
  seq: z.number().int(),
});
export type CopyLast = z.infer<typeof copyLastSchema> & { endpoint: ReplayEndpoint };

export type CopyView = {
  copyId: number;
  strategy: string;
  /** Whose credential it was, as far as the copy itself says (a JWT's claim, a session row); null when it does not say. */
  username: string | null;
  stolenAt: number;
  cookieNames: string[];
  /** SHA-256 prefix of the copy's first cookie, as the journal names it. */
  credential: string;
  last: CopyLast | null;
};

function parseCookies(json: string): StolenCookie[] {
  return stolenCookiesSchema.parse(JSON.parse(json));
}

/** A stored answer that no longer fits the schema (an older row) is shown as "not replayed yet", never trusted. */
function readLast(json: string | null): CopyLast | null {
  if (!json) return null;
  const parsed = copyLastSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function copyView(row: StolenCopyRow): CopyView {
  return {
    copyId: row.copy_no,
    strategy: row.strategy,
    username: row.username,
    stolenAt: row.stolen_at,
    cookieNames: parseCookies(row.cookies_json).map((c) => c.name),
    credential: row.credential_hash,
    last: readLast(row.last_json),
  };
}

/** Whose credential the copy is, read from the copy alone (display only, nothing is decided from it). */
function ownerOf(store: Store, lab: Lab, strategy: Strategy, cookies: readonly StolenCookie[]): string | null {
  const first = cookies[0]!.value;
  const claim = decodeJwtForDisplay(first)?.payload.username;
  if (typeof claim === 'string') return claim.slice(0, 64);
  const jar = new Map(cookies.map((c) => [c.name, c.value]));
  return strategy.inspectServerRecord?.({ store, lab, now: lab.now() }, jar)?.username ?? null;
}

/** POST …/{strategy}/steal: copies every cookie of the strategy this browser presented into the attacker store. */
export function stealCredential(store: Store, lab: Lab, strategy: Strategy, jar: CookieJar) {
  const cookies: StolenCookie[] = [];
  for (const name of strategy.cookieNames) {
    const value = jar.get(name);
    if (value) cookies.push({ name, value });
  }
  const parsed = stolenCookiesSchema.safeParse(cookies);
  if (!parsed.success) {
    throw new ApiError('no-credential', `This browser presents no ${strategy.id} cookie here: nothing to steal.`);
  }
  const username = ownerOf(store, lab, strategy, parsed.data);
  const stolenAt = lab.now();
  const copyId = store.transaction((tx) => {
    if (tx.stolenCopies.count(lab.id) >= MAX_COPIES_PER_LAB) {
      throw new ApiError('too-many-copies', `A lab holds at most ${MAX_COPIES_PER_LAB} stolen copies; clear them first.`);
    }
    return tx.stolenCopies.insert(lab.id, strategy.id, username, stolenAt, JSON.stringify(parsed.data), credentialHash(parsed.data[0]!.value));
  });
  return { copyId, strategy: strategy.id, username, stolenAt, cookieNames: parsed.data.map((c) => c.name) };
}

export function listCopies(store: Store, lab: Lab): CopyView[] {
  return store.stolenCopies.list(lab.id).map(copyView);
}

function requireCopy(store: Store, lab: Lab, copyId: number): StolenCopyRow {
  const row = store.stolenCopies.find(lab.id, copyId);
  // The same answer for another lab's copy as for none: copies are lab-scoped, and nothing says which ids exist elsewhere.
  if (!row) throw new ApiError('unknown-copy', 'This lab holds no stolen copy with this id (GET …/copies lists them).');
  return row;
}

/**
 * POST …/replay: the attacker sends the copy, over real HTTP, to the lab's
 * endpoint. A refresh rotates the copy the store holds (the attacker keeps
 * what the answer set, as a real one would); a tampered send does not.
 */
export async function replayCopy(store: Store, lab: Lab, body: ReplayBody) {
  const row = requireCopy(store, lab, body.copyId);
  const strategy = findStrategy(row.strategy);
  if (!strategy) throw new ApiError('unknown-strategy', 'The copy names a strategy this server no longer has.');
  let cookies = parseCookies(row.cookies_json);
  if (body.tamper) {
    const first = cookies[0]!;
    if (!decodeJwtForDisplay(first.value)) throw new ApiError('not-a-jwt', 'Only a copy of a JWT can be tampered with.');
    const tampered = tamperJwt(first.value, body.tamper);
    cookies = stolenCookiesSchema.parse([{ name: first.name, value: tampered }, ...cookies.slice(1)]);
  }
  const result = await replayStolenCookies(lab.id, strategy, cookies, body.endpoint);
  const reason = typeof result.body.reason === 'string' ? result.body.reason : null;
  const last: CopyLast = {
    endpoint: body.endpoint,
    status: result.status,
    reason,
    expiresAt: typeof result.body.expiresAt === 'number' ? result.body.expiresAt : null,
    labAt: lab.now(),
    seq: store.journal.bounds(lab.id).last ?? 0,
  };
  let copyRow = row;
  if (!body.tamper) {
    copyRow = { ...row, cookies_json: JSON.stringify(result.cookiesAfter), credential_hash: credentialHash(result.cookiesAfter[0]!.value), last_json: JSON.stringify(last) };
    store.stolenCopies.update(lab.id, row.copy_no, copyRow.cookies_json, copyRow.credential_hash, copyRow.last_json!);
  }
  const copy = copyView(copyRow);
  return {
    endpoint: body.endpoint,
    status: result.status,
    body: result.body,
    request: result.request,
    tampered: body.tamper !== undefined,
    copy,
  };
}

/** The "clear stolen copies and timeline" control: every copy goes, and the timeline starts again from here. */
export function clearCopies(store: Store, lab: Lab): { cleared: number } {
  return store.transaction((tx) => {
    const cleared = tx.stolenCopies.clear(lab.id);
    clearJournalView(tx, lab.id);
    return { cleared };
  });
}
