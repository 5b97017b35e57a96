import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { audienceFor } from '../jwt-tokens';
import { readLiveSession } from './session-row';
import type { AuthUser, CookieWrite, LabContext, Strategy, VerifyOutcome } from '../types';

const ID = 'session-cached';
const SESSION_COOKIE = 'rl_session';
const CACHE_COOKIE = 'rl_session_cache';
/** 32 random bytes (256 bits) in base64url: 43 characters. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** base64url(JSON) "." base64url(HMAC-SHA256): short enough that a cap of 1 KiB never bites a real one. */
const CACHE_PATTERN = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/;
const CACHE_VERSION = 1;

/**
 * The id is stored hashed, as `session` does, but under this strategy's own
 * domain (the preset id when it runs as a preset): a `session-cached` id is
 * never found by `session`, nor one preset's by another's.
 */
function idHashOf(ctx: LabContext, id: string): string {
  return createHash('sha256').update(`${ctx.credentialScope ?? ID}\0${id}`).digest('hex');
}

/**
 * The MAC key of the cache cookie: derived from the lab's secret, apart from every other use of it
 * (its own label, the lab's id, the scope). One HMAC with the secret as key is HKDF-Expand's first
 * block, and the Extract step HKDF adds is for secrets that are not uniformly random; this one is
 * random bytes. It matters because it runs on every request: `hkdfSync` cost ~12 µs here, half of
 * a cache hit's whole verify (npm run bench), for a cache whose reason to exist is speed.
 */
function cacheKey(ctx: LabContext): Buffer {
  return createHmac('sha256', ctx.lab.ironPassword)
    .update(`revocation-lab ${ctx.credentialScope ?? ID} cache v1\0${ctx.lab.id}`)
    .digest();
}

type CachedSession = { v: number; aud: string; sid: string; uid: number; username: string; role: AuthUser['role']; exp: number };

function sealCache(ctx: LabContext, data: CachedSession): string {
  const body = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${body}.${createHmac('sha256', cacheKey(ctx)).update(body).digest('base64url')}`;
}

/** The cached session a cache cookie carries, if its MAC is this lab's and it belongs to the presented id; else null. */
function openCache(ctx: LabContext, value: string | undefined, idHash: string): CachedSession | null {
  const m = value ? CACHE_PATTERN.exec(value) : null;
  if (!m) return null;
  const expected = Buffer.from(createHmac('sha256', cacheKey(ctx)).update(m[1]!).digest('base64url'));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
  if (typeof d !== 'object' || d === null || d.v !== CACHE_VERSION) return null;
  if (d.aud !== audienceFor(ctx.lab.id, ctx.credentialScope ?? ID) || d.sid !== idHash) return null;
  if (!int(d.uid) || d.uid < 1 || !int(d.exp) || typeof d.username !== 'string' || (d.role !== 'admin' && d.role !== 'user')) return null;
  return d as CachedSession;
}

/**
 * `session` plus a signed, short-lived cache cookie carrying the session's
 * data — Better Auth's `cookieCache`, and many hand-rolled "hybrid" setups.
 * While the cache cookie is fresh the server trusts it and reads nothing (0
 * lookups); when it has expired, the session row is read (1 lookup) and the
 * cache renewed. So every revocation — logout, sign-out-everywhere, password
 * change, role change, ban — deletes the row at once, yet a copy holding a
 * fresh cache cookie keeps working until that cookie expires
 * (`sessionCacheSeconds`): the cache is a stateless credential again.
 */
export const sessionCachedStrategy: Strategy<{ sessionId: string; idHash: string; absoluteExpiresAt: number }> = {
  id: ID,
  cookieNames: [SESSION_COOKIE, CACHE_COOKIE],
  usesLabJwtKey: false,

  record(tx, ctx, user) {
    const id = randomBytes(32).toString('base64url');
    const idHash = idHashOf(ctx, id);
    const absoluteExpiresAt = ctx.now + ctx.lab.settings.sessionAbsoluteSeconds;
    tx.sessions.insert({
      id_hash: idHash,
      lab_id: ctx.lab.id,
      user_id: user.id,
      created_at: ctx.now,
      last_seen_at: ctx.now,
      absolute_expires_at: absoluteExpiresAt,
    });
    return { sessionId: id, idHash, absoluteExpiresAt };
  },

  async mint(ctx, user, { sessionId, idHash, absoluteExpiresAt }) {
    return [
      { name: SESSION_COOKIE, value: sessionId },
      cacheCookie(ctx, idHash, user, Math.min(absoluteExpiresAt, ctx.now + ctx.lab.settings.sessionIdleSeconds)),
    ];
  },

  async verify(ctx, jar): Promise<VerifyOutcome> {
    const id = jar.get(SESSION_COOKIE);
    if (!id) return { ok: false, reason: 'no-credential' };
    if (!SESSION_ID_PATTERN.test(id)) return { ok: false, reason: 'malformed' };
    const idHash = idHashOf(ctx, id);

    // The whole point, and the whole weakness: a fresh cache is believed without asking the store.
    const cached = openCache(ctx, jar.get(CACHE_COOKIE), idHash);
    if (cached && ctx.now < cached.exp) {
      return {
        ok: true,
        user: { id: cached.uid, username: cached.username, role: cached.role },
        // All this answer vouches for is the cache: the row may be gone already.
        credential: { idHash, expiresAt: cached.exp, cacheHit: true },
      };
    }

    // No cache, an expired one or a forged one: the row decides, as in `session`.
    const live = readLiveSession(ctx, idHash);
    if (!live.ok) return live;
    // Only a renewal slides the idle timeout: cache hits never reach the row.
    const { row, expiresAt: sessionExpiresAt } = live;
    const user: AuthUser = { id: row.user_id, username: row.username, role: row.role };
    return {
      ok: true,
      user,
      // The row was read: this answer vouches for the session itself.
      credential: { idHash, expiresAt: sessionExpiresAt, cacheHit: false, absoluteExpiresAt: row.absolute_expires_at },
      renew: [cacheCookie(ctx, idHash, user, sessionExpiresAt)],
    };
  },

  logout(ctx, jar) {
    const id = jar.get(SESSION_COOKIE);
    if (id && SESSION_ID_PATTERN.test(id)) ctx.store.sessions.deleteOne(ctx.lab.id, idHashOf(ctx, id));
  },

  // As `session`: every user event ends all of the user's rows — which a fresh cache cookie never asks about.
  onUserEvent(tx, ctx, user) {
    tx.sessions.deleteByUserId(ctx.lab.id, user.id);
  },
};

/** A cache cookie for a session: it never outlives the session it caches. */
function cacheCookie(ctx: LabContext, idHash: string, user: AuthUser, sessionExpiresAt: number): CookieWrite {
  const exp = Math.min(ctx.now + ctx.lab.settings.sessionCacheSeconds, sessionExpiresAt);
  const value = sealCache(ctx, {
    v: CACHE_VERSION,
    aud: audienceFor(ctx.lab.id, ctx.credentialScope ?? ID),
    sid: idHash,
    uid: user.id,
    username: user.username,
    role: user.role,
    exp,
  });
  return { name: CACHE_COOKIE, value };
}
