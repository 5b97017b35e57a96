import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdWriteLock, readDatabaseFile } from '@/lib/db/testing';
import { HttpAgent } from '@/lib/http-agent';
import { startServer, type RunningServer } from '../support/server';
import { choosePassword, loginAs, newLab } from './helpers';
import { cookieHeader, expectCredentialRefused, expectRefusal, loginCookies, strategiesOf, withCookie } from './hostile-support';

/**
 * Concurrency and processes: many requests on one credential at once, a
 * burst of logins within bounded memory, and two `next start` processes on
 * one database file that agree about every revocation.
 */

describe('many requests at once', () => {
  it('50 concurrent logouts of one credential, every strategy: all answered 200 cleanly; a session is gone', { timeout: 120_000 }, async () => {
    const lab = await newLab();
    for (const strategy of await strategiesOf(lab)) {
      const cookies = await loginCookies(lab, strategy, 'bob');
      const header = cookieHeader(cookies);
      const results = await Promise.all(Array.from({ length: 50 }, () => withCookie('POST', lab.api(`/${strategy}/logout`), header)));
      for (const r of results) {
        expect(r.status, `${strategy}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(r.body.loggedOut).toBe(true);
      }
      // At least one of them found the credential valid; none failed half-way.
      expect(results.some((r) => r.body.wasAuthenticated === true), strategy).toBe(true);
      if (strategy === 'session') {
        expectCredentialRefused(await withCookie('GET', lab.api('/session/me'), header), 'unknown-session');
      }
    }
  });

  it('50 concurrent logins of one user: all 200, all 50 credentials distinct and valid', { timeout: 180_000 }, async () => {
    const lab = await newLab();
    const results = await Promise.all(Array.from({ length: 50 }, () => loginAs(lab, 'session', 'carol')));
    const ids = new Set(results.map((a) => a.jar().find((c) => c.name === 'rl_session')!.value));
    expect(ids.size).toBe(50);
    const checks = await Promise.all(results.map((a) => a.get(lab.api('/session/me'))));
    expect(checks.map((r) => r.status)).toEqual(Array(50).fill(200));
  });

  it('50 concurrent logout-all of one user while logging in again: all answered cleanly, no 500', { timeout: 120_000 }, async () => {
    const lab = await newLab();
    const holders = await Promise.all(Array.from({ length: 5 }, () => loginAs(lab, 'session', 'alice')));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => holders[i % holders.length]!.post(lab.api('/session/logout-all'))),
    );
    for (const r of results) {
      if (r.status === 200) expect(r.body.loggedOutEverywhere).toBe(true);
      else expectRefusal(r, 401, 'unknown-session');
    }
    for (const h of holders) expectCredentialRefused(await h.get(lab.api('/session/me')));
  });
});

// ---- a server of our own: memory under a login burst ---------------------

function rssKiB(pid: number): number {
  // The server and any child it spawned.
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (Number(entry) === pid || ppid === pid) total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return total;
}

describe('memory and processes (own servers)', () => {
  let a: RunningServer;
  let b: RunningServer;
  let dbPath = '';
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-two-'));
    dbPath = path.join(dir, 'shared.db');
    a = await startServer({ dbPath });
    b = await startServer({ dbPath });
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const createLab = async (server: RunningServer) => {
    const res = await new HttpAgent(server.baseUrl).post('/api/labs');
    expect(res.status).toBe(201);
    const { labId, users } = res.body as { labId: string; users: { username: string; password: string }[] };
    return { labId, pw: (u: string) => users.find((x) => x.username === u)!.password, api: (rest: string) => `/api/labs/${labId}${rest}` };
  };

  it('a burst of 50 logins (each a scrypt of 8 MiB) keeps the server within bounded memory', { timeout: 180_000 }, async () => {
    const lab = await createLab(a);
    const pid = a.process.pid!;
    // Passwords a person chose are stretched (8 MiB each); the seeded demo accounts' are not.
    const chosen = { alice: 'a passphrase alice chose', bob: 'a passphrase bob chose' };
    for (const user of ['alice', 'bob'] as const) await choosePassword(a.baseUrl, lab.labId, user, lab.pw(user), chosen[user]);
    // Warm up once (first-request compilation, key caches) so the burst measures hashing alone.
    expect((await new HttpAgent(a.baseUrl).post(lab.api('/session/login'), { username: 'bob', password: chosen.bob })).status).toBe(200);
    const before = rssKiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        new HttpAgent(a.baseUrl).post(lab.api('/session/login'), { username: i % 2 ? 'bob' : 'alice', password: chosen[i % 2 ? 'bob' : 'alice'] }),
      ),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const growthMiB = (peak - before) / 1024;
    console.info(
      `login burst: 50 logins in ${seconds.toFixed(1)} s; server RSS ${(before / 1024).toFixed(0)} MiB before, peak ${(peak / 1024).toFixed(0)} MiB (+${growthMiB.toFixed(0)} MiB)`,
    );
    // Unbounded, 50 scrypts at once would hold 50 × 8 MiB = 400 MiB; the limiter keeps two.
    expect(growthMiB).toBeLessThan(150);
  });

  it('two servers on one database file agree: log in on one, log out on the other, replay on both', { timeout: 120_000 }, async () => {
    const lab = await createLab(a);
    const onA = new HttpAgent(a.baseUrl);
    expect((await onA.post(lab.api('/session/login'), { username: 'bob', password: lab.pw('bob') })).status).toBe(200);
    const stolen = onA.clone();
    const cookie = onA.cookieHeaderFor(lab.api('/session/me'));
    // The victim's logout reaches the other process.
    const out = await new HttpAgent(b.baseUrl).request('POST', lab.api('/session/logout'), undefined, { cookie });
    expect(out.status).toBe(200);
    expect(out.body.wasAuthenticated).toBe(true);
    for (const server of [a, b]) {
      const replay = await new HttpAgent(server.baseUrl).request('GET', lab.api('/session/me'), undefined, { cookie });
      expect(replay.status, server.baseUrl).toBe(401);
      expect(replay.body.reason).toBe('unknown-session');
    }
    expect((await stolen.get(lab.api('/session/me'))).status).toBe(401);

    // Every strategy: a logout on B is seen by A exactly as it would be by B.
    const strategies = (await new HttpAgent(a.baseUrl).get(lab.api(''))).body.strategies as string[];
    for (const strategy of strategies) {
      const holder = new HttpAgent(a.baseUrl);
      expect((await holder.post(lab.api(`/${strategy}/login`), { username: 'carol', password: lab.pw('carol') })).status).toBe(200);
      const jar = holder.jar().map((c) => `${c.name}=${c.value}`).join('; ');
      await new HttpAgent(b.baseUrl).request('POST', lab.api(`/${strategy}/logout`), undefined, { cookie: jar });
      const [ra, rb] = await Promise.all([a, b].map((s) => new HttpAgent(s.baseUrl).request('GET', lab.api(`/${strategy}/me`), undefined, { cookie: jar })));
      expect(ra!.status, `${strategy}: A and B agree`).toBe(rb!.status);
      expect(ra!.body.reason ?? null).toBe(rb!.body.reason ?? null);
    }

    // A key rotation, the lab clock and the login throttle are shared state too.
    const jwtHolder = new HttpAgent(a.baseUrl);
    expect((await jwtHolder.post(lab.api('/jwt/login'), { username: 'alice', password: lab.pw('alice') })).status).toBe(200);
    expect((await new HttpAgent(b.baseUrl).post(lab.api('/keys/rotate'))).status).toBe(200);
    expect((await jwtHolder.get(lab.api('/jwt/me'))).body.reason).toBe('bad-signature');
    const clock = await new HttpAgent(b.baseUrl).post(lab.api('/clock'), { advanceSeconds: 3600 });
    const viewA = await new HttpAgent(a.baseUrl).get(lab.api(''));
    expect(viewA.body.clockOffsetSeconds).toBe(clock.body.clockOffsetSeconds);
    for (let i = 0; i < 5; i++) await new HttpAgent(a.baseUrl).post(lab.api('/jwt/login'), { username: 'alice', password: `nope-${i}` });
    const throttledOnB = await new HttpAgent(b.baseUrl).post(lab.api('/jwt/login'), { username: 'alice', password: lab.pw('alice') });
    expect(throttledOnB.status).toBe(429);
  });

  it('concurrent writes from both servers: 20 logins and logouts split across A and B, no 500, every answer clean', { timeout: 180_000 }, async () => {
    const lab = await createLab(a);
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const server = i % 2 ? a : b;
        const other = i % 2 ? b : a;
        const h = new HttpAgent(server.baseUrl);
        const login = await h.post(lab.api('/session/login'), { username: 'bob', password: lab.pw('bob') });
        const cookie = h.cookieHeaderFor(lab.api('/session/logout'));
        const logout = await new HttpAgent(other.baseUrl).request('POST', lab.api('/session/logout'), undefined, { cookie });
        const replay = await new HttpAgent(server.baseUrl).request('GET', lab.api('/session/me'), undefined, { cookie });
        return [login.status, logout.status, replay.status];
      }),
    );
    for (const [login, logout, replay] of results) {
      expect([login, logout, replay]).toEqual([200, 200, 401]);
    }
  });

  it('a database locked by another process for longer than busy_timeout → 503 with Retry-After, never 500; nothing half-written', { timeout: 60_000 }, async () => {
    const lab = await createLab(a);
    const before = (await new HttpAgent(a.baseUrl).get(lab.api(''))).body.clockOffsetSeconds;
    const other = holdWriteLock(dbPath); // another writer holds the lock
    let res;
    try {
      res = await new HttpAgent(a.baseUrl).post(lab.api('/clock'), { advanceSeconds: 60 });
    } finally {
      other.release();
    }
    expectRefusal(res, 503, 'database-busy');
    expect(res.headers.get('retry-after')).toBe('1');
    const after = await new HttpAgent(a.baseUrl).get(lab.api(''));
    expect(after.status).toBe(200);
    expect(after.body.clockOffsetSeconds).toBe(before);
    expect((await new HttpAgent(a.baseUrl).post(lab.api('/clock'), { advanceSeconds: 60 })).status).toBe(200);
  });
});

// ---- durability: a server killed the moment it has answered ----------------

describe('durability (own server, SIGKILL)', () => {
  it('what the server acknowledged survives SIGKILL right after the answer: a login, a logout, a password change and its revocation', { timeout: 90_000 }, async () => {
    // The core of `npm run test:durability` (scripts/durability.mjs), in one pass: every change
    // below is answered 200, then the process is killed at once, with no chance to finish anything
    // it had left for after the answer.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-kill-'));
    const dbPath = path.join(dir, 'lab.db');
    const first = await startServer({ dbPath, env: { UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING: '1' } });
    let second: RunningServer | undefined;
    try {
      const created = await new HttpAgent(first.baseUrl).post('/api/labs');
      expect(created.status).toBe(201);
      const { labId, users } = created.body as { labId: string; users: { username: string; password: string }[] };
      const pw = (u: string) => users.find((x) => x.username === u)!.password;
      const api = (rest: string) => `/api/labs/${labId}${rest}`;

      const kept = new HttpAgent(first.baseUrl); // alice logs in and stays in
      expect((await kept.post(api('/session/login'), { username: 'alice', password: pw('alice') })).status).toBe(200);
      const loggedOut = new HttpAgent(first.baseUrl); // bob logs out: his session row must stay deleted
      expect((await loggedOut.post(api('/session/login'), { username: 'bob', password: pw('bob') })).status).toBe(200);
      const bobCookie = loggedOut.cookieHeaderFor(api('/session/me'));
      const denied = new HttpAgent(first.baseUrl); // bob's jwt-denylist token: its denylist row must stay
      expect((await denied.post(api('/jwt-denylist/login'), { username: 'bob', password: pw('bob') })).status).toBe(200);
      const deniedCookie = denied.cookieHeaderFor(api('/jwt-denylist/me'));
      const changer = new HttpAgent(first.baseUrl); // carol changes her password: her other session must stay ended
      const other = new HttpAgent(first.baseUrl);
      expect((await changer.post(api('/session/login'), { username: 'carol', password: pw('carol') })).status).toBe(200);
      expect((await other.post(api('/session/login'), { username: 'carol', password: pw('carol') })).status).toBe(200);
      const carolOther = other.cookieHeaderFor(api('/session/me'));
      const chosen = 'carol chose this before the kill';

      expect((await loggedOut.post(api('/session/logout'))).body.wasAuthenticated).toBe(true);
      expect((await denied.post(api('/jwt-denylist/logout'))).body.wasAuthenticated).toBe(true);
      const change = await changer.post(api('/session/password'), { currentPassword: pw('carol'), newPassword: chosen });
      expect(change.status).toBe(200);
      first.process.kill('SIGKILL');
      await new Promise((resolve) => (first.process.exitCode !== null || first.process.signalCode !== null ? resolve(null) : first.process.once('exit', resolve)));

      second = await startServer({ dbPath, env: { UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING: '1' } });
      const on = (cookie: string, rest: string) => new HttpAgent(second!.baseUrl).request('GET', api(rest), undefined, cookie ? { cookie } : {});
      expect((await on(kept.cookieHeaderFor(api('/session/me')), '/session/me')).status, 'an acknowledged login survives').toBe(200);
      expectCredentialRefused(await on(bobCookie, '/session/me'), 'unknown-session');
      expectCredentialRefused(await on(deniedCookie, '/jwt-denylist/me'));
      expectCredentialRefused(await on(carolOther, '/session/me'), 'unknown-session');
      const login = (password: string) => new HttpAgent(second!.baseUrl).post(api('/jwt/login'), { username: 'carol', password });
      expect((await login(chosen)).status, 'the acknowledged new password logs in').toBe(200);
      expect((await login(pw('carol'))).status, 'the replaced password does not').toBe(401);
      expect(readDatabaseFile(dbPath, (sql) => sql.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check).toBe('ok');
    } finally {
      await Promise.all([first.stop(), second?.stop()]);
    }
  });
});
