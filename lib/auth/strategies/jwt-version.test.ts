import { verifyCounted } from '@/lib/auth/measured';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { frozenLab, jarOf } from '@/tests/support/frozen-lab';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { signLabJwt } from '@/lib/auth/jwt-tokens';
import type { UserEvent } from '@/lib/auth/types';
import { jwtStrategy } from './jwt';
import { jwtVersionStrategy as version } from './jwt-version';
import { issueCredentials } from '@/lib/auth/issue';

const COOKIE = 'rl_jwt_version';

describe('jwt-version strategy', () => {
  it('carries the stored token_version and compares it on every request (1 lookup)', async () => {
    const lab = await frozenLab();
    lab.store.users.bumpTokenVersion(lab.labId, lab.users.bob.id);
    const writes = await issueCredentials(lab.ctx(), version, lab.users.bob);
    expect(decodeJwt(writes[0]!.value).ver).toBe(2);
    expect(await verifyCounted(version, lab.ctx(), jarOf(writes))).toMatchObject({ ok: true, lookups: 1, credential: { tokenVersion: 2 } });
  });

  it('logout only clears the cookie: a copy of the logged-out token still works', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), version, lab.users.bob));
    await logout(lab.ctx(), version, jar);
    expect((await verifyCounted(version, lab.ctx(), jar)).ok).toBe(true);
    expect(lab.store.users.tokenStateInLab(lab.labId, lab.users.bob.id)?.token_version).toBe(1);
  });

  it.each<UserEvent>(['logout-all', 'password-change', 'role-change', 'ban'])(
    '%s bumps the version: every device of that user is revoked, other users are not, a new login works',
    async (event) => {
      const lab = await frozenLab();
      const laptop = jarOf(await issueCredentials(lab.ctx(), version, lab.users.alice));
      const phone = jarOf(await issueCredentials(lab.ctx(), version, lab.users.alice));
      const carol = jarOf(await issueCredentials(lab.ctx(), version, lab.users.carol));
      lab.store.transaction((tx) => {
        if (event === 'ban') tx.users.setBanned(lab.labId, lab.users.alice.id, true);
        if (event === 'role-change') tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
        broadcastUserEvent(tx, lab.ctx(), lab.users.alice, event);
      });
      for (const jar of [laptop, phone]) {
        expect(await verifyCounted(version, lab.ctx(), jar)).toEqual({ ok: false, reason: 'revoked', lookups: 1, storeStatements: { reads: 1, writes: 0 } });
      }
      expect((await verifyCounted(version, lab.ctx(), carol)).ok).toBe(true);
      if (event !== 'ban') {
        const fresh = await verifyCounted(version, lab.ctx(), jarOf(await issueCredentials(lab.ctx(), version, lab.users.alice)));
        expect(fresh.ok).toBe(true);
      }
    },
  );

  it('sign-out-everywhere through the flow revokes the stolen copy of another device', async () => {
    const lab = await frozenLab();
    const laptopCopy = jarOf(await issueCredentials(lab.ctx(), version, lab.users.bob));
    const phone = jarOf(await issueCredentials(lab.ctx(), version, lab.users.bob));
    await logoutEverywhere(lab.ctx(), version, phone);
    expect(await verifyCounted(version, lab.ctx(), laptopCopy)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('a banned user whose version was not bumped is still refused (the same row says banned)', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), version, lab.users.bob));
    lab.store.users.setBanned(lab.labId, lab.users.bob.id, true);
    expect(await verifyCounted(version, lab.ctx(), jar)).toEqual({ ok: false, reason: 'account-disabled', lookups: 1, storeStatements: { reads: 1, writes: 0 } });
  });

  it('refuses a token without a numeric version, a jwt-strategy token, and a user id from another lab', async () => {
    const lab = await frozenLab();
    const other = await frozenLab({}, lab.store);
    const noVer = (await signLabJwt(lab.ctx(), 'jwt-version', lab.users.bob, 60)).token;
    const strVer = (await signLabJwt(lab.ctx(), 'jwt-version', lab.users.bob, 60, { ver: '1' })).token;
    const jwtToken = (await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob))[0]!.value;
    const foreignUser = (await signLabJwt(lab.ctx(), 'jwt-version', other.users.bob, 60, { ver: 1 })).token;
    expect(await verifyCounted(version, lab.ctx(), jarOf([], { [COOKIE]: noVer }))).toMatchObject({ reason: 'bad-claims', lookups: 0 });
    expect(await verifyCounted(version, lab.ctx(), jarOf([], { [COOKIE]: strVer }))).toMatchObject({ reason: 'bad-claims' });
    expect(await verifyCounted(version, lab.ctx(), jarOf([], { [COOKIE]: jwtToken }))).toMatchObject({ reason: 'bad-claims' });
    expect(await verifyCounted(version, lab.ctx(), jarOf([], { [COOKIE]: foreignUser }))).toEqual({
      ok: false,
      reason: 'unknown-user',
      lookups: 1,
      storeStatements: { reads: 1, writes: 0 },
    });
  });
});
