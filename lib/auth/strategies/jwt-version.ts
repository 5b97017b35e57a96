import { signLabJwt, verifyLabJwt } from '../jwt-tokens';
import type { Strategy } from '../types';

const COOKIE = 'rl_jwt_version';
/** The private claim carrying the user's token_version at issue time. */
const VERSION_CLAIM = 'ver';

/**
 * `jwt` carrying the user's `token_version`, compared with the stored one on
 * every request (1 lookup). Bumping the version cuts off every token of that
 * user at once — which is also why a plain logout cannot use it: revoking one
 * device's copy would log out all the others.
 */
export const jwtVersionStrategy: Strategy<{ tokenVersion: number }> = {
  id: 'jwt-version',
  cookieNames: [COOKIE],
  usesLabJwtKey: true,

  // The version is read in the login's transaction: a bump committed before it is in the token, one after it cuts the token off.
  record(tx, ctx, user) {
    const state = tx.users.tokenStateInLab(ctx.lab.id, user.id);
    if (!state) throw new Error(`jwt-version: user ${user.id} is not in lab ${ctx.lab.id}`);
    return { tokenVersion: state.token_version };
  },

  async mint(ctx, user, { tokenVersion }) {
    const { token } = await signLabJwt(ctx, 'jwt-version', user, ctx.lab.settings.jwtTtlSeconds, {
      [VERSION_CLAIM]: tokenVersion,
    });
    return [{ name: COOKIE, value: token }];
  },

  async verify(ctx, jar) {
    const check = await verifyLabJwt(ctx, jar.get(COOKIE), 'jwt-version');
    if (!check.ok) return { ok: false, reason: check.reason };
    const version = check.claims[VERSION_CLAIM];
    if (typeof version !== 'number' || !Number.isSafeInteger(version)) return { ok: false, reason: 'bad-claims' };
    const state = ctx.store.users.tokenStateInLab(ctx.lab.id, check.user.id);
    if (!state) return { ok: false, reason: 'unknown-user' };
    // The version is the mechanism this strategy teaches, so it is compared
    // first: after a ban the answer is `revoked` (the ban bumped the version).
    if (version !== state.token_version) return { ok: false, reason: 'revoked' };
    // The same row says whether the user is banned; reading it costs nothing
    // more, and it still refuses a token if a ban ever lands without a bump.
    if (state.banned) return { ok: false, reason: 'account-disabled' };
    // The role comes from the token: a role change bumps the version, so a
    // token with a stale role is refused above rather than silently upgraded.
    return {
      ok: true,
      user: check.user,
      credential: { jti: check.claims.jti, expiresAt: check.claims.exp, tokenVersion: version },
    };
  },

  // Logout only clears this device's cookie: bumping the version here would
  // sign the user out of every device, which is not what "log out" means.
  logout() {},

  onUserEvent(tx, ctx, user, event) {
    if (event === 'logout-all' || event === 'password-change' || event === 'role-change' || event === 'ban') {
      tx.users.bumpTokenVersion(ctx.lab.id, user.id);
    }
  },
};
