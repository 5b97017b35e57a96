import { hkdfSync, randomUUID } from 'node:crypto';
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import { reasonFromJoseError } from '../jose-errors';
import { MAX_TOKEN_LENGTH } from '../jwt-tokens';
import type { AuthUser, CookieWrite, LabContext, Strategy, VerifyOutcome } from '../types';

/**
 * Auth.js's cookie name over plain HTTP (`__Secure-` prefixed over HTTPS). It
 * is also the HKDF salt of the encryption key, as in Auth.js: a token of one
 * cookie name does not decrypt under another.
 */
export const AUTHJS_COOKIE = 'authjs.session-token';
const ALG = 'dir';
const ENC = 'A256CBC-HS512';
/** A compact JWE has five base64url parts; the second (the encrypted key) is empty for `dir`. */
const JWE_SHAPE = /^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The lab's stand-in for AUTH_SECRET: derived from the lab's secret under a
 * label of its own, so it is no other use's key.
 */
function authSecret(ctx: LabContext): Buffer {
  return Buffer.from(hkdfSync('sha256', ctx.lab.ironPassword, ctx.lab.id, 'revocation-lab authjs AUTH_SECRET v1', 32));
}

/**
 * The encryption key exactly as @auth/core derives it (packages/core/src/jwt.ts,
 * getDerivedEncryptionKey): HKDF-SHA256 of the secret, salt = the cookie name,
 * info "Auth.js Generated Encryption Key (<salt>)", 64 bytes for A256CBC-HS512.
 */
export function authjsEncryptionKey(secret: Uint8Array, salt: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
}

async function encode(ctx: LabContext, user: AuthUser, maxAgeSeconds: number): Promise<{ token: string; exp: number }> {
  const key = authjsEncryptionKey(authSecret(ctx), AUTHJS_COOKIE);
  // Auth.js names the key by its JWK thumbprint (SHA-512 for a 64-byte key).
  const kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, 'sha512');
  const exp = ctx.now + maxAgeSeconds;
  const token = await new EncryptJWT({ sub: String(user.id), username: user.username, role: user.role })
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    // Lab-clock numbers: jose would otherwise read the real clock.
    .setIssuedAt(ctx.now)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .encrypt(key);
  return { token, exp };
}

function userOf(payload: JWTPayload): AuthUser | null {
  const { sub, username, role } = payload;
  if (typeof sub !== 'string' || !/^[1-9][0-9]{0,15}$/.test(sub)) return null;
  if (typeof username !== 'string' || username.length === 0 || username.length > 64) return null;
  if (role !== 'admin' && role !== 'user') return null;
  return { id: Number(sub), username, role };
}

/**
 * Auth.js (next-auth v5, @auth/core) default session: `strategy: "jwt"`, an
 * encrypted JWT (JWE, `dir` + A256CBC-HS512) in a cookie, `maxAge` 30 days
 * (the preset's jwtTtlSeconds).
 *
 * The expiry is pushed forward on every session read: in @auth/core's
 * lib/actions/session.ts, the JWT branch decodes the token, runs the `jwt`
 * callback and re-encodes it with `exp = now + maxAge`, setting the cookie
 * again — on every call, not throttled by `updateAge` (which only throttles
 * the database strategy's writes). Here every successful read (/me, /admin)
 * re-issues it the same way. So a copy that is used never expires, and
 * nothing on the server can end it: `signOut()` only deletes the cookie.
 *
 * Auth.js decodes with a 15 s clock tolerance; the lab uses none (issuer and
 * verifier share the lab clock), so a measured window equals maxAge exactly.
 */
export const authjsJwtStrategy: Strategy = {
  id: 'authjs-jwt',
  cookieNames: [AUTHJS_COOKIE],
  usesLabJwtKey: false,
  reissuesOnRead: true,

  // Nothing to record: the whole session is in the cookie.
  record: () => ({}),

  async mint(ctx, user) {
    const { token } = await encode(ctx, user, ctx.lab.settings.jwtTtlSeconds);
    return [{ name: AUTHJS_COOKIE, value: token }];
  },

  async verify(ctx, jar): Promise<VerifyOutcome> {
    const token = jar.get(AUTHJS_COOKIE);
    if (!token) return { ok: false, reason: 'no-credential' };
    if (token.length > MAX_TOKEN_LENGTH || !JWE_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtDecrypt(token, authjsEncryptionKey(authSecret(ctx), AUTHJS_COOKIE), {
        keyManagementAlgorithms: [ALG],
        contentEncryptionAlgorithms: [ENC],
        requiredClaims: ['exp', 'iat', 'sub', 'jti'],
        currentDate: new Date(ctx.now * 1000),
        clockTolerance: 0,
      }));
    } catch (err) {
      return { ok: false, reason: reasonFromJoseError(err) };
    }
    const user = userOf(payload);
    if (!user || typeof payload.exp !== 'number') return { ok: false, reason: 'bad-claims' };
    // The re-issue Auth.js makes on every session read: same user, a fresh 30 days.
    const reissued = await encode(ctx, user, ctx.lab.settings.jwtTtlSeconds);
    const renew: CookieWrite[] = [{ name: AUTHJS_COOKIE, value: reissued.token }];
    return {
      ok: true,
      user,
      // The presented token's own expiry: what the copy, replayed as it was stolen, is good for.
      credential: { jti: typeof payload.jti === 'string' ? payload.jti : undefined, expiresAt: payload.exp, reissuedUntil: reissued.exp },
      renew,
    };
  },

  // Auth.js signOut() deletes the cookie and nothing else (there is no server state to change).
  logout() {},
  onUserEvent() {},
};
