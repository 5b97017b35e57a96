import { verifyCounted } from '@/lib/auth/measured';
import { describe, expect, it } from 'vitest';
import { frozenLab, jarOf, FROZEN_AT } from '@/tests/support/frozen-lab';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { jwtStrategy } from './jwt';
import { jwtDenylistStrategy as denylist } from './jwt-denylist';
import { issueCredentials } from '@/lib/auth/issue';
import { sqlOf } from '@/lib/db/testing';

const COOKIE = 'rl_jwt_denylist';

describe('jwt-denylist strategy', () => {
  it('checks the denylist on every request: exactly 1 lookup; junk and expired tokens cost none', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 60 });
    const jar = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    expect(await verifyCounted(denylist, lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 1, credential: { expiresAt: FROZEN_AT + 60 } });
    expect(await verifyCounted(denylist, lab.ctx(), jarOf([], { [COOKIE]: 'a.b' }))).toEqual({ ok: false, reason: 'malformed', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
    lab.advance(60);
    expect(await verifyCounted(denylist, lab.ctx(), jar)).toEqual({ ok: false, reason: 'expired', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
  });

  it('logout denylists the presented token: the stolen copy is revoked, the same user’s other device is not', async () => {
    const lab = await frozenLab();
    const laptop = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    const phone = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    const copy = new Map(laptop);
    await logout(lab.ctx(), denylist, laptop);
    expect(await verifyCounted(denylist, lab.ctx(), copy)).toEqual({ ok: false, reason: 'revoked', lookups: 1, storeStatements: { reads: 1, writes: 0 } });
    expect((await verifyCounted(denylist, lab.ctx(), phone)).ok).toBe(true);
  });

  it('sign-out-everywhere from the phone denylists only the phone’s token: the laptop’s stolen copy still works', async () => {
    const lab = await frozenLab();
    const laptopCopy = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    const phone = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    await logoutEverywhere(lab.ctx(), denylist, phone);
    expect(await verifyCounted(denylist, lab.ctx(), phone)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await verifyCounted(denylist, lab.ctx(), laptopCopy)).toMatchObject({ ok: true, lookups: 1 });
    expect(lab.store.denylist.count(lab.labId)).toBe(1);
  });

  it('password change denylists the presented token; a change made through another strategy denylists nothing', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    const v = await verifyCounted(denylist, lab.ctx(), jar);
    if (!v.ok) throw new Error('expected a valid token');
    lab.store.transaction((tx) =>
      broadcastUserEvent(tx, lab.ctx(), lab.users.bob, 'password-change', { strategy: jwtStrategy, presented: v.credential }),
    );
    expect((await verifyCounted(denylist, lab.ctx(), jar)).ok).toBe(true); // the jwt endpoint was called, not ours
    lab.store.transaction((tx) =>
      broadcastUserEvent(tx, lab.ctx(), lab.users.bob, 'password-change', { strategy: denylist, presented: v.credential }),
    );
    expect(await verifyCounted(denylist, lab.ctx(), jar)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it('ban and role change can do nothing: the copy keeps working, with its old role', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.alice));
    lab.store.transaction((tx) => {
      tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
      broadcastUserEvent(tx, lab.ctx(), { ...lab.users.alice, role: 'user' }, 'role-change');
      tx.users.setBanned(lab.labId, lab.users.alice.id, true);
      broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'ban');
    });
    const v = await verifyCounted(denylist, lab.ctx(), jar);
    expect(v.ok && v.user.role).toBe('admin');
    expect(lab.store.denylist.count(lab.labId)).toBe(0);
  });

  it('an entry is kept until the token’s own expiry, then swept on a later insert', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 100 });
    const first = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    await logout(lab.ctx(), denylist, first);
    const [row] = sqlOf(lab.store).all<{ expires_at: number }>('SELECT expires_at FROM jwt_denylist');
    expect(row!.expires_at).toBe(FROZEN_AT + 100);
    lab.advance(99);
    expect(await verifyCounted(denylist, lab.ctx(), first)).toMatchObject({ reason: 'revoked' });
    const second = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    lab.advance(1);
    await logout(lab.ctx(), denylist, second); // first has expired by now: its row goes
    expect(lab.store.denylist.count(lab.labId)).toBe(1);
    expect(await verifyCounted(denylist, lab.ctx(), first)).toMatchObject({ reason: 'expired' });
    expect(await verifyCounted(denylist, lab.ctx(), second)).toMatchObject({ reason: 'revoked' });
  });

  it('logging out with an expired or forged token records nothing', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 10 });
    const jar = jarOf(await issueCredentials(lab.ctx(), denylist, lab.users.bob));
    lab.advance(10);
    await logout(lab.ctx(), denylist, jar);
    await logout(lab.ctx(), denylist, jarOf([], { [COOKIE]: 'junk' }));
    expect(lab.store.denylist.count(lab.labId)).toBe(0);
  });

  it('a jwt cookie is refused (audience per strategy)', async () => {
    const lab = await frozenLab();
    const token = (await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob))[0]!.value;
    expect(await verifyCounted(denylist, lab.ctx(), jarOf([], { [COOKIE]: token }))).toMatchObject({ ok: false, reason: 'bad-claims' });
  });
});
