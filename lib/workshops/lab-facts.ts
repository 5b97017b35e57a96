import type { JournalEntry } from '../labs/journal';

/**
 * What a lab's journal proves happened, read once per journal change and
 * shared by every mission check (lib/workshops/checks.ts). Pure: built only
 * from journal entries — the requests the server answered in this lab — so a
 * mission can never be solved by anything the participant merely says.
 */

/** A stolen copy, as the steal's journal entry recorded it. */
export type CopyFact = {
  copyId: number;
  strategy: string;
  /** SHA-256 prefix of the copied credential: the same as the victim's requests with it carry. */
  credential: string | null;
  /** Whose credential it was: the steal's answer, else the user a 2xx with that credential named earlier. */
  username: string | null;
  seq: number;
};

/** Something the server acknowledged (2xx) that can end credentials. */
export type RevocationFact = {
  seq: number;
  at: number;
  kind: 'logout' | 'logout-all' | 'password-change' | 'role' | 'ban' | 'key-rotation' | 'clock';
  strategy: string | null;
  /** The credential the request presented (a device's own logout names its credential). */
  credential: string | null;
  /** The user the action ended or changed. */
  username: string | null;
  /** For a role change: the new role. */
  role: string | null;
};

/** A replay of a stolen copy and what the lab answered it. */
export type ReplayFact = {
  seq: number;
  at: number;
  copy: CopyFact;
  endpoint: string;
  status: number;
  reason: string | null;
};

/** A request the victim's own browser (not the attacker) made with a credential, and its answer. */
export type OwnRequestFact = { seq: number; at: number; strategy: string; credential: string; status: number; lookups: number | null };

export type LabFacts = {
  /** Acknowledged logins (seq, strategy): a login can end the credential the browser presented before it. */
  logins: { seq: number; strategy: string | null }[];
  copies: CopyFact[];
  revocations: RevocationFact[];
  replays: ReplayFact[];
  ownRequests: OwnRequestFact[];
};

const REVOKING = new Set(['logout', 'logout-all', 'password-change', 'role', 'ban', 'key-rotation', 'clock']);

/** Entries must be in seq order. Entries of copies cleared away ("clear stolen copies") are forgotten with them. */
export function labFacts(entries: readonly JournalEntry[]): LabFacts {
  const facts: LabFacts = { logins: [], copies: [], revocations: [], replays: [], ownRequests: [] };
  // Copy ids start again at 1 after a clear, so live copies are keyed by id and replaced on a clear.
  let live = new Map<number, CopyFact>();
  const userOfCredential = new Map<string, string>();
  for (const e of entries) {
    if (e.credential && e.username) userOfCredential.set(e.credential, e.username);
    const effect = e.effect;
    if (effect?.kind === 'clear') {
      live = new Map();
      continue;
    }
    if (effect?.kind === 'login') {
      facts.logins.push({ seq: e.seq, strategy: e.strategy });
      continue;
    }
    if (effect?.kind === 'steal') {
      const copy: CopyFact = {
        copyId: effect.copyId,
        strategy: effect.strategy,
        credential: e.credential,
        username: effect.username ?? (e.credential ? (userOfCredential.get(e.credential) ?? null) : null),
        seq: e.seq,
      };
      live.set(copy.copyId, copy);
      facts.copies.push(copy);
      continue;
    }
    if (effect?.kind === 'replay') {
      const copy = live.get(effect.copyId);
      if (copy && copy.strategy === effect.strategy) {
        facts.replays.push({ seq: e.seq, at: e.at, copy, endpoint: effect.endpoint, status: effect.status, reason: effect.reason });
      }
      continue;
    }
    if (effect && (REVOKING.has(effect.kind) || (effect.kind === 'settings' && effect.keyRotated))) {
      const kind = effect.kind === 'settings' ? 'key-rotation' : (effect.kind as RevocationFact['kind']);
      facts.revocations.push({
        seq: e.seq,
        at: e.at,
        kind,
        strategy: e.strategy,
        credential: e.credential,
        username: 'username' in effect ? effect.username : null,
        role: effect.kind === 'role' ? effect.role : null,
      });
      continue;
    }
    // The victim's side: /me and /admin asked by anyone but the attacker's replays.
    if (e.method === 'GET' && e.actor !== 'attacker' && e.strategy && e.credential && /\/(me|admin)$/.test(e.path.split('?')[0]!)) {
      facts.ownRequests.push({ seq: e.seq, at: e.at, strategy: e.strategy, credential: e.credential, status: e.status, lookups: e.lookups });
    }
  }
  return facts;
}
