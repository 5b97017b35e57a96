import { signLabJwt, verifyLabJwt } from '../jwt-tokens';
import type { Strategy } from '../types';

const COOKIE = 'rl_jwt';

/**
 * The stateless baseline: a signed JWT in an HttpOnly cookie, verified by its
 * signature and claims alone. Zero lookups — and so nothing on the server can
 * take it back before `exp`, except replacing the lab's signing key.
 */
export const jwtStrategy: Strategy = {
  id: 'jwt',
  cookieNames: [COOKIE],
  usesLabJwtKey: true,

  // Nothing to record: the server keeps no state about this token.
  record: () => ({}),

  async mint(ctx, user) {
    const { token } = await signLabJwt(ctx, 'jwt', user, ctx.lab.settings.jwtTtlSeconds);
    return [{ name: COOKIE, value: token }];
  },

  async verify(ctx, jar) {
    const check = await verifyLabJwt(ctx, jar.get(COOKIE), 'jwt');
    if (!check.ok) return { ok: false, reason: check.reason };
    return { ok: true, user: check.user, credential: { jti: check.claims.jti, expiresAt: check.claims.exp } };
  },

  // Nothing to record: the server keeps no state about this token.
  logout() {},
  onUserEvent() {},
};
