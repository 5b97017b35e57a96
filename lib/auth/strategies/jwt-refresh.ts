import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeJwt } from 'jose';
import { realNowMs } from '../../clock';
import { MAX_TOKEN_LENGTH, signLabJwt, verifyLabJwt, type JwtCheck } from '../jwt-tokens';
import type { StoreTables } from '../../db/store';
import type { AuthUser, CookieWrite, LabContext, RefreshOutcome, Strategy } from '../types';

const ID = 'jwt-refresh';
const ACCESS_COOKIE = 'rl_access';
const REFRESH_COOKIE = 'rl_refresh';
/**
 * The refresh cookie is scoped to …/jwt-refresh/refresh: the browser sends it
 * to the one endpoint that trades it, never to /me or /admin, so it does not
 * travel (and get logged or copied) with every ordinary request.
 */
const REFRESH_SUB_PATH = 'refresh';
/**
 * Logout must end the login even when the access token no longer verifies
 * (the key was rotated, the algorithm changed, the access cookie is gone), and
 * the refresh cookie never reaches …/logout. Scoping the refresh cookie to the
 * strategy's whole path would send the long-lived secret with every /me and
 * /admin; a second copy of it on …/logout would put the trading secret in one
 * more place. So logout gets its own cookie on …/logout: the family id and a
 * MAC over it under a lab secret. It can revoke its family and nothing else —
 * it cannot be traded for tokens — and it outlives key rotation, because it
 * does not depend on the JWT key.
 */
const REVOKE_COOKIE = 'rl_refresh_revoke';
const REVOKE_SUB_PATH = 'logout';
const REVOKE_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
/**
 * Bounds on one login's refresh tokens (issue 13.4). Rotated rows are kept for
 * reuse detection, but only the newest few: a reuse of a token older than that
 * is refused as unknown instead of revoking the family — a thief replaying a
 * token twenty rotations old has long been outrun by the holder's refreshes.
 */
export const MAX_ROWS_PER_FAMILY = 20;
/**
 * Refreshes per family per real-time window. A browser refreshes once per
 * access lifetime (minutes); a scenario's window measure at most a few dozen
 * times a run. Real time, like the login throttle: moving the lab clock must
 * not lift it.
 */
export const MAX_REFRESHES_PER_WINDOW = 120;
export const REFRESH_WINDOW_MS = 60_000;
/** The private claim tying an access token to the refresh-token family of its login. */
const FAMILY_CLAIM = 'fid';
/** 32 random bytes (256 bits) in base64url: 43 characters. */
const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const FAMILY_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Only the SHA-256 of a refresh token is stored: a leaked database or backup
 * holds nothing that can be traded. 256 random bits need no salt or stretching.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Records a fresh refresh token of a family; the caller hands the clear value
 * to the browser only. `expiresAt` is the family's: set once at login
 * (refreshTtlSeconds) and inherited by every rotation, so whoever holds the
 * refresh cookie — victim or thief — cannot stretch a login forever by
 * refreshing every few minutes.
 */
function insertRefreshToken(tables: StoreTables, ctx: LabContext, userId: number, familyId: string, expiresAt: number): string {
  const token = randomBytes(32).toString('base64url');
  // Rows are kept until they expire (a rotated one is what reveals reuse); then they can go.
  tables.refreshTokens.sweepExpired(ctx.lab.id, ctx.now);
  tables.refreshTokens.insert({
    token_hash: hashRefreshToken(token),
    lab_id: ctx.lab.id,
    user_id: userId,
    family_id: familyId,
    scope: scopeOf(ctx),
    created_at: ctx.now,
    expires_at: expiresAt,
    rotated_at: null,
    revoked_at: null,
  });
  return token;
}

/** Who issues this login's tokens: jwt-refresh itself, or a preset built on it (clerk-like). */
const scopeOf = (ctx: LabContext): string => ctx.credentialScope ?? ID;

/**
 * A key of its own for the revoke MAC, derived from the lab's secret
 * (domain-separated from iron's use of it) and per scope, so a preset's revoke
 * cookie ends nothing at jwt-refresh's logout, nor the other way round.
 */
function revokeKey(ctx: LabContext): Buffer {
  return Buffer.from(hkdfSync('sha256', ctx.lab.ironPassword, ctx.lab.id, `revocation-lab ${scopeOf(ctx)} revoke v1`, 32));
}

function revokeMac(ctx: LabContext, familyId: string): string {
  return createHmac('sha256', revokeKey(ctx)).update(familyId).digest('base64url');
}

/** The family a revoke cookie names, when its MAC is this lab's; null for anything else. */
function familyOfRevokeCookie(ctx: LabContext, value: string | undefined): string | null {
  const m = value ? REVOKE_PATTERN.exec(value) : null;
  if (!m) return null;
  const expected = Buffer.from(revokeMac(ctx, m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
}

/** An access token never outlives its login: its lifetime is capped at the family's expiry. */
function accessTtlSeconds(ctx: LabContext, familyExpiresAt: number): number {
  return Math.max(1, Math.min(ctx.lab.settings.accessTtlSeconds, familyExpiresAt - ctx.now));
}

async function cookiesFor(
  ctx: LabContext,
  user: AuthUser,
  family: { id: string; expiresAt: number },
  refreshToken: string,
): Promise<{ cookies: CookieWrite[]; accessExpiresAt: number }> {
  const { token, exp } = await signLabJwt(ctx, ID, user, accessTtlSeconds(ctx, family.expiresAt), { [FAMILY_CLAIM]: family.id });
  return {
    cookies: [
      { name: ACCESS_COOKIE, value: token },
      { name: REFRESH_COOKIE, value: refreshToken, subPath: REFRESH_SUB_PATH },
    ],
    accessExpiresAt: exp,
  };
}

function familyOf(check: JwtCheck): string | null {
  if (!check.ok) return null;
  const fid = check.claims[FAMILY_CLAIM];
  return typeof fid === 'string' && FAMILY_ID_PATTERN.test(fid) ? fid : null;
}

/**
 * The family of an access token that has expired, for logout only: verified
 * (signature, issuer, audience) as of the last second it was valid, so its
 * `fid` is authentic. People press "log out" after the 5 minutes have passed;
 * the refresh token of that login must still die.
 */
async function familyOfExpiredToken(ctx: LabContext, token: string | undefined): Promise<string | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  let exp: unknown;
  try {
    exp = decodeJwt(token).exp;
  } catch {
    return null;
  }
  if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp > ctx.now) return null;
  return familyOf(await verifyLabJwt({ ...ctx, now: exp - 1 }, token, ID));
}

type Refusal = Extract<RefreshOutcome, { ok: false }>;

const refused = (reason: Refusal['reason'], detail?: string): Refusal => ({
  ok: false,
  reason,
  detail,
  // The refresh cookie can never work again (nor its revoke cookie); the access cookie lives on until its own expiry.
  clear: [REFRESH_COOKIE, REVOKE_COOKIE],
});

/**
 * Counts this refresh in its family's real-time window; past the allowance the
 * answer is a 429 that keeps every cookie (the credential is fine) and says
 * when to come back. Counted before any rotation, so a refused attempt changes
 * nothing but the counter.
 */
function rateLimited(tables: StoreTables, ctx: LabContext, familyId: string): Refusal | null {
  const nowMs = realNowMs();
  const window = tables.refreshTokens.countRefresh(ctx.lab.id, familyId, nowMs, REFRESH_WINDOW_MS);
  if (window.refreshes <= MAX_REFRESHES_PER_WINDOW) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil((window.window_started_ms + REFRESH_WINDOW_MS - nowMs) / 1000));
  return {
    ok: false,
    reason: 'too-many-refreshes',
    detail: `At most ${MAX_REFRESHES_PER_WINDOW} refreshes per login per ${REFRESH_WINDOW_MS / 1000} s. Try again in ${retryAfterSeconds} s.`,
    clear: [],
    retryAfterSeconds,
  };
}

/**
 * A short access JWT (accessTtlSeconds), verified with no lookup at all, plus
 * an opaque refresh token stored server-side, rotated on every use. Revocation
 * works on the refresh token only: the window is the access token's lifetime.
 */
/** What a login records for its access token: the new family and the clear refresh token (only the browser gets it). */
type RecordedLogin = { family: { id: string; expiresAt: number }; refreshToken: string };

export const jwtRefreshStrategy: Strategy<RecordedLogin> = {
  id: ID,
  cookieNames: [ACCESS_COOKIE, REFRESH_COOKIE, REVOKE_COOKIE],
  cookieSubPaths: { [REFRESH_COOKIE]: REFRESH_SUB_PATH, [REVOKE_COOKIE]: REVOKE_SUB_PATH },
  usesLabJwtKey: true,

  record(tx, ctx, user) {
    // A family per login: reuse of any of its tokens revokes this login only, not the user's other devices.
    const familyId = randomBytes(16).toString('base64url');
    const expiresAt = ctx.now + ctx.lab.settings.refreshTtlSeconds;
    // Counters of ended windows say nothing: dropped here, once per login, so they stay one per recent family.
    tx.refreshTokens.sweepRateWindows(ctx.lab.id, realNowMs() - REFRESH_WINDOW_MS);
    const refreshToken = insertRefreshToken(tx, ctx, user.id, familyId, expiresAt);
    return { family: { id: familyId, expiresAt }, refreshToken };
  },

  async mint(ctx, user, { family, refreshToken }) {
    const { cookies } = await cookiesFor(ctx, user, family, refreshToken);
    // Written once per login: the family never changes, so refreshes need not rewrite it.
    return [...cookies, { name: REVOKE_COOKIE, value: `${family.id}.${revokeMac(ctx, family.id)}`, subPath: REVOKE_SUB_PATH }];
  },

  async verify(ctx, jar) {
    // Never checked against the store: that is the whole point, and the whole weakness.
    const check = await verifyLabJwt(ctx, jar.get(ACCESS_COOKIE), ID);
    if (!check.ok) return { ok: false, reason: check.reason };
    const familyId = familyOf(check);
    if (!familyId) return { ok: false, reason: 'bad-claims' };
    return { ok: true, user: check.user, credential: { jti: check.claims.jti, expiresAt: check.claims.exp, familyId } };
  },

  async refresh(ctx, jar) {
    const presented = jar.get(REFRESH_COOKIE);
    if (!presented) return { ...refused('no-credential'), clear: [] };
    if (!REFRESH_TOKEN_PATTERN.test(presented)) return refused('malformed');
    const hash = hashRefreshToken(presented);

    // Read, check and rotate in one IMMEDIATE transaction: two refreshes with
    // one token (a retry, two tabs, an attacker racing the victim) cannot both
    // rotate it. The conditional UPDATE is the second guard, for the same
    // reason, should this ever run outside such a transaction.
    type Rotated = { ok: true; user: AuthUser; familyId: string; next: { token: string; expiresAt: number } };
    const outcome = ctx.store.transaction((tx): Rotated | Refusal => {
      const row = tx.refreshTokens.findWithUser(ctx.lab.id, hash);
      if (!row) return refused('unknown-session');
      // Another scope's token (clerk-like's at …/jwt-refresh/refresh, or the other way round): refused and left
      // untouched — it is neither rotated nor counted as a reuse, as it would be at its own endpoint.
      if (row.scope !== scopeOf(ctx)) return refused('bad-claims', `This refresh token was issued by ${row.scope}, not ${scopeOf(ctx)}.`);
      if (row.revoked_at !== null) return refused('revoked');
      if (row.rotated_at !== null) {
        // Reuse detection (OAuth 2.0 Security BCP §4.14.2): a rotated token
        // came back, so two parties hold this family; we cannot tell which is
        // the thief, so both lose it — the holder of the newest token too.
        tx.refreshTokens.revokeFamily(ctx.lab.id, row.family_id, ctx.now);
        return refused('revoked', 'A refresh token was used twice: its whole family is revoked.');
      }
      if (ctx.now >= row.expires_at) return refused('expired');
      const limited = rateLimited(tx, ctx, row.family_id);
      if (limited) return limited;
      if (row.banned) {
        tx.refreshTokens.revokeFamily(ctx.lab.id, row.family_id, ctx.now);
        return refused('account-disabled');
      }
      if (!tx.refreshTokens.markRotated(ctx.lab.id, hash, ctx.now)) {
        tx.refreshTokens.revokeFamily(ctx.lab.id, row.family_id, ctx.now);
        return refused('revoked', 'A refresh token was used twice: its whole family is revoked.');
      }
      const next = { token: insertRefreshToken(tx, ctx, row.user_id, row.family_id, row.expires_at), expiresAt: row.expires_at };
      tx.refreshTokens.capFamily(ctx.lab.id, row.family_id, MAX_ROWS_PER_FAMILY);
      // The role is read now: a demotion reaches the next access token, never an earlier one.
      const user: AuthUser = { id: row.user_id, username: row.username, role: row.role };
      return { ok: true as const, user, familyId: row.family_id, next };
    });
    if (!outcome.ok) return outcome;

    const { cookies, accessExpiresAt } = await cookiesFor(
      ctx,
      outcome.user,
      { id: outcome.familyId, expiresAt: outcome.next.expiresAt },
      outcome.next.token,
    );
    return {
      ok: true,
      user: outcome.user,
      // The read of the token row and the compare-and-set that rotates it.
      credential: {
        expiresAt: accessExpiresAt,
        refreshExpiresAt: outcome.next.expiresAt,
        familyId: outcome.familyId,
      },
      cookies,
    };
  },

  async logout(ctx, jar, verification) {
    // The refresh cookie is not sent to /logout (its path is …/refresh). The
    // login is found through the revoke cookie, which works whatever happened
    // to the access token, and through the access token's family claim (a
    // browser from before the revoke cookie existed, or one that lost it).
    const families = new Set<string>();
    const fromRevokeCookie = familyOfRevokeCookie(ctx, jar.get(REVOKE_COOKIE));
    if (fromRevokeCookie) families.add(fromRevokeCookie);
    const fromAccessToken =
      verification.ok && typeof verification.credential.familyId === 'string'
        ? verification.credential.familyId
        : !verification.ok && verification.reason === 'expired'
          ? await familyOfExpiredToken(ctx, jar.get(ACCESS_COOKIE))
          : null;
    if (fromAccessToken) families.add(fromAccessToken);
    for (const familyId of families) ctx.store.refreshTokens.revokeFamily(ctx.lab.id, familyId, ctx.now);
  },

  // Sign-out-everywhere and password change need an access token that
  // verifies (they act for an authenticated user and answer 401 otherwise,
  // claiming nothing); they and a ban revoke every refresh token of the user,
  // whichever key signed the access tokens.
  onUserEvent(tx, ctx, user, event) {
    // Role change: nothing to revoke, the new role is read at the next refresh.
    // Until then the access token keeps the old role — the window again.
    if (event === 'logout-all' || event === 'password-change' || event === 'ban') {
      tx.refreshTokens.revokeByUserId(ctx.lab.id, user.id, ctx.now);
    }
  },
};
