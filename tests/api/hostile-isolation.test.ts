import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab, type TestLab } from './helpers';
import { cookieHeader, expectCredentialRefused, expectRefusal, loginCookies, strategiesOf, withCookie } from './hostile-support';

/**
 * Isolation (MISSION.md, "Labs"): the lab id is the capability; nothing done
 * in one lab is visible or effective in another; ids cannot be enumerated and
 * errors say nothing about labs other than the one named.
 */

async function view(lab: TestLab) {
  const res = await agent().get(lab.api(''));
  expect(res.status).toBe(200);
  const { now: _now, ...rest } = res.body;
  return rest;
}

describe('isolation between labs', () => {
  it('every operator action in lab B leaves lab A — its users, sessions, tokens, clock, settings and key — untouched', { timeout: 120_000 }, async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    const strategies = await strategiesOf(a);
    const holdersA = await Promise.all(strategies.map(async (s) => ({ s, cookies: await loginCookies(a, s, 'bob') })));
    const adminA = await loginAs(a, 'session', 'alice');
    const before = await view(a);

    const op = agent();
    expect((await op.post(b.api('/users/bob/ban'))).status).toBe(200);
    expect((await op.post(b.api('/users/alice/role'), { role: 'user' })).status).toBe(200);
    expect((await op.post(b.api('/clock'), { advanceSeconds: 30 * 24 * 3600 })).status).toBe(200);
    expect((await op.patch(b.api('/settings'), { jwtAlg: 'ES256', jwtTtlSeconds: 10 })).status).toBe(200);
    expect((await op.post(b.api('/keys/rotate'))).status).toBe(200);
    // Bob of lab B signs out everywhere and changes his password, on every strategy.
    expect((await op.post(b.api('/users/bob/unban'))).status).toBe(200);
    for (const s of strategies) {
      const bobB = await loginAs(b, s, 'bob');
      expect((await bobB.post(b.api(`/${s}/logout-all`))).status).toBe(200);
    }
    const bobB = await loginAs(b, 'session', 'bob');
    expect((await bobB.post(b.api('/session/password'), { currentPassword: b.password('bob'), newPassword: 'lab b only password' })).status).toBe(200);
    // Five failed logins for bob in lab B lock bob in lab B only.
    for (let i = 0; i < 5; i++) await agent().post(b.api('/jwt/login'), { username: 'bob', password: `wrong-${i}` });

    expect(await view(a)).toEqual(before);
    for (const { s, cookies } of holdersA) {
      const me = await withCookie('GET', a.api(`/${s}/me`), cookieHeader(cookies));
      expect(me.status, `${s} in lab A: ${JSON.stringify(me.body)}`).toBe(200);
    }
    expect((await adminA.get(a.api('/session/admin'))).status).toBe(200);
    expect((await agent().post(a.api('/jwt/login'), { username: 'bob', password: a.password('bob') })).status).toBe(200);
    expect((await agent().post(a.api('/jwt/login'), { username: 'bob', password: 'lab b only password' })).status).toBe(401);
  });

  it("a lab's credentials are refused in another lab, and operator paths of one lab cannot name another's users", async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    for (const s of await strategiesOf(a)) {
      const cookies = await loginCookies(a, s, 'carol');
      // The same cookies, sent to lab B's path (as a curl user could): refused.
      expectCredentialRefused(await withCookie('GET', b.api(`/${s}/me`), cookieHeader(cookies)));
      expectCredentialRefused(await withCookie('POST', b.api(`/${s}/logout-all`), cookieHeader(cookies)));
      // And a logout in B with A's cookies revokes nothing in A.
      expect((await withCookie('POST', b.api(`/${s}/logout`), cookieHeader(cookies))).body.wasAuthenticated).toBe(false);
      expect((await withCookie('GET', a.api(`/${s}/me`), cookieHeader(cookies))).status).toBe(200);
    }
  });

  it('lab ids are 128 random bits: unique, unguessable shape, nothing sequential; unknown ids get one answer', async () => {
    const labs = await Promise.all(Array.from({ length: 12 }, () => newLab()));
    const ids = labs.map((l) => l.labId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, 'base64url').length).toBe(16);
    }
    // No shared prefix beyond chance between consecutive ids (a counter or a timestamp would show).
    const sorted = [...ids].sort();
    const commonPrefix = (x: string, y: string) => [...x].findIndex((ch, i) => ch !== y[i]);
    for (let i = 1; i < sorted.length; i++) expect(commonPrefix(sorted[i - 1]!, sorted[i]!)).toBeLessThan(4);
    // A real id with one character changed is just unknown: same body as any other unknown id.
    const flipped = ids[0]!.slice(0, -1) + (ids[0]!.endsWith('A') ? 'B' : 'A');
    const [r1, r2] = [await agent().get(`/api/labs/${flipped}`), await agent().get('/api/labs/zzzzzzzzzzzzzzzzzzzzzz')];
    expectRefusal(r1, 404, 'unknown-lab');
    expect(r1.body).toEqual(r2.body);
    expect(JSON.stringify(r1.body)).not.toContain(flipped);
  });

  it('errors name nothing of other labs: no ids, usernames or passwords of another lab in any refusal', async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    const secretsOfA = [a.labId, ...a.users.map((u) => u.password)];
    const refusals = [
      await agent().get(b.api('/jwt/me')),
      await agent().post(b.api('/jwt/login'), { username: 'bob', password: a.password('bob') }),
      await agent().post(b.api('/users/nobody/ban')),
      await agent().get(b.api('/nope/me')),
      await agent().post(b.api('/clock'), { advanceSeconds: 'x' }),
      await withCookie('GET', b.api('/session/me'), cookieHeader(await loginCookies(a, 'session', 'bob'))),
    ];
    for (const r of refusals) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      for (const secret of secretsOfA) expect(JSON.stringify(r.body)).not.toContain(secret);
    }
  });
});
