import { verifyCounted } from '@/lib/auth/measured';
import { describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt } from 'jose';
import { frozenLab, jarOf, FROZEN_AT } from '@/tests/support/frozen-lab';
import { generateJwtKey } from '@/lib/auth/keys';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { signLabJwt } from '@/lib/auth/jwt-tokens';
import { jwtStrategy } from './jwt';
import { issueCredentials } from '@/lib/auth/issue';

const COOKIE = 'rl_jwt';

describe('jwt strategy', () => {
  it('verifies with 0 lookups, on the lab clock: valid until jwtTtlSeconds, expired from that second', async () => {
    const lab = await frozenLab({ jwtTtlSeconds: 600 });
    const jar = jarOf(await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob));
    const v = await verifyCounted(jwtStrategy, lab.ctx(), jar);
    expect(v).toMatchObject({ ok: true, lookups: 0, user: lab.users.bob, credential: { expiresAt: FROZEN_AT + 600 } });
    lab.advance(599);
    expect((await verifyCounted(jwtStrategy, lab.ctx(), jar)).ok).toBe(true);
    lab.advance(1);
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jar)).toEqual({ ok: false, reason: 'expired', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
  });

  it('a copy survives logout, sign-out-everywhere, password change, ban and demotion (nothing on the server to revoke)', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), jwtStrategy, lab.users.alice));
    const copy = new Map(jar);
    await logout(lab.ctx(), jwtStrategy, jar);
    await logoutEverywhere(lab.ctx(), jwtStrategy, jar);
    lab.store.transaction((tx) => {
      broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'password-change');
      tx.users.setBanned(lab.labId, lab.users.alice.id, true);
      broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'ban');
      tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
      broadcastUserEvent(tx, lab.ctx(), { ...lab.users.alice, role: 'user' }, 'role-change');
    });
    const v = await verifyCounted(jwtStrategy, lab.ctx(), copy);
    expect(v.ok && v.user.role).toBe('admin');
  });

  it('key rotation cuts every token off with bad-signature', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob));
    const key = await generateJwtKey('HS256');
    lab.store.labs.replaceJwtKey(lab.labId, key.alg, key.kid, JSON.stringify(key.jwk));
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jar)).toEqual({ ok: false, reason: 'bad-signature', lookups: 0, storeStatements: { reads: 0, writes: 0 } });
  });

  it('refuses tampering: an edited payload (role: admin), alg none, another audience, another lab', async () => {
    const lab = await frozenLab();
    const token = (await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob))[0]!.value;
    const [h, , s] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'admin' })).toString('base64url');
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jarOf([], { [COOKIE]: `${h}.${forgedPayload}.${s}` }))).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'session+jwt' })).toString('base64url');
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jarOf([], { [COOKIE]: `${none}.${forgedPayload}.` }))).toMatchObject({
      ok: false,
      reason: 'alg-not-allowed',
    });
    const { token: forVersion } = await signLabJwt(lab.ctx(), 'jwt-version', lab.users.bob, 60);
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jarOf([], { [COOKIE]: forVersion }))).toMatchObject({ reason: 'bad-claims' });
    const other = await frozenLab({}, lab.store);
    const fromOther = (await issueCredentials(other.ctx(), jwtStrategy, other.users.bob))[0]!.value;
    expect((await verifyCounted(jwtStrategy, lab.ctx(), jarOf([], { [COOKIE]: fromOther }))).ok).toBe(false);
  });

  it('refuses a correctly signed token that lacks a required claim', async () => {
    const lab = await frozenLab();
    const secret = new Uint8Array(Buffer.from(lab.lab().jwtKey.jwk.k!, 'base64url'));
    const noJti = await new SignJWT({ username: 'bob', role: 'user' })
      .setProtectedHeader({ alg: 'HS256', typ: 'session+jwt' })
      .setIssuer(`urn:revocation-lab:lab:${lab.labId}`)
      .setAudience(`urn:revocation-lab:lab:${lab.labId}:jwt`)
      .setSubject(String(lab.users.bob.id))
      .setIssuedAt(FROZEN_AT)
      .setExpirationTime(FROZEN_AT + 60)
      .sign(secret);
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jarOf([], { [COOKIE]: noJti }))).toMatchObject({ ok: false, reason: 'bad-claims' });
  });
});
