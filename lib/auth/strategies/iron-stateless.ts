import { sealData, unsealData } from 'iron-session';
import { audienceFor, MAX_TOKEN_LENGTH } from '../jwt-tokens';
import type { AuthUser, LabContext, Strategy, VerifyOutcome } from '../types';

const ID = 'iron-stateless';
const COOKIE = 'rl_iron';
/** Sealed-data format version: bumped if the shape below ever changes. */
const DATA_VERSION = 1;

/**
 * iron's own expiry is switched off (ttl 0). In iron-session 8.0.4 `sealData`
 * passes `ttl * 1000` to iron-webcrypto, whose seal writes an empty expiration
 * field when ttl is 0, and `unseal` only checks an expiration that is present
 * — against Date.now(), the real clock. That check would ignore the lab's
 * time travel, so the expiry lives inside the sealed data instead, on the lab
 * clock, and is checked by us.
 */
const IRON_TTL_NEVER = 0;

/**
 * What `sealData` produces with one password (id "1") and no iron expiry:
 * `Fe26.2*1*salt*iv*ciphertext**hmacSalt*hmac~2`. Checking the shape first
 * lets the reasons stay honest: iron-session returns `{}` both for a bad HMAC
 * and for a wrong component count, and throws on some other junk.
 */
const SEAL_PATTERN = /^Fe26\.2\*1\*[0-9a-f]{64}\*[A-Za-z0-9_-]{22}\*[A-Za-z0-9_-]+\*\*[0-9a-f]{64}\*[A-Za-z0-9_-]{43}~2$/;

type SealedUser = { v: number; aud: string; uid: number; username: string; role: AuthUser['role']; iat: number; exp: number };

// An explicit password map: the id written into the seal is pinned to "1".
const passwordOf = (ctx: LabContext) => ({ 1: ctx.lab.ironPassword });

function readSealedUser(data: unknown, audience: string): SealedUser | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
  if (d.v !== DATA_VERSION || d.aud !== audience) return null;
  if (!int(d.uid) || d.uid < 1 || !int(d.iat) || !int(d.exp)) return null;
  if (typeof d.username !== 'string' || d.username.length === 0 || d.username.length > 64) return null;
  if (d.role !== 'admin' && d.role !== 'user') return null;
  return d as SealedUser;
}

/**
 * iron-session's own model, as its README and the Next.js guide show it: the
 * user's data sealed (encrypted and MACed) into the cookie. Zero lookups —
 * and, exactly like `jwt`, nothing on the server can take it back before its
 * expiry. Encryption hides the payload; it does not make it revocable.
 */
export const ironStatelessStrategy: Strategy = {
  id: ID,
  cookieNames: [COOKIE],
  usesLabJwtKey: false,

  // Nothing to record: the server keeps no state about this seal.
  record: () => ({}),

  async mint(ctx, user) {
    const data: SealedUser = {
      v: DATA_VERSION,
      // The lab's password already keeps other labs out; the audience keeps the
      // seal from being mistaken for any other sealed value we might add later.
      aud: audienceFor(ctx.lab.id, ctx.credentialScope ?? ID),
      uid: user.id,
      username: user.username,
      role: user.role,
      iat: ctx.now,
      exp: ctx.now + ctx.lab.settings.jwtTtlSeconds,
    };
    const seal = await sealData(data, { password: passwordOf(ctx), ttl: IRON_TTL_NEVER });
    return [{ name: COOKIE, value: seal }];
  },

  async verify(ctx, jar): Promise<VerifyOutcome> {
    const seal = jar.get(COOKIE);
    if (!seal) return { ok: false, reason: 'no-credential' };
    if (seal.length > MAX_TOKEN_LENGTH || !SEAL_PATTERN.test(seal)) return { ok: false, reason: 'malformed' };
    let data: unknown;
    try {
      data = await unsealData(seal, { password: passwordOf(ctx), ttl: IRON_TTL_NEVER });
    } catch {
      // Only reachable with a valid MAC over undecryptable content: not ours.
      return { ok: false, reason: 'malformed' };
    }
    // With the shape checked, the password id pinned and no iron expiry, an
    // empty object can only mean the MAC did not verify with this lab's password.
    if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) {
      return { ok: false, reason: 'bad-signature' };
    }
    const sealed = readSealedUser(data, audienceFor(ctx.lab.id, ctx.credentialScope ?? ID));
    if (!sealed) return { ok: false, reason: 'bad-claims' };
    // Same rule as jose's `exp`: refused from the second it names.
    if (ctx.now >= sealed.exp) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      user: { id: sealed.uid, username: sealed.username, role: sealed.role },
      credential: { expiresAt: sealed.exp, issuedAt: sealed.iat },
    };
  },

  // Nothing to record: the server keeps no state about this seal.
  logout() {},
  onUserEvent() {},
};
