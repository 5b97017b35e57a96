import { verifyCounted, refreshCounted } from '@/lib/auth/measured';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { frozenLab, jarOf, FROZEN_AT, type FrozenLab } from '@/tests/support/frozen-lab';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { rotateJwtKey } from '@/lib/labs/operator';
import type { CookieJar, CookieWrite, RefreshResult } from '@/lib/auth/types';
import { jwtStrategy } from './jwt';
import { hashRefreshToken, jwtRefreshStrategy as refresh } from './jwt-refresh';
import { issueCredentials } from '@/lib/auth/issue';
import { sqlOf } from '@/lib/db/testing';

const ACCESS = 'rl_access';
const REFRESH = 'rl_refresh';
const REVOKE = 'rl_refresh_revoke';

async function login(lab: FrozenLab, who: 'alice' | 'bob' | 'carol' = 'bob'): Promise<CookieJar> {
  return jarOf(await issueCredentials(lab.ctx(), refresh, lab.users[who]));
}

async function trade(lab: FrozenLab, jar: CookieJar): Promise<RefreshResult> {
  return refreshCounted(refresh, lab.ctx(), jar);
}

function cookiesOf(result: RefreshResult): CookieWrite[] {
  if (!result.ok) throw new Error(`refresh refused: ${result.reason}`);
  return result.cookies;
}

describe('jwt-refresh strategy', () => {
  it('issues a short access JWT and a 256-bit refresh token scoped to …/refresh, storing only its SHA-256', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 300, refreshTtlSeconds: 3600 });
    const writes = await issueCredentials(lab.ctx(), refresh, lab.users.bob);
    const access = writes.find((w) => w.name === ACCESS)!;
    const refreshCookie = writes.find((w) => w.name === REFRESH)!;
    expect(access.subPath).toBeUndefined();
    expect(refreshCookie.subPath).toBe('refresh');
    expect(refresh.cookieSubPaths).toEqual({ [REFRESH]: 'refresh', [REVOKE]: 'logout' });
    expect(decodeJwt(access.value).exp).toBe(FROZEN_AT + 300);
    expect(refreshCookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = sqlOf(lab.store).all('SELECT token_hash, expires_at FROM refresh_tokens');
    expect(rows).toEqual([{ token_hash: hashRefreshToken(refreshCookie.value), expires_at: FROZEN_AT + 3600 }]);
  });

  it('verifies the access token with 0 lookups, even after its refresh family is revoked — until accessTtlSeconds', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 300 });
    const jar = await login(lab);
    const copy = new Map(jar);
    await logout(lab.ctx(), refresh, jar);
    expect(await verifyCounted(refresh, lab.ctx(), copy)).toMatchObject({ ok: true, lookups: 0 });
    lab.advance(299);
    expect((await verifyCounted(refresh, lab.ctx(), copy)).ok).toBe(true);
    lab.advance(1);
    expect(await verifyCounted(refresh, lab.ctx(), copy)).toEqual({ ok: false, reason: 'expired', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
    expect(await trade(lab, copy)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('an access-token verify only reads: no store statement and no row changed — fresh, later, after a refresh, logout, expiry, junk', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 300, refreshTtlSeconds: 3600 });
    const changes = () => sqlOf(lab.store).get<{ n: number }>('SELECT total_changes() AS n')!.n;
    const readsOnly = async (jar: CookieJar, expected: { ok: boolean; reason?: string }) => {
      const ctx = lab.ctx();
      const before = changes();
      const v = await verifyCounted(refresh, ctx, jar);
      expect(v).toMatchObject({ ...expected, lookups: 0, storeStatements: { reads: 0, writes: 0 } });
      expect(changes()).toBe(before);
    };
    const jar = await login(lab);
    const first = new Map(jar);
    await readsOnly(jar, { ok: true });
    lab.advance(1);
    await readsOnly(jar, { ok: true });
    const rotated = jarOf(cookiesOf(await trade(lab, jar)));
    await readsOnly(rotated, { ok: true });
    await readsOnly(first, { ok: true }); // the pre-refresh access token: still read only
    await logout(lab.ctx(), refresh, rotated);
    await readsOnly(first, { ok: true });
    lab.advance(300);
    await readsOnly(first, { ok: false, reason: 'expired' });
    await readsOnly(jarOf([], { [ACCESS]: 'junk' }), { ok: false });
    await readsOnly(jarOf([], { [REFRESH]: first.get(REFRESH)! }), { ok: false, reason: 'no-credential' });
  });

  it('a refresh rotates: new access and refresh tokens, the old one marked rotated; one read and the writes counted', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 300, refreshTtlSeconds: 3600 });
    const jar = await login(lab);
    lab.advance(400);
    expect((await verifyCounted(refresh, lab.ctx(), jar)).ok).toBe(false);
    const result = await trade(lab, jar);
    expect(result).toMatchObject({
      ok: true,
      // The read of the token row; the writes: the family's refresh counter, the compare-and-set rotation,
      // the sweep of expired rows, the successor's insert and the cap on the family's rows.
      lookups: 1,
      storeStatements: { reads: 1, writes: 5 },
      user: lab.users.bob,
      credential: { expiresAt: FROZEN_AT + 700, refreshExpiresAt: FROZEN_AT + 3600 }, // the family's expiry, not extended
    });
    const next = jarOf(cookiesOf(result));
    expect(next.get(REFRESH)).not.toBe(jar.get(REFRESH));
    expect((await verifyCounted(refresh, lab.ctx(), next)).ok).toBe(true);
    expect(decodeJwt(next.get(ACCESS)!).fid).toBe(decodeJwt(jar.get(ACCESS)!).fid);
    const old = lab.store.refreshTokens.findByHash(lab.labId, hashRefreshToken(jar.get(REFRESH)!));
    expect(old?.rotated_at).toBe(FROZEN_AT + 400);
  });

  it('reuse of a rotated token revokes the whole family: the holder of the newest token is refused too', async () => {
    const lab = await frozenLab();
    const victim = await login(lab);
    const stolen = new Map(victim);
    const victimNext = jarOf(cookiesOf(await trade(lab, victim)));
    const reuse = await trade(lab, stolen);
    expect(reuse).toMatchObject({ ok: false, reason: 'revoked', clear: [REFRESH, REVOKE] });
    expect(!reuse.ok && reuse.detail).toMatch(/used twice/);
    expect(await trade(lab, victimNext)).toMatchObject({ ok: false, reason: 'revoked' });
    // Another login of the same user is another family, untouched.
    expect((await trade(lab, await login(lab))).ok).toBe(true);
  });

  it('two concurrent refreshes with one token: exactly one rotation succeeds, never two live successors', async () => {
    const lab = await frozenLab();
    const jar = await login(lab);
    const results = await Promise.all([trade(lab, jar), trade(lab, jar)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const live = sqlOf(lab.store).get<{ n: number }>('SELECT count(*) AS n FROM refresh_tokens WHERE rotated_at IS NULL AND revoked_at IS NULL');
    expect(live!.n).toBe(0); // the second one was reuse: the family is gone
  });

  it('logout revokes this login’s refresh token (found through the access token), not the other device’s', async () => {
    const lab = await frozenLab();
    const laptop = await login(lab);
    const phone = await login(lab);
    const stolen = new Map(laptop);
    await logout(lab.ctx(), refresh, new Map([[ACCESS, laptop.get(ACCESS)!]])); // the browser sends no refresh cookie to /logout
    expect(await trade(lab, stolen)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await trade(lab, phone)).ok).toBe(true);
  });

  it('logout after the access token expired still revokes the refresh token; a forged expired token revokes nothing', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 60 });
    const jar = await login(lab);
    const other = await login(lab);
    lab.advance(600);
    await logout(lab.ctx(), refresh, new Map([[ACCESS, jar.get(ACCESS)!]]));
    expect(await trade(lab, jar)).toMatchObject({ ok: false, reason: 'revoked' });
    const [h, p] = other.get(ACCESS)!.split('.');
    await logout(lab.ctx(), refresh, new Map([[ACCESS, `${h}.${p}.${'A'.repeat(43)}`]]));
    expect((await trade(lab, other)).ok).toBe(true);
  });

  it('logout revokes the family through the revoke cookie after a key rotation, when the access token no longer verifies', async () => {
    const lab = await frozenLab();
    const laptop = await login(lab);
    const phone = await login(lab);
    const stolen = new Map(laptop);
    await rotateJwtKey(lab.store, lab.lab());
    expect(await verifyCounted(refresh, lab.ctx(), laptop)).toMatchObject({ ok: false, reason: 'bad-signature' });
    // What the browser sends to …/logout: the access cookie (now unverifiable) and the revoke cookie.
    await logout(lab.ctx(), refresh, new Map([[ACCESS, laptop.get(ACCESS)!], [REVOKE, laptop.get(REVOKE)!]]));
    expect(await trade(lab, stolen)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await trade(lab, phone)).ok).toBe(true);
  });

  it('logout with the revoke cookie alone revokes its family; a forged, altered or foreign revoke cookie revokes nothing', async () => {
    const lab = await frozenLab();
    const other = await frozenLab({}, lab.store);
    const jar = await login(lab);
    const keep = await login(lab);
    const foreign = jarOf(await issueCredentials(other.ctx(), refresh, other.users.bob));
    const [fid, mac] = keep.get(REVOKE)!.split('.');
    const forged = [
      `${fid}.${'A'.repeat(43)}`,
      `${jar.get(REVOKE)!.split('.')[0]}.${mac}`, // another family's MAC
      foreign.get(REVOKE)!, // another lab's cookie
      `${fid}.${mac}x`,
      'junk',
    ];
    for (const value of forged) await logout(lab.ctx(), refresh, new Map([[REVOKE, value]]));
    expect((await trade(lab, keep)).ok).toBe(true);
    await logout(lab.ctx(), refresh, new Map([[REVOKE, jar.get(REVOKE)!]]));
    expect(await trade(lab, jar)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it.each(['logout-all', 'password-change', 'ban'] as const)('%s revokes every refresh token of the user and nobody else’s', async (event) => {
    const lab = await frozenLab();
    const laptop = await login(lab);
    const phone = await login(lab);
    const carol = await login(lab, 'carol');
    if (event === 'logout-all') {
      await logoutEverywhere(lab.ctx(), refresh, phone);
    } else {
      lab.store.transaction((tx) => {
        if (event === 'ban') tx.users.setBanned(lab.labId, lab.users.bob.id, true);
        broadcastUserEvent(tx, lab.ctx(), lab.users.bob, event);
      });
    }
    expect(await trade(lab, laptop)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await trade(lab, phone)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await trade(lab, carol)).ok).toBe(true);
    // …and the access token it already handed out lives on: it is never checked against the store.
    expect((await verifyCounted(refresh, lab.ctx(), laptop)).ok).toBe(true);
  });

  it('a role change revokes nothing: the old access token keeps the old role, the next refresh carries the new one', async () => {
    const lab = await frozenLab();
    const jar = await login(lab, 'alice');
    lab.store.transaction((tx) => {
      tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
      broadcastUserEvent(tx, lab.ctx(), { ...lab.users.alice, role: 'user' }, 'role-change');
    });
    const before = await verifyCounted(refresh, lab.ctx(), jar);
    expect(before.ok && before.user.role).toBe('admin');
    const after = await verifyCounted(refresh, lab.ctx(), jarOf(cookiesOf(await trade(lab, jar))));
    expect(after.ok && after.user.role).toBe('user');
  });

  it('refuses an expired refresh token, a banned user’s surviving token, junk and unknown tokens', async () => {
    const lab = await frozenLab({ refreshTtlSeconds: 1000 });
    const jar = await login(lab);
    const banned = await login(lab, 'carol');
    lab.store.users.setBanned(lab.labId, lab.users.carol.id, true); // no broadcast: the row survives
    expect(await trade(lab, banned)).toMatchObject({ ok: false, reason: 'account-disabled' });
    expect(await trade(lab, new Map([[REFRESH, 'A'.repeat(43)]]))).toEqual({
      ok: false,
      reason: 'unknown-session',
      lookups: 1,
      storeStatements: { reads: 1, writes: 0 },
      detail: undefined,
      clear: [REFRESH, REVOKE],
    });
    expect(await trade(lab, new Map([[REFRESH, 'x'.repeat(5000)]]))).toMatchObject({ ok: false, reason: 'malformed', lookups: 0 });
    expect(await trade(lab, new Map())).toMatchObject({ ok: false, reason: 'no-credential', clear: [] });
    lab.advance(1000);
    expect(await trade(lab, jar)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('rotation never extends the login: the family expires refreshTtlSeconds after login, however often it is refreshed', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 60, refreshTtlSeconds: 600 });
    let jar = await login(lab);
    for (let t = 0; t < 9; t++) {
      lab.advance(60);
      jar = jarOf(cookiesOf(await trade(lab, jar)));
    }
    lab.advance(59);
    expect((await verifyCounted(refresh, lab.ctx(), jar)).ok).toBe(true);
    lab.advance(1); // +600: the family's end
    expect(await trade(lab, jar)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('an access token minted near the end of its login expires with the login, not accessTtlSeconds later', async () => {
    const lab = await frozenLab({ accessTtlSeconds: 300, refreshTtlSeconds: 1000 });
    const jar = await login(lab);
    lab.advance(900);
    const result = await trade(lab, jar);
    expect(result).toMatchObject({ ok: true, credential: { expiresAt: FROZEN_AT + 1000, refreshExpiresAt: FROZEN_AT + 1000 } });
    const next = jarOf(cookiesOf(result));
    lab.advance(99);
    expect((await verifyCounted(refresh, lab.ctx(), next)).ok).toBe(true);
    lab.advance(1);
    expect(await verifyCounted(refresh, lab.ctx(), next)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('a refresh token of one lab is unknown in another; a jwt cookie is refused as an access token', async () => {
    const lab = await frozenLab();
    const other = await frozenLab({}, lab.store);
    const jar = await login(lab);
    expect(await refresh.refresh!(other.ctx(), jar)).toMatchObject({ ok: false, reason: 'unknown-session' });
    const jwt = (await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob))[0]!.value;
    expect(await verifyCounted(refresh, lab.ctx(), new Map([[ACCESS, jwt]]))).toMatchObject({ ok: false, reason: 'bad-claims' });
  });
});
