/**
 * How the lab page reads the lab journal (GET /api/labs/{labId}/journal):
 * which entries may have changed what the server holds, who made them as
 * far as the colour language cares, what ended a panel's credential, and the
 * curl line that repeats an entry. Pure (no React, no DOM): the page and the
 * unit tests share it.
 */
import { curlLine } from '../curl';
import type { LookActor } from './outcome-look';
import type { JournalEntry } from '../labs/journal';

export type { JournalEntry };
export type { JournalEffect } from '../labs/journal-effect';

/** The page's own bookkeeping reads: they change nothing, so they never trigger a re-check. */
const PAGE_ACTORS = /^(panel-\d+|page)$/;

/**
 * Whether an entry may have changed what the server holds, so every panel
 * should ask the server again. Everything but a GET the page itself made: the
 * panels' own re-checks are GETs, so re-checking never triggers a re-check.
 */
export function mayChangeState(e: Pick<JournalEntry, 'method' | 'actor'>): boolean {
  return !(e.method === 'GET' && e.actor !== null && PAGE_ACTORS.test(e.actor));
}

/** A change made by someone other than the attacker's tooling: what "replay after every change" follows. */
export function isVictimOrOperatorChange(e: Pick<JournalEntry, 'method' | 'actor'>): boolean {
  return e.method !== 'GET' && e.actor !== 'attacker';
}

// The attacker's tooling (taking and replaying copies, clearing them): their
// answers say whether the tool ran, not whether the copy got in.
const TOOL_PATH = /\/(steal|replay|copies)(\/|$)/;

/** Who made the request, for the colour language: only the attacker's own requests are wins or losses. */
export function lookActorOf(e: Pick<JournalEntry, 'actor' | 'path'>): LookActor {
  if (e.actor === 'attacker') return TOOL_PATH.test(e.path) ? 'other' : 'attacker';
  if (e.actor !== null && /^panel-\d+$/.test(e.actor)) return 'victim';
  if (e.actor === 'operator') return 'operator';
  return 'other';
}

/** The words for an actor: the dictionary key and its parameters. */
/** The dictionary key (lab) that names an actor: typed, so a missing translation fails the type check. */
export type ActorLabel = { key: 'actor_curl' | 'actor_attacker' | 'actor_operator' | 'actor_page' | 'actor_other' } | { key: 'actor_panel'; n: number };

export function actorLabel(actor: string | null): ActorLabel {
  if (actor === null) return { key: 'actor_curl' };
  const panel = /^panel-(\d+)$/.exec(actor);
  if (panel) return { key: 'actor_panel', n: Number(panel[1]) };
  if (actor === 'attacker' || actor === 'operator' || actor === 'page') return { key: `actor_${actor}` as const };
  return { key: 'actor_other' };
}

export type Cause =
  | { kind: 'expired'; agoSeconds: number }
  | { kind: 'event'; event: 'logout-all' | 'password-change' | 'ban' | 'role' | 'logout'; actor: string | null; seq: number }
  | { kind: 'key-rotation'; actor: string | null; seq: number };

/**
 * What, as far as the journal knows, ended a credential the server now
 * refuses: the first entry after the panel's last accepted check that could
 * have ended it — a user-level event for the same user (any strategy: they
 * are broadcast), a key rotation for a signed token, or its own expiry.
 * Null when the journal holds nothing that explains it.
 */
export function causeOfRefusal(input: {
  reason: string | null;
  username: string | null;
  strategy: string;
  /** The journal seq of the panel's last accepted check (0: none seen). */
  sinceSeq: number;
  /** Lab-clock second the credential was said to expire at (from the last accepted /me), or null. */
  expiresAt: number | null;
  labNow: number;
  entries: readonly JournalEntry[];
}): Cause | null {
  const expiry = input.reason === 'expired' || input.reason === 'idle-timeout';
  if (expiry && input.expiresAt !== null && input.expiresAt <= input.labNow) {
    return { kind: 'expired', agoSeconds: input.labNow - input.expiresAt };
  }
  const signed = input.strategy.startsWith('jwt');
  // The first such entry after the last accepted check: a later one found the credential already ended.
  for (const e of input.entries) {
    if (e.seq <= input.sinceSeq) continue;
    const effect = e.effect;
    if (!effect) continue;
    if (effect.kind === 'key-rotation' || (effect.kind === 'settings' && effect.keyRotated)) {
      if (signed) return { kind: 'key-rotation', actor: e.actor, seq: e.seq };
      continue;
    }
    if ((effect.kind === 'logout-all' || effect.kind === 'password-change' || effect.kind === 'ban' || effect.kind === 'role') && effect.username === input.username) {
      return { kind: 'event', event: effect.kind, actor: e.actor, seq: e.seq };
    }
    if (effect.kind === 'logout' && e.strategy === input.strategy) return { kind: 'event', event: 'logout', actor: e.actor, seq: e.seq };
  }
  if (expiry && input.expiresAt !== null) return { kind: 'expired', agoSeconds: Math.max(0, input.labNow - input.expiresAt) };
  return null;
}

/** The newest entry where the server accepted this credential (by its hash), or null. */
export function lastAcceptedOf(entries: readonly JournalEntry[], credential: string | null): JournalEntry | null {
  if (!credential) return null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.credential === credential && e.status >= 200 && e.status < 300) return e;
  }
  return null;
}

/** Shell variable naming a stolen cookie's value: `rl_jwt` → `$STOLEN_RL_JWT`. */
export function stolenVariable(cookieName: string): string {
  return `$STOLEN_${cookieName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * The curl line that repeats an entry. The journal keeps no request bodies (a
 * login's password must not sit in it), so bodies are written with shell
 * variables where the value is a secret, and victims keep cookies in a jar
 * file per actor and strategy, as a browser would. The attacker's requests
 * carry the stolen copy, named as a shell variable per cookie.
 */
export function curlOfEntry(e: JournalEntry, origin: string, stolenCookieNames: (credential: string | null) => readonly string[] | null): string {
  const method = e.method;
  const path = e.path;
  const tail = path.split('?')[0]!.split('/').slice(4);
  if (e.actor === 'attacker' && !TOOL_PATH.test(path)) {
    const names = stolenCookieNames(e.credential) ?? [];
    const cookie = names.length ? names.map((n) => `${n}=${stolenVariable(n)}`).join('; ') : '$STOLEN_COOKIE';
    const base = curlLine({ origin, method, path });
    // Double quotes, so the shell expands the variables.
    return base.replace(/^curl -i/, `curl -i -b "${cookie}"`);
  }
  const jar = e.strategy && tail[0] === e.strategy ? `${e.actor ?? 'curl'}-${e.strategy}.txt` : undefined;
  const json = bodyTemplate(e, tail);
  return curlLine({ origin, method, path, jar, ...(typeof json === 'string' ? { shellData: json } : { json }) });
}

/** The request body, from the entry's effect and path; a string is a shell fragment with variables. */
function bodyTemplate(e: JournalEntry, tail: readonly string[]): unknown {
  if (e.method === 'GET' || e.method === 'DELETE') return undefined;
  const effect = e.effect;
  const last = tail[tail.length - 1];
  if (last === 'login') {
    const user = effect?.kind === 'login' ? effect.username : '$USERNAME';
    return `"{\\"username\\":\\"${user}\\",\\"password\\":\\"$PASSWORD\\"}"`;
  }
  if (last === 'password') return `"{\\"currentPassword\\":\\"$CURRENT_PASSWORD\\",\\"newPassword\\":\\"$NEW_PASSWORD\\"}"`;
  if (last === 'role' && effect?.kind === 'role') return { role: effect.role };
  if (last === 'clock') return `"{\\"advanceSeconds\\":$SECONDS}"`;
  if (last === 'settings') return `"$SETTINGS_JSON"`;
  if (last === 'replay' && effect?.kind === 'replay') return { copyId: effect.copyId, endpoint: effect.endpoint };
  return undefined;
}
