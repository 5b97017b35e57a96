import { createHash, randomBytes } from 'node:crypto';
import type { Strategy } from '../types';
import { readLiveSession } from './session-row';

const COOKIE = 'rl_session';
/** 32 random bytes (256 bits) in base64url: 43 characters. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Only the SHA-256 of the id is stored (as Lucia does): someone who reads the
 * database — a backup, a SQL injection — gets no usable cookie. The id has
 * 256 bits of entropy, so a fast hash is enough; no salt or stretching needed.
 */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * The stateful baseline: an opaque random id in the cookie and a row on the
 * server. Every request reads the row and its user, so logout, bans, role
 * changes and password changes take effect on the very next request.
 */
export const sessionStrategy: Strategy<{ sessionId: string }> = {
  id: 'session',
  cookieNames: [COOKIE],
  usesLabJwtKey: false,

  record(tx, ctx, user) {
    const id = randomBytes(32).toString('base64url');
    const { sessionAbsoluteSeconds } = ctx.lab.settings;
    tx.sessions.insert({
      id_hash: hashSessionId(id),
      lab_id: ctx.lab.id,
      user_id: user.id,
      created_at: ctx.now,
      last_seen_at: ctx.now,
      absolute_expires_at: ctx.now + sessionAbsoluteSeconds,
    });
    return { sessionId: id };
  },

  // The id carries no data, so there is nothing to sign or seal.
  async mint(_ctx, _user, { sessionId }) {
    return [{ name: COOKIE, value: sessionId }];
  },

  inspectServerRecord(ctx, jar) {
    const id = jar.get(COOKIE);
    if (!id || !SESSION_ID_PATTERN.test(id)) return null;
    const idHash = hashSessionId(id);
    const row = ctx.store.sessions.findWithUser(ctx.lab.id, idHash);
    if (!row) return null;
    return {
      idHashPrefix: `${idHash.slice(0, 16)}…`,
      username: row.username,
      role: row.role,
      banned: row.banned === 1,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      idleExpiresAt: row.last_seen_at + ctx.lab.settings.sessionIdleSeconds,
      absoluteExpiresAt: row.absolute_expires_at,
    };
  },

  async verify(ctx, jar) {
    const id = jar.get(COOKIE);
    if (!id) return { ok: false, reason: 'no-credential' };
    if (!SESSION_ID_PATTERN.test(id)) return { ok: false, reason: 'malformed' };
    const idHash = hashSessionId(id);
    const live = readLiveSession(ctx, idHash);
    if (!live.ok) return live;
    const { row } = live;
    return {
      ok: true,
      user: { id: row.user_id, username: row.username, role: row.role },
      credential: {
        idHash,
        expiresAt: live.expiresAt,
        createdAt: row.created_at,
        absoluteExpiresAt: row.absolute_expires_at,
      },
    };
  },

  logout(ctx, jar) {
    const id = jar.get(COOKIE);
    if (id && SESSION_ID_PATTERN.test(id)) ctx.store.sessions.deleteOne(ctx.lab.id, hashSessionId(id));
  },

  onUserEvent(tx, ctx, user, _event) {
    // Every user event (sign-out-everywhere, password change, ban) ends the
    // user's sessions; a role change does too: a session id must change when
    // its privilege does (OWASP Session Management: renew the id on any
    // privilege change), or an id copied before a promotion would carry admin
    // rights afterwards. The server cannot tell the victim's browser from a thief
    // holding the same id, so it cannot hand a fresh id to one of them only:
    // the user logs in again and gets a fresh id with the new role.
    tx.sessions.deleteByUserId(ctx.lab.id, user.id);
  },
};
