import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { importJwtKey } from './keys';
import { reasonFromJoseError } from './jose-errors';
import type { FailureReason } from './reasons';
import type { AuthUser, LabContext } from './types';

/**
 * Issuer and verifier share one clock (the lab clock), so there is no skew to
 * absorb: any tolerance would only lengthen the window the lab measures.
 */
export const CLOCK_TOLERANCE_SECONDS = 0;
/** Anything longer is not one of ours; refuse it before any parsing. */
export const MAX_TOKEN_LENGTH = 4096;
/** RFC 8725 §3.11: explicit typing, so a token minted for one use is not accepted for another. */
export const JWT_TYPE = 'session+jwt';

export const issuerFor = (labId: string) => `urn:revocation-lab:lab:${labId}`;
/** One audience per strategy: a `jwt` cookie is refused by `jwt-version`, and so on. */
export const audienceFor = (labId: string, strategyId: string) => `urn:revocation-lab:lab:${labId}:${strategyId}`;

export type LabJwtClaims = JWTPayload & { sub: string; jti: string; exp: number; iat: number; username: string; role: AuthUser['role'] };

export async function signLabJwt(
  ctx: LabContext,
  strategyId: string,
  user: AuthUser,
  ttlSeconds: number,
  extraClaims: Record<string, unknown> = {},
): Promise<{ token: string; jti: string; exp: number }> {
  const { lab, now } = ctx;
  const { signKey } = await importJwtKey(lab.id, lab.jwtKey);
  const jti = randomBytes(16).toString('base64url');
  const exp = now + ttlSeconds;
  const token = await new SignJWT({ ...extraClaims, username: user.username, role: user.role })
    .setProtectedHeader({ alg: lab.jwtKey.alg, typ: JWT_TYPE, kid: lab.jwtKey.kid })
    .setIssuer(issuerFor(lab.id))
    .setAudience(audienceFor(lab.id, ctx.credentialScope ?? strategyId))
    .setSubject(String(user.id))
    .setJti(jti)
    // Numeric dates from the lab clock: jose would otherwise read the real clock.
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(signKey);
  return { token, jti, exp };
}

export type JwtCheck =
  | { ok: true; claims: LabJwtClaims; user: AuthUser }
  | { ok: false; reason: FailureReason };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Verifies a lab JWT with everything pinned: the lab's one algorithm and
 * current key (a `kid`, `jku`, `x5u` or embedded `jwk` in the header is never
 * used to pick a key), issuer, audience, type, required claims, and the lab
 * clock as "now". Every failure comes back as a reason; nothing throws.
 */
export async function verifyLabJwt(ctx: LabContext, token: string | undefined, strategyId: string): Promise<JwtCheck> {
  if (!token) return { ok: false, reason: 'no-credential' };
  if (token.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(token) || !isCanonicalBase64url(token)) return { ok: false, reason: 'malformed' };
  const { lab, now } = ctx;
  try {
    const { verifyKey } = await importJwtKey(lab.id, lab.jwtKey);
    const { payload } = await jwtVerify(token, verifyKey, {
      algorithms: [lab.jwtKey.alg],
      issuer: issuerFor(lab.id),
      audience: audienceFor(lab.id, ctx.credentialScope ?? strategyId),
      typ: JWT_TYPE,
      requiredClaims: ['exp', 'iat', 'sub', 'jti'],
      currentDate: new Date(now * 1000),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const user = userFromClaims(payload);
    if (!user || typeof payload.jti !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') {
      return { ok: false, reason: 'bad-claims' };
    }
    return { ok: true, claims: payload as LabJwtClaims, user };
  } catch (err) {
    return { ok: false, reason: reasonFromJoseError(err) };
  }
}

/**
 * base64url decoders ignore the unused low bits of the last character, so
 * `…Q` and `…R` can decode to the same signature: one token, several strings.
 * Refusing every non-canonical spelling keeps "one token = one string", so
 * nothing keyed on the token's text (a hash, a log, a denylist) can be
 * sidestepped by re-spelling it.
 */
export function isCanonicalBase64url(token: string): boolean {
  // Only a part's last character can carry unused bits: 2 of them when the
  // part's length is 3 mod 4, 4 when it is 2 mod 4; 1 mod 4 is never valid.
  // Checking that one character is what a decode-and-re-encode round trip
  // checks, without decoding the whole token (a verify on every request).
  for (const part of token.split('.')) {
    const rest = part.length % 4;
    if (rest === 1) return false;
    if (rest === 0) continue;
    const value = BASE64URL_ALPHABET.indexOf(part[part.length - 1]!);
    const unusedBits = rest === 2 ? 0b1111 : 0b11;
    if (value < 0 || (value & unusedBits) !== 0) return false;
  }
  return true;
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function userFromClaims(payload: JWTPayload): AuthUser | null {
  const { sub, username, role } = payload;
  if (typeof sub !== 'string' || !/^[1-9][0-9]{0,15}$/.test(sub)) return null;
  if (typeof username !== 'string' || username.length === 0 || username.length > 64) return null;
  if (role !== 'admin' && role !== 'user') return null;
  return { id: Number(sub), username, role };
}
