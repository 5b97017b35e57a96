import { signLabJwt, verifyLabJwt } from '../jwt-tokens';
import type { PresetId } from '../../ids';
import type { Strategy } from '../types';

const COOKIE = 'rl_id_token';
/** The private claim carrying the user's "tokens valid after" generation at sign-in. */
const GENERATION_CLAIM = 'rgen';

/**
 * A Firebase-style ID token: a signed JWT with a one-hour lifetime (the
 * preset's jwtTtlSeconds), verified like `verifyIdToken(token, checkRevoked)`
 * of the Firebase Admin SDK.
 *
 * Firebase keeps a per-user `tokensValidAfterTime`, moved by
 * `revokeRefreshTokens()` (our sign-out-everywhere), by a password change and
 * by disabling the account (our ban); a change of custom claims (our role
 * change) does not move it — the new claims arrive with the next token. With
 * `checkRevoked: false` (the default) none of it is read: the token is good
 * until `exp`. With `checkRevoked: true` the user record is read on every
 * request (1 lookup) and the token is refused when it was issued before the
 * mark (`auth/id-token-revoked`) or the user is disabled (`auth/user-disabled`).
 *
 * Firebase compares times (`auth_time` < `tokensValidAfterTime`, whole
 * seconds). The lab keeps the same order with a generation counter instead: a
 * scenario signs in and revokes within one lab-clock second, where a
 * comparison of seconds cannot tell which came first; a counter always can.
 */
export function firebaseIdTokenStrategy(options: { id: PresetId; checkRevoked: boolean }): Strategy<{ generation: number }> {
  const { id, checkRevoked } = options;
  return {
    id,
    cookieNames: [COOKIE],
    usesLabJwtKey: true,

    // Read inside the login's transaction: a revocation committed before it is in the token's generation.
    record(tx, ctx, user) {
      const state = tx.users.revocationStateInLab(ctx.lab.id, user.id);
      if (!state) throw new Error(`${id}: user ${user.id} is not in lab ${ctx.lab.id}`);
      return { generation: state.revocation_generation };
    },

    async mint(ctx, user, { generation }) {
      const { token } = await signLabJwt(ctx, id, user, ctx.lab.settings.jwtTtlSeconds, {
        auth_time: ctx.now,
        [GENERATION_CLAIM]: generation,
      });
      return [{ name: COOKIE, value: token }];
    },

    async verify(ctx, jar) {
      const check = await verifyLabJwt(ctx, jar.get(COOKIE), id);
      if (!check.ok) return { ok: false, reason: check.reason };
      const generation = check.claims[GENERATION_CLAIM];
      if (typeof generation !== 'number' || !Number.isSafeInteger(generation)) return { ok: false, reason: 'bad-claims' };
      const credential = { jti: check.claims.jti, expiresAt: check.claims.exp, revocationGeneration: generation };
      if (!checkRevoked) return { ok: true, user: check.user, credential };
      const state = ctx.store.users.revocationStateInLab(ctx.lab.id, check.user.id);
      if (!state) return { ok: false, reason: 'unknown-user' };
      // The Admin SDK checks `disabled` first (auth/user-disabled), then the mark (auth/id-token-revoked).
      if (state.banned) return { ok: false, reason: 'account-disabled' };
      if (generation < state.revocation_generation) return { ok: false, reason: 'revoked' };
      return { ok: true, user: check.user, credential };
    },

    // Firebase's signOut() is client-side: the server is not told, nothing is revoked.
    logout() {},

    onUserEvent(tx, ctx, user, event) {
      // The mark is the user's, as in Firebase, where the backend moves it whatever verifies tokens. Only the
      // checking variant moves it here: the other never reads it, and one move per event keeps the count honest.
      if (checkRevoked && (event === 'logout-all' || event === 'password-change' || event === 'ban')) {
        tx.users.bumpRevocationGeneration(ctx.lab.id, user.id);
      }
    },
  };
}
