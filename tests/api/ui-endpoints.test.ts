import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';

/** The endpoints the lab page adds: the credential inspector and the attacker's replay of a copy the lab holds. */
describe('GET /{strategy}/credential', () => {
  it('shows the presented jwt decoded, with its size', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt', 'bob');
    const res = await victim.get(lab.api('/jwt/credential'));
    expect(res.status).toBe(200);
    const cookies = res.body.cookies as { name: string; bytes: number; length: number; kind: string; hash: string; jwt: { payload: Record<string, unknown>; raw: { signature: string } } }[];
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'rl_jwt', kind: 'jwt' });
    expect(cookies[0]!.jwt.payload).toMatchObject({ username: 'bob', role: 'user' });
    const value = victim.jar().find((c) => c.name === 'rl_jwt')!.value;
    expect(cookies[0]!.bytes).toBe(`rl_jwt=${value}`.length);
    expect(cookies[0]!.length).toBe(value.length);
    expect(cookies[0]!.hash).toMatch(/^[0-9a-f]{12}$/);
    // The signature is abbreviated: header, payload and signature do not add up to the token.
    expect(cookies[0]!.jwt.raw.signature).toMatch(/^[A-Za-z0-9_-]{8}…$/);
    expect(JSON.stringify(res.body)).not.toContain(value.split('.')[2]!);
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
  it('lists strategies as ids (unchanged) and, beside them, the ones that can refresh (strategies and presets)', async () => {
    const lab = await newLab();
    const res = await agent().get(lab.api(''));
    expect(res.status).toBe(200);
    const strategies = res.body.strategies as unknown[];
    expect(strategies.every((s) => typeof s === 'string')).toBe(true);
    // The lab's jwt-refresh, and the preset built on it (Clerk-like): both answer POST …/{id}/refresh.
    expect(res.body.refreshableStrategies).toEqual(['jwt-refresh', 'clerk-like']);
    const presetIds = (res.body.presets as { id: string }[]).map((p) => p.id);
    for (const id of res.body.refreshableStrategies as string[]) expect([...strategies, ...presetIds]).toContain(id);
  });
});

describe('POST /replay (by copy id)', () => {
  async function steal(lab: Awaited<ReturnType<typeof newLab>>, victim: Awaited<ReturnType<typeof loginAs>>, strategy: string, sub = '') {
    const res = await victim.post(lab.api(`/${strategy}${sub}/steal`));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.copyId as number;
  }

  it('replays a stolen jwt for real (200 after logout) and a stolen session id (401 after logout)', async () => {
    const lab = await newLab();
    for (const [strategy, expected] of [['jwt', 200], ['session', 401]] as const) {
      const victim = await loginAs(lab, strategy, 'bob');
      const copyId = await steal(lab, victim, strategy);
      await victim.post(lab.api(`/${strategy}/logout`));
      const res = await agent().post(lab.api('/replay'), { copyId, endpoint: 'me' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(expected);
      expect(res.body.request).toEqual({ method: 'GET', path: `/api/labs/${lab.labId}/${strategy}/me` });
      expect(res.body.copy).toMatchObject({ copyId, strategy, username: 'bob', last: { endpoint: 'me', status: expected } });
    }
  });

  it('a refresh rotates the copy the lab holds: two refresh replays of one copy in a row both succeed', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    // From …/refresh the browser sends the whole jar (the refresh cookie lives there), as the lab page's steal button takes it.
    const copyId = await steal(lab, victim, 'jwt-refresh', '/refresh');
    const listed = (await agent().get(lab.api('/copies'))).body.copies as { copyId: number; cookieNames: string[]; credential: string }[];
    expect(listed.find((c) => c.copyId === copyId)!.cookieNames.sort()).toEqual(['rl_access', 'rl_refresh']);
    let credential = listed.find((c) => c.copyId === copyId)!.credential;
    for (let i = 0; i < 2; i++) {
      const res = await agent().post(lab.api('/replay'), { copyId, endpoint: 'refresh' });
      expect(res.status).toBe(200);
      expect(res.body.status, `refresh replay #${i + 1}: ${JSON.stringify(res.body.body)}`).toBe(200);
      // Rotated: the copy now names a new access token.
      const copy = res.body.copy as { credential: string };
      expect(copy.credential).not.toBe(credential);
      credential = copy.credential;
    }
    const me = await agent().post(lab.api('/replay'), { copyId, endpoint: 'me' });
    expect(me.body).toMatchObject({ status: 200 });
  });

  it('refuses bad input with 4xx {error, reason} and never takes a URL or a value', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt', 'bob');
    const copyId = await steal(lab, victim, 'jwt');
    const a = agent();
    const cases: [unknown, number][] = [
      [{ copyId, endpoint: 'http://example.com/' }, 400],
      [{ copyId: 'one', endpoint: 'me' }, 400],
      [{ copyId: -1, endpoint: 'me' }, 400],
      [{ copyId, endpoint: 'me', url: '/' }, 400],
      [{ copyId, endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }] }, 400],
      [{ strategy: 'jwt', endpoint: 'me', cookies: [{ name: 'rl_jwt', value: 'x' }] }, 400],
      [{ copyId, endpoint: 'refresh' }, 400],
      [{ copyId: copyId + 1, endpoint: 'me' }, 404],
    ];
    for (const [body, status] of cases) {
      const res = await a.post(lab.api('/replay'), body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(typeof res.body.reason).toBe('string');
    }
    expect((await a.request('POST', lab.api('/replay'), '{not json')).status).toBe(400);
    expect((await a.post('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/replay', { copyId, endpoint: 'me' })).status).toBe(404);
  });

  it('tampers with a JWT copy on the server, for one send only: an edited payload is refused, the copy is unchanged', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt', 'bob');
    const copyId = await steal(lab, victim, 'jwt');
    const forged = await agent().post(lab.api('/replay'), { copyId, endpoint: 'admin', tamper: { payload: { role: 'admin' } } });
    expect(forged.body).toMatchObject({ status: 401, body: { reason: 'bad-signature' }, tampered: true });
    const none = await agent().post(lab.api('/replay'), { copyId, endpoint: 'admin', tamper: { header: { alg: 'none' }, dropSignature: true } });
    expect(none.body).toMatchObject({ status: 401 });
    const real = await agent().post(lab.api('/replay'), { copyId, endpoint: 'admin' });
    expect(real.body).toMatchObject({ status: 403, body: { reason: 'not-admin' } });
    const session = await loginAs(lab, 'session', 'bob');
    const sessionCopy = await steal(lab, session, 'session');
    const refused = await agent().post(lab.api('/replay'), { copyId: sessionCopy, endpoint: 'me', tamper: { payload: { role: 'admin' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.reason).toBe('not-a-jwt');
  });

  it('is refused cross-origin (it makes requests on the server)', async () => {
    const lab = await newLab();
    const res = await agent().request('POST', lab.api('/replay'), { copyId: 1, endpoint: 'me' }, { origin: 'http://evil.example' });
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
