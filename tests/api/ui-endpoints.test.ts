import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';

/** The two endpoints the lab page adds: the credential inspector and the attacker's replay. */
describe('GET /{strategy}/credential', () => {
  it('shows the presented jwt decoded, with its size', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt', 'bob');
    const res = await victim.get(lab.api('/jwt/credential'));
    expect(res.status).toBe(200);
    const cookies = res.body.cookies as { name: string; value: string; bytes: number; kind: string; jwt: { payload: Record<string, unknown> } }[];
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'rl_jwt', kind: 'jwt' });
    expect(cookies[0]!.jwt.payload).toMatchObject({ username: 'bob', role: 'user' });
    expect(cookies[0]!.bytes).toBe(`rl_jwt=${cookies[0]!.value}`.length);
    expect(res.body.sessionRow).toBeNull();
  });

  it('shows a session id with its server row (a hash prefix, never the stored hash in full), and null after logout', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'session', 'carol');
    const copy = victim.clone();
    const res = await victim.get(lab.api('/session/credential'));
    const row = res.body.sessionRow as Record<string, unknown>;
    expect(row).toMatchObject({ username: 'carol', role: 'user', banned: false });
    expect(String(row.idHashPrefix)).toMatch(/^[0-9a-f]{16}…$/);
    // Inspecting is read-only: it does not count as use of the session.
    await agent().post(lab.api('/clock'), { advanceSeconds: 60 });
    const again = (await victim.get(lab.api('/session/credential'))).body.sessionRow as Record<string, unknown>;
    expect(again.lastSeenAt).toBe(row.lastSeenAt);
    await victim.post(lab.api('/session/logout'));
    const after = await copy.get(lab.api('/session/credential'));
    expect(after.status).toBe(200);
    expect(after.body.sessionRow).toBeNull();
  });

  it('answers with no cookies when nothing is presented, 404 for an unknown lab or strategy', async () => {
    const lab = await newLab();
    expect((await agent().get(lab.api('/jwt/credential'))).body).toMatchObject({ cookies: [], totalBytes: 0 });
    expect((await agent().get('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/jwt/credential')).status).toBe(404);
    expect((await agent().get(lab.api('/nope/credential'))).status).toBe(404);
  });
});

describe('GET /{strategy}/refresh/credential', () => {
  it('shows jwt-refresh’s whole jar (the refresh cookie lives on …/refresh), and 404 for a strategy without one', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const top = await victim.get(lab.api('/jwt-refresh/credential'));
    // …/logout holds the revoke cookie, which can only end this login (issue 13.3).
    expect(top.body.subPaths).toEqual(['refresh', 'logout']);
    expect((top.body.cookies as { name: string }[]).map((c) => c.name)).toEqual(['rl_access']);
    const deep = await victim.get(lab.api('/jwt-refresh/refresh/credential'));
    expect((deep.body.cookies as { name: string }[]).map((c) => c.name).sort()).toEqual(['rl_access', 'rl_refresh']);
    expect((await agent().get(lab.api('/jwt/refresh/credential'))).status).toBe(404);
  });
});

describe('GET /api/labs/{labId} for the lab page', () => {
  it('lists strategies as ids (unchanged) and, beside them, the ones that declare refreshable', async () => {
    const lab = await newLab();
    const res = await agent().get(lab.api(''));
    expect(res.status).toBe(200);
    const strategies = res.body.strategies as unknown[];
    expect(strategies.every((s) => typeof s === 'string')).toBe(true);
    expect(res.body.refreshableStrategies).toEqual(['jwt-refresh']);
    for (const id of res.body.refreshableStrategies as string[]) expect(strategies).toContain(id);
  });
});

describe('POST /replay', () => {
  it('replays a stolen jwt for real (200 after logout) and a stolen session id (401 after logout)', async () => {
    const lab = await newLab();
    for (const [strategy, expected] of [['jwt', 200], ['session', 401]] as const) {
      const victim = await loginAs(lab, strategy, 'bob');
      const stolen = (await victim.get(lab.api(`/${strategy}/credential`))).body.cookies as { name: string; value: string }[];
      await victim.post(lab.api(`/${strategy}/logout`));
      const res = await agent().post(lab.api('/replay'), { strategy, endpoint: 'me', cookies: stolen.map(({ name, value }) => ({ name, value })) });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(expected);
      expect(res.body.request).toEqual({ method: 'GET', path: `/api/labs/${lab.labId}/${strategy}/me` });
    }
  });

  it('returns the cookies the inner answer rotated: two refresh replays of one copy in a row both succeed', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    // The whole jar (the refresh cookie lives on …/refresh), as the lab page's steal button takes it.
    const stolen = ((await victim.get(lab.api('/jwt-refresh/refresh/credential'))).body.cookies as { name: string; value: string }[]).map(({ name, value }) => ({ name, value }));
    expect(stolen.map((c) => c.name).sort()).toEqual(['rl_access', 'rl_refresh']);
    let copy = stolen;
    for (let i = 0; i < 2; i++) {
      const res = await agent().post(lab.api('/replay'), { strategy: 'jwt-refresh', endpoint: 'refresh', cookies: copy });
      expect(res.status).toBe(200);
      expect(res.body.status, `refresh replay #${i + 1}: ${JSON.stringify(res.body.body)}`).toBe(200);
      const next = res.body.cookies as { name: string; value: string }[];
      expect(next.map((c) => c.name).sort()).toEqual(['rl_access', 'rl_refresh']);
      // Rotated: a new refresh token (and a new access token) replaced the ones sent.
      expect(next.find((c) => c.name === 'rl_refresh')!.value).not.toBe(copy.find((c) => c.name === 'rl_refresh')!.value);
      copy = next;
    }
    // The rotated copy still opens /me.
    const me = await agent().post(lab.api('/replay'), { strategy: 'jwt-refresh', endpoint: 'me', cookies: copy });
    expect(me.body).toMatchObject({ status: 200 });
    expect(me.body.cookies).toEqual(copy);
  });

  it('refuses bad input with 4xx {error, reason} and never takes a URL', async () => {
    const lab = await newLab();
    const a = agent();
    const cases: [unknown, number][] = [
      [{ strategy: 'jwt', endpoint: 'http://example.com/', cookies: [{ name: 'rl_jwt', value: 'x' }] }, 400],
      [{ strategy: 'jwt', endpoint: 'me', cookies: [] }, 400],
      [{ strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_session', value: 'x' }] }, 400],
      [{ strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'a;b' }] }, 400],
      [{ strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }], url: '/' }, 400],
      [{ strategy: 'jwt', endpoint: 'refresh', cookies: [{ name: 'rl_jwt', value: 'x' }] }, 400],
      [{ strategy: 'nope', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }] }, 404],
    ];
    for (const [body, status] of cases) {
      const res = await a.post(lab.api('/replay'), body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(typeof res.body.reason).toBe('string');
    }
    expect((await a.request('POST', lab.api('/replay'), '{not json')).status).toBe(400);
    expect((await a.post('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/replay', { strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }] })).status).toBe(404);
    // A garbage cookie is the inner request's problem: the replay reports its 401.
    const garbage = await a.post(lab.api('/replay'), { strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'garbage' }] });
    expect(garbage.body).toMatchObject({ status: 401, body: { reason: 'malformed' } });
  });

  it('is refused cross-origin (it makes requests on the server)', async () => {
    const lab = await newLab();
    const res = await agent().request('POST', lab.api('/replay'), { strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }] }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('POST /api/learn/storage-demo', () => {
  it('sets an HttpOnly and a readable cookie with the same value, scoped to /learn', async () => {
    const res = await agent().post('/api/learn/storage-demo');
    expect(res.status).toBe(200);
    const lines = res.headers.getSetCookie();
    const httpOnly = lines.find((l) => l.startsWith('rl_demo_httponly='))!;
    const readable = lines.find((l) => l.startsWith('rl_demo_readable='))!;
    expect(httpOnly).toMatch(/HttpOnly/i);
    expect(readable).not.toMatch(/HttpOnly/i);
    for (const l of [httpOnly, readable]) expect(l).toMatch(/Path=\/learn/);
  });
});
