import { signLabJwt, verifyLabJwt } from '../jwt-tokens';
import type { StoreTables } from '../../db/store';
import type { CredentialFacts, LabContext, Strategy } from '../types';

const COOKIE = 'rl_jwt_denylist';

/**
 * Records one presented token as revoked until its own expiry. Entries of
 * already-expired tokens are swept on every insert: past `exp` the signature
 * check refuses the token anyway, so the row would only be dead weight.
 */
function denylistPresented(tables: StoreTables, ctx: LabContext, presented: CredentialFacts | null): void {
  if (!presented?.jti || typeof presented.expiresAt !== 'number') return;
  tables.denylist.sweepExpired(ctx.lab.id, ctx.now);
  tables.denylist.add(ctx.lab.id, presented.jti, presented.expiresAt);
}

/**
 * `jwt` plus a table of revoked `jti`s, read on every request (1 lookup).
 * It can only revoke a token somebody presents to it: "sign out everywhere"
 * from a phone cannot name the laptop's token, because nothing recorded it —
 * recording every issued token would make this a session table.
 */
export const jwtDenylistStrategy: Strategy = {
  id: 'jwt-denylist',
  cookieNames: [COOKIE],
  usesLabJwtKey: true,

  // Nothing to record: a token is denylisted when presented for revocation, never at issue.
  record: () => ({}),

  async mint(ctx, user) {
    const { token } = await signLabJwt(ctx, 'jwt-denylist', user, ctx.lab.settings.jwtTtlSeconds);
    return [{ name: COOKIE, value: token }];
  },

  async verify(ctx, jar) {
    const check = await verifyLabJwt(ctx, jar.get(COOKIE), 'jwt-denylist');
    // A bad or expired token is refused before the store is asked: no lookup spent on junk.
    if (!check.ok) return { ok: false, reason: check.reason };
    if (ctx.store.denylist.has(ctx.lab.id, check.claims.jti)) return { ok: false, reason: 'revoked' };
    return { ok: true, user: check.user, credential: { jti: check.claims.jti, expiresAt: check.claims.exp } };
  },

  logout(ctx, _jar, verification) {
    // Only a token that still verifies is worth a row: an expired or forged one is refused already.
    if (verification.ok) denylistPresented(ctx.store, ctx, verification.credential);
  },

  onUserEvent(tx, ctx, _user, event, presented) {
    // Role change and ban: there is no record of which tokens this user holds,
    // so nothing can be revoked — the copy keeps its role and works until `exp`.
    if (event === 'logout-all' || event === 'password-change') denylistPresented(tx, ctx, presented);
  },
};
