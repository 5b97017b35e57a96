import { verifyCounted } from '@/lib/auth/measured';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sealData } from 'iron-session';
import { frozenLab, jarOf, FROZEN_AT } from '@/tests/support/frozen-lab';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { audienceFor } from '@/lib/auth/jwt-tokens';
import { jwtStrategy } from './jwt';
import { ironStatelessStrategy as iron } from './iron-stateless';
import { issueCredentials } from '@/lib/auth/issue';

const COOKIE = 'rl_iron';

afterEach(() => vi.useRealTimers());

describe('iron-stateless strategy', () => {
  it('seals the user with our own expiry on the lab clock and no iron expiry (ttl 0); 0 lookups', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 900 });
    const seal = (await issueCredentials(lab.ctx(), iron, lab.users.bob))[0]!.value;
    expect(seal.split('*')[5]).toBe(''); // iron's own expiration component is empty
    expect(seal).not.toContain('bob'); // encrypted: unlike a JWT, the payload is not readable
    expect(await verifyCounted(iron, lab.ctx(), jarOf([], { [COOKIE]: seal }))).toEqual({
      ok: true,
      user: lab.users.bob,
      lookups: 0,
      storeStatements: { reads: 0, writes: 0 },
      credential: { expiresAt: FROZEN_AT + 900, issuedAt: FROZEN_AT },
    });
  });

  it('expires at jwtTtlSeconds on the lab clock, whatever the real clock says', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 900 });
    const jar = jarOf(await issueCredentials(lab.ctx(), iron, lab.users.bob));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 365 * 24 * 3600 * 1000); // a year of real time: iron does not care
    lab.advance(899);
    expect((await verifyCounted(iron, lab.ctx(), jar)).ok).toBe(true);
    lab.advance(1);
    expect(await verifyCounted(iron, lab.ctx(), jar)).toEqual({ ok: false, reason: 'expired', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
  });

  it('a copy survives logout, sign-out-everywhere, password change, ban and demotion', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), iron, lab.users.alice));
    await logout(lab.ctx(), iron, jar);
    await logoutEverywhere(lab.ctx(), iron, jar);
    lab.store.transaction((tx) => {
      broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'password-change');
      tx.users.setBanned(lab.labId, lab.users.alice.id, true);
      broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'ban');
      tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
      broadcastUserEvent(tx, lab.ctx(), { ...lab.users.alice, role: 'user' }, 'role-change');
    });
    const v = await verifyCounted(iron, lab.ctx(), jar);
    expect(v.ok && v.user.role).toBe('admin');
  });

  it('maps every unseal failure to a reason: tampered → bad-signature, junk → malformed, foreign data → bad-claims', async () => {
    const lab = await frozenLab();
    const other = await frozenLab({}, lab.store);
    const seal = (await issueCredentials(lab.ctx(), iron, lab.users.bob))[0]!.value;
    const verify = (value: string) => verifyCounted(iron, lab.ctx(), jarOf([], { [COOKIE]: value }));
    const parts = seal.split('*');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const tamperedCipher = [...parts.slice(0, 4), flip(parts[4]!), ...parts.slice(5)].join('*');
    const fromOtherLab = (await issueCredentials(other.ctx(), iron, other.users.bob))[0]!.value;
    expect(await verify(tamperedCipher)).toEqual({ ok: false, reason: 'bad-signature', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
    expect(await verify(fromOtherLab)).toMatchObject({ reason: 'bad-signature' });

    const password = { 1: lab.lab().ironPassword };
    const foreign = await sealData({ hello: 'world' }, { password, ttl: 0 });
    const otherAudience = await sealData(
      { v: 1, aud: audienceFor(lab.labId, 'jwt'), uid: 2, username: 'bob', role: 'admin', iat: FROZEN_AT, exp: FROZEN_AT + 60 },
      { password, ttl: 0 },
    );
    const withIronExpiry = await sealData({ hello: 'world' }, { password, ttl: 3600 });
    expect(await verify(foreign)).toMatchObject({ reason: 'bad-claims' });
    expect(await verify(otherAudience)).toMatchObject({ reason: 'bad-claims' });
    expect(await verify(withIronExpiry)).toMatchObject({ reason: 'malformed' });

    for (const junk of ['x', seal.slice(0, seal.length - 10), seal.replace(/~2$/, ''), seal + 'A'.repeat(5000), 'Fe26.2*1*a*b*c**d*e~2']) {
      expect(await verify(junk)).toMatchObject({ ok: false, reason: 'malformed', lookups: 0 });
    }
    const jwt = (await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob))[0]!.value;
    expect(await verify(jwt)).toMatchObject({ reason: 'malformed' });
    expect(await verifyCounted(iron, lab.ctx(), new Map())).toMatchObject({ reason: 'no-credential' });
  });
});
