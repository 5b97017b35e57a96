import 'server-only';
import { ApiError } from '../http';
import type { StoreTables } from '../db/store';
import type { UserRow } from '../db/users';
import type { Lab } from '../labs/lab';
import { chosenPasswordParams, hashPassword, RANDOM_SECRET_PARAMS, verifyAgainstDummy, verifyPassword } from './passwords';
import { lockedForSeconds, recordFailure, recordSuccess } from './login-throttle';
import { broadcastUserEvent } from './user-events';
import { verifyCounted } from './measured';
import { recordCredentials } from './issue';
import type { AuthContext, AuthUser, CookieJar, CookieWrite, Strategy, Verification } from './types';

export const toAuthUser = (row: UserRow): AuthUser => ({ id: row.id, username: row.username, role: row.role });

function throttled(seconds: number): ApiError {
  return new ApiError('too-many-failed-logins', `Try again in ${seconds} s.`, {
    'Retry-After': String(seconds),
  });
}

function accountDisabled(): ApiError {
  return new ApiError('account-disabled', 'This account has been disabled by the operator.');
}

function invalidCredentials(): ApiError {
  return new ApiError('invalid-credentials', 'Unknown username or wrong password.');
}

/**
 * The user row as it is now, read again after the password work. Hashing
 * takes ~170 ms (seconds when queued): a password change or a ban committed
 * meanwhile must win, or a login with the old password would issue a
 * credential after the revocation that was meant to end it.
 */
function recheckUser(tables: StoreTables, lab: Lab, before: UserRow, whenBanned: () => ApiError): UserRow {
  const now = tables.users.findById(lab.id, before.id);
  if (!now || now.password_hash !== before.password_hash) throw invalidCredentials();
  if (now.banned) throw whenBanned();
  return now;
}

/**
 * Password login. Unknown user, wrong password and a disabled account cost the
 * same time (the hash is checked in every case) and get the same answer, and
 * count as the same failure: a disabled account is no password oracle (issue
 * 13.6), neither by its answer nor by the throttle a right password would
 * otherwise reset. While an account is throttled even the right password is
 * refused, so guessing gains nothing from the lock.
 *
 * `presented` is the jar the browser sent with the login: a successful login
 * ends that session first (revoked server-side where the strategy can), so a
 * fixed or copied credential from before does not survive the re-login.
 */
export async function login(
  ctx: AuthContext,
  strategy: Strategy,
  credentials: { username: string; password: string },
  presented?: CookieJar,
): Promise<{ user: AuthUser; cookies: CookieWrite[] }> {
  const { store, lab } = ctx;
  const username = credentials.username;
  const wait = lockedForSeconds(store, lab.id, username);
  if (wait > 0) throw throttled(wait);

  const row = store.users.findByName(lab.id, username);
  const valid = row ? await verifyPassword(credentials.password, row.password_hash) : await verifyAgainstDummy(credentials.password);
  // Check again after hashing: a burst of parallel guesses all pass the first
  // check before any failure is recorded. Once the concurrent failures have
  // locked the account, every answer still in flight is 429 — right or wrong —
  // so a burst learns no more than sequential guessing would.
  const waitAfter = lockedForSeconds(store, lab.id, username);
  if (waitAfter > 0) throw throttled(waitAfter);
  if (!row || !valid || row.banned) {
    recordFailure(store, lab.id, username);
    throw invalidCredentials();
  }
  recordSuccess(store, lab.id, username);
  if (presented) await logout(ctx, strategy, presented);
  // The re-read and the strategy's record step (its session or refresh-token
  // row, or the token version it signs) share one write lock: no revocation,
  // from this process or another, can commit between the two. Signing waits
  // for the commit.
  const { user, mint } = store.transaction((tx) => {
    const current = toAuthUser(recheckUser(tx, lab, row, invalidCredentials));
    return { user: current, mint: recordCredentials(tx, ctx, strategy, current) };
  });
  return { user, cookies: await mint() };
}

export function unauthenticated(verification: Extract<Verification, { ok: false }>): ApiError {
  return ApiError.refused(verification.reason);
}

export async function requireAuth(ctx: AuthContext, strategy: Strategy, jar: CookieJar) {
  const verification = await verifyCounted(strategy, ctx, jar);
  if (!verification.ok) throw unauthenticated(verification);
  return verification;
}

export async function logout(ctx: AuthContext, strategy: Strategy, jar: CookieJar): Promise<{ wasAuthenticated: boolean }> {
  const verification = await verifyCounted(strategy, ctx, jar);
  await strategy.logout(ctx, jar, verification);
  return { wasAuthenticated: verification.ok };
}

export async function logoutEverywhere(ctx: AuthContext, strategy: Strategy, jar: CookieJar): Promise<AuthUser> {
  const verification = await requireAuth(ctx, strategy, jar);
  ctx.store.transaction((tx) =>
    broadcastUserEvent(tx, ctx, verification.user, 'logout-all', { strategy, presented: verification.credential }),
  );
  return verification.user;
}

/**
 * Password change: the current password is required (a stolen cookie alone
 * must not be enough to take the account). The new hash, every revocation and
 * this device's fresh credential commit together; the credential is signed
 * after the commit.
 */
export async function changePassword(
  ctx: AuthContext,
  strategy: Strategy,
  jar: CookieJar,
  body: { currentPassword: string; newPassword: string },
): Promise<{ user: AuthUser; cookies: CookieWrite[] }> {
  const verification = await requireAuth(ctx, strategy, jar);
  const { store, lab } = ctx;
  const row = store.users.findById(lab.id, verification.user.id);
  // Verified a moment ago, gone now: the credential names nobody, a refusal like verify's own.
  if (!row) throw ApiError.refused('unknown-user');
  // A stateless credential outlives a ban (that is the lesson): it must not
  // also be able to mint a fresh one, or a banned user stays in for ever.
  if (row.banned) throw accountDisabled();
  const wait = lockedForSeconds(store, lab.id, row.username);
  if (wait > 0) throw throttled(wait);
  const currentOk = await verifyPassword(body.currentPassword, row.password_hash);
  // Same re-check as in login: parallel wrong guesses must not outrun the lock.
  const waitAfter = lockedForSeconds(store, lab.id, row.username);
  if (waitAfter > 0) throw throttled(waitAfter);
  if (!currentOk) {
    recordFailure(store, lab.id, row.username);
    throw new ApiError('wrong-current-password', 'The current password is not correct.');
  }
  // A child lab is a scenario runner's throwaway lab: nobody but the runner knows its id, every
  // password in it is 128 random bits chosen by the runner (lib/scenarios), and it is deleted when
  // the run ends; such secrets need no stretching. Everywhere else: the full OWASP parameters.
  // (The full set costs ~170 ms of a core; a matrix changes six passwords: ~1 s of CPU per matrix.)
  const newHash = await hashPassword(body.newPassword, lab.parentLabId !== null ? RANDOM_SECRET_PARAMS : chosenPasswordParams());
  const { user, mint } = store.transaction((tx) => {
    // Checked again under the write lock: a ban or another password change committed while we were hashing wins.
    const current = toAuthUser(recheckUser(tx, lab, row, accountDisabled));
    // The demo password is no longer true; a password the person chose is never stored in clear.
    tx.users.setPassword(lab.id, current.id, newHash, null);
    broadcastUserEvent(tx, ctx, current, 'password-change', { strategy, presented: verification.credential });
    // After the revocations: the fresh credential is not among what they end.
    return { user: current, mint: recordCredentials(tx, ctx, strategy, current) };
  });
  return { user, cookies: await mint() };
}
