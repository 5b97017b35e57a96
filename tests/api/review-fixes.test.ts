import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpAgent } from '@/lib/http-agent';
import { startServer, type RunningServer } from '../support/server';
import { agent, choosePassword, loginAs, newLab, type TestLab } from './helpers';
import { rawRequest } from './hostile-support';

/** Regressions found in review: each test fails if its fix is removed. */

describe('a banned user cannot mint fresh credentials', () => {
  // The strategies whose credential survives a ban: the one place a banned user could still reach /password.
  for (const strategy of ['jwt', 'iron-stateless', 'jwt-refresh']) {
    it(`${strategy}: a still-valid credential of a banned user cannot change the password (403, no cookie, nothing changed)`, async () => {
      const lab = await newLab();
      const bob = await loginAs(lab, strategy, 'bob');
      expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
      expect((await bob.get(lab.api(`/${strategy}/me`))).status).toBe(200); // the lesson: the old credential still works

      const change = await bob.post(lab.api(`/${strategy}/password`), {
        currentPassword: lab.password('bob'),
        newPassword: 'a brand new passphrase',
      });
      expect(change.status).toBe(403);
      expect(change.body).toMatchObject({ error: 'forbidden', reason: 'account-disabled' });
      expect(change.headers.getSetCookie()).toEqual([]);

      // The password did not change: once unbanned, the old one still logs in.
      expect((await agent().post(lab.api('/users/bob/unban'))).status).toBe(200);
      const login = await agent().post(lab.api(`/${strategy}/login`), { username: 'bob', password: lab.password('bob') });
      expect(login.status).toBe(200);
    });
  }
});

type LabState = { settings: { jwtAlg: string; jwtTtlSeconds: number }; jwt: { alg: string; kid: string; keyGeneration: number } };
const labState = async (lab: TestLab) => (await agent().get(lab.api(''))).body as LabState;

describe('overlapping operator requests report and keep the truth', () => {
  const algs = ['HS256', 'ES256', 'EdDSA'] as const;

  it('6 concurrent settings PATCHes mixing jwtAlg and jwtTtlSeconds lose nothing, and the key matches settings.jwtAlg', async () => {
    const lab = await newLab();
    let previousAlg: string = 'HS256';
    for (let round = 1; round <= 4; round++) {
      // Values this round that differ from everything before it: a lost update shows as an older value.
      const roundAlgs = algs.filter((a) => a !== previousAlg);
      const ttls = [600 + round, 700 + round, 800 + round];
      const patches = [
        { jwtAlg: roundAlgs[0] },
        { jwtTtlSeconds: ttls[0] },
        { jwtAlg: roundAlgs[1] },
        { jwtTtlSeconds: ttls[1] },
        { jwtAlg: roundAlgs[0] },
        { jwtTtlSeconds: ttls[2] },
      ];
      const answers = await Promise.all(patches.map((p) => agent().patch(lab.api('/settings'), p)));
      for (const a of answers) expect(a.status).toBe(200);

      const state = await labState(lab);
      expect(ttls, `round ${round}: jwtTtlSeconds`).toContain(state.settings.jwtTtlSeconds);
      expect(roundAlgs, `round ${round}: jwtAlg`).toContain(state.settings.jwtAlg);
      expect(state.jwt.alg, `round ${round}: the key's alg`).toBe(state.settings.jwtAlg);
      // The answer of the PATCH that committed last is the final state of its own field.
      expect(answers.some((a) => (a.body as LabState).settings.jwtTtlSeconds === state.settings.jwtTtlSeconds)).toBe(true);
      previousAlg = state.settings.jwtAlg;
    }
    // And a token issued now verifies: key and alg agree.
    const bob = await loginAs(lab, 'jwt', 'bob');
    expect((await bob.get(lab.api('/jwt/me'))).status).toBe(200);
  });

  it('10 concurrent clock advances each report the clock their own move produced', async () => {
    const lab = await newLab();
    const answers = await Promise.all(Array.from({ length: 10 }, () => agent().post(lab.api('/clock'), { advanceSeconds: 60 })));
    const offsets = answers.map((a) => a.body.clockOffsetSeconds as number).sort((x, y) => x - y);
    expect(offsets).toEqual(Array.from({ length: 10 }, (_, i) => 60 * (i + 1)));
  });

  it('5 concurrent key rotations each report their own key generation; the last is the lab’s', async () => {
    const lab = await newLab();
    const before = (await labState(lab)).jwt.keyGeneration;
    const answers = await Promise.all(Array.from({ length: 5 }, () => agent().post(lab.api('/keys/rotate'))));
    const generations = answers.map((a) => a.body.keyGeneration as number).sort((x, y) => x - y);
    expect(generations).toEqual([1, 2, 3, 4, 5].map((n) => before + n));
    const state = await labState(lab);
    expect(state.jwt.keyGeneration).toBe(before + 5);
    expect(answers.find((a) => a.body.keyGeneration === before + 5)!.body.kid).toBe(state.jwt.kid);
  });
});

describe('a saturated password hasher', () => {
  // Its own server with a tiny queue: the shared one must stay usable by the other suites.
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ env: { PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE_LIMIT: '2' } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('answers a burst beyond its queue 503 server-busy with Retry-After at once, never 500; the rest log in', { timeout: 60_000 }, async () => {
    const client = () => new HttpAgent(server!.baseUrl);
    const created = await client().post('/api/labs');
    expect(created.status).toBe(201);
    const { labId, users } = created.body as { labId: string; users: { username: string; password: string }[] };
    // Seeded demo accounts verify cheaply, outside the line: a password bob chose is stretched, so its logins queue.
    const chosen = 'a passphrase bob chose';
    await choosePassword(server!.baseUrl, labId, 'bob', users.find((u) => u.username === 'bob')!.password, chosen);
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => client().post(`/api/labs/${labId}/session/login`, { username: 'bob', password: chosen })),
    );
    const busy = burst.filter((r) => r.status === 503);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(3); // one running, two waiting
    expect(busy.length).toBeGreaterThan(0);
    expect(burst.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    for (const r of busy) {
      expect(r.body).toMatchObject({ error: 'unavailable', reason: 'server-busy' });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Busy is not a failed guess: the account is not throttled afterwards.
    expect((await client().post(`/api/labs/${labId}/session/login`, { username: 'bob', password: chosen })).status).toBe(200);
  });
});

describe('small things', () => {
  it('the lab clock stops at 10 years ahead in total: beyond, 400 clock-limit, and the lab still answers', async () => {
    const lab = await newLab();
    const year = 365 * 24 * 60 * 60;
    for (let i = 1; i <= 10; i++) expect((await agent().post(lab.api('/clock'), { advanceSeconds: year })).status).toBe(200);
    const beyond = await agent().post(lab.api('/clock'), { advanceSeconds: 1 });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ error: 'bad-request', reason: 'clock-limit' });
    const state = await agent().get(lab.api(''));
    expect(state.status).toBe(200);
    const bob = await loginAs(lab, 'jwt', 'bob');
    expect((await bob.get(lab.api('/jwt/me'))).status).toBe(200);
  });

  it('X-Forwarded-Proto "https, http" (the client-facing hop first) gets Secure cookies, as it gets HSTS', async () => {
    const lab = await newLab();
    const headers = { host: '192.168.1.10:3000', 'x-forwarded-proto': 'https, http' };
    const page = await rawRequest('GET', '/', { headers });
    expect(page.headers.get('strict-transport-security')).not.toBeNull();
    const body = JSON.stringify({ username: 'bob', password: lab.password('bob') });
    const login = await rawRequest('POST', lab.api('/session/login'), { headers: { ...headers, 'content-type': 'application/json' }, body });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i);
  });

  it('setting the role a user already has changes nothing: no jwt-version device is logged out', async () => {
    const lab = await newLab();
    const bob = await loginAs(lab, 'jwt-version', 'bob');
    expect((await agent().post(lab.api('/users/bob/role'), { role: 'user' })).status).toBe(200);
    expect((await bob.get(lab.api('/jwt-version/me'))).status).toBe(200);
  });
});
