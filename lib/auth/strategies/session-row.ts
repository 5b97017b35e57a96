import type { SessionWithUser } from '../../db/sessions';
import type { FailureReason } from '../reasons';
import type { AuthContext } from '../types';

export type LiveSession = { ok: true; row: SessionWithUser; /** The idle or the absolute timeout, whichever comes first. */ expiresAt: number };

/**
 * The server-side half of every session strategy (`session`, and `session-cached` when its cache
 * is stale): read the row and its user, end it when it is past its absolute or idle timeout or its
 * user is banned, and otherwise slide the idle timeout. One rule, so a session strategy cannot
 * forget the ban or the idle check that makes a revocation take effect.
 */
export function readLiveSession(ctx: AuthContext, idHash: string): LiveSession | { ok: false; reason: FailureReason } {
  const row = ctx.store.sessions.findWithUser(ctx.lab.id, idHash);
  if (!row) return { ok: false, reason: 'unknown-session' };
  const { sessionIdleSeconds } = ctx.lab.settings;
  const expired = ctx.now >= row.absolute_expires_at;
  const idle = ctx.now >= row.last_seen_at + sessionIdleSeconds;
  if (expired || idle || row.banned) {
    ctx.store.sessions.deleteOne(ctx.lab.id, idHash);
    return { ok: false, reason: row.banned ? 'account-disabled' : expired ? 'expired' : 'idle-timeout' };
  }
  // last_seen_at has one-second resolution: when it already says `now`, the write would store the
  // same value. Skipping it changes no timeout (the idle window is measured from the same second
  // either way) and spares a write — which costs several times the read — on every repeated
  // request within a second.
  if (row.last_seen_at !== ctx.now) ctx.store.sessions.touch(idHash, ctx.now);
  return { ok: true, row, expiresAt: Math.min(row.absolute_expires_at, ctx.now + sessionIdleSeconds) };
}
