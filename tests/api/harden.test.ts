import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { agent, baseUrl, loginAs, newLab, type TestLab } from './helpers';
import { expectRefusal, rawRequest } from './hostile-support';

// Issue 13, points 5–8 and the fairness of point 2: each test fails without its fix.

/** Every mutating route of the API, with a valid JSON body where it takes one. */
function mutatingRoutes(lab: TestLab): { method: string; path: string; json?: unknown }[] {
  const routes: { method: string; path: string; json?: unknown }[] = [
    { method: 'POST', path: '/api/labs' },
    { method: 'POST', path: '/api/learn/storage-demo' },
    { method: 'POST', path: lab.api('/users/alice/role'), json: { role: 'user' } },
    { method: 'POST', path: lab.api('/users/bob/ban') },
    { method: 'POST', path: lab.api('/users/bob/unban') },
    { method: 'POST', path: lab.api('/keys/rotate') },
    { method: 'POST', path: lab.api('/clock'), json: { advanceSeconds: 60 } },
    { method: 'PATCH', path: lab.api('/settings'), json: { jwtTtlSeconds: 120 } },
    { method: 'POST', path: lab.api('/replay'), json: { strategy: 'jwt', endpoint: 'me', cookies: [] } },
    { method: 'POST', path: lab.api('/scenarios/logout/run?strategy=jwt') },
    { method: 'POST', path: lab.api('/jwt-refresh/refresh') },
  ];
  for (const s of ['jwt', 'session', 'jwt-refresh']) {
    routes.push(
      { method: 'POST', path: lab.api(`/${s}/login`), json: { username: 'carol', password: lab.password('carol') } },
      { method: 'POST', path: lab.api(`/${s}/logout`) },
      { method: 'POST', path: lab.api(`/${s}/logout-all`) },
      { method: 'POST', path: lab.api(`/${s}/password`), json: { currentPassword: lab.password('bob'), newPassword: 'chosen by a form post' } },
    );
  }
  return routes;
}

describe('CSRF second layer (13.5): state changes must be JSON', () => {
  it('form and text/plain posts are refused on every mutating route, and change nothing', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const victims = await Promise.all(['jwt', 'session', 'jwt-refresh'].map((s) => loginAs(lab, s, 'bob')));
    // The lab as GET shows it, but for `now` (the lab clock runs in real time).
    const state = async () => ({ ...(await agent().get(lab.api(''))).body, now: undefined });
    const before = await state();
    const bodies = {
      'application/x-www-form-urlencoded': 'a=1',
      'multipart/form-data; boundary=x': '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      'text/plain': '{"role":"user","advanceSeconds":60}',
    };
    for (const route of mutatingRoutes(lab)) {
      for (const [type, body] of Object.entries(bodies)) {
        // No Origin and no Sec-Fetch-Site: the case the Origin check lets through (an old browser, a stripped header).
        const cookie = victims[1]!.cookieHeaderFor(route.path.split('?')[0]!) ?? '';
        const res = await rawRequest(route.method, route.path, { headers: { 'content-type': type, cookie }, body });
        expect(res.status, `${route.method} ${route.path} as ${type}: ${res.text}`).toBe(415);
        expect(res.body.reason).toBe('expected-json');
        expect(res.headers.get('set-cookie')).toBeNull();
      }
      // No Content-Type at all (a bodiless form-like POST): refused too.
      const bare = await rawRequest(route.method, route.path, {});
      expect(bare.status, `${route.method} ${route.path} without a type`).toBe(415);
    }
    const after = await state();
    expect(after).toEqual(before);
    for (const [i, s] of ['jwt', 'session', 'jwt-refresh'].entries()) {
      expect((await victims[i]!.get(lab.api(`/${s}/me`))).status, `${s} victim still signed in`).toBe(200);
    }
  });

  it('a bodiless state change with the JSON header works (what the pages and the README curl lines send)', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'session', 'bob');
    const res = await victim.request('POST', lab.api('/session/logout'), undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect((await victim.get(lab.api('/session/me'))).status).toBe(401);
  });

  it('an Origin with another scheme or port is refused; ours passes', async () => {
    const lab = await newLab();
    const own = new URL(baseUrl());
    const others = [`https://${own.host}`, `http://${own.hostname}:${Number(own.port) + 1}`, `http://${own.hostname}`];
    for (const origin of others) {
      const res = await agent().request('POST', lab.api('/clock'), { advanceSeconds: 60 }, { origin });
      expectRefusal(res, 403, 'cross-origin-request');
    }
    expect((await agent().get(lab.api(''))).body.clockOffsetSeconds).toBe(0);
    expect((await agent().request('POST', lab.api('/clock'), { advanceSeconds: 60 }, { origin: own.origin })).status).toBe(200);
  });
});

describe('accounts (13.6)', () => {
  it('a disabled account answers a right password exactly as a wrong one', async () => {
    const lab = await newLab();
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    const right = await agent().post(lab.api('/jwt/login'), { username: 'bob', password: lab.password('bob') });
    const wrong = await agent().post(lab.api('/jwt/login'), { username: 'bob', password: 'not the password' });
    expect(right.status).toBe(401);
    expect(right.status).toBe(wrong.status);
    expect(right.body).toEqual(wrong.body);
    expect(right.headers.get('set-cookie')).toBeNull();
  });

  it('a right password on a disabled account does not reset the throttle', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    // Alternate wrong and right: if the right one reset the failures, the account would never lock.
    let locked = false;
    for (let i = 0; i < 20 && !locked; i++) {
      const password = i % 2 === 0 ? 'wrong guess' : lab.password('bob');
      const res = await agent().post(lab.api('/jwt/login'), { username: 'bob', password });
      locked = res.status === 429;
    }
    expect(locked).toBe(true);
  });

  it('the session id changes when the privilege does: a copy taken before a promotion never carries admin', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'session', 'bob');
    const stolen = victim.clone();
    expect((await stolen.get(lab.api('/session/admin'))).status).toBe(403);
    expect((await agent().post(lab.api('/users/bob/role'), { role: 'admin' })).status).toBe(200);
    expect((await stolen.get(lab.api('/session/admin'))).status).toBe(401);
    expect((await victim.get(lab.api('/session/me'))).status).toBe(401);
    // Logging in again gives a fresh id with the new role.
    const again = await loginAs(lab, 'session', 'bob');
    expect((await again.get(lab.api('/session/admin'))).status).toBe(200);
    expect(again.cookieHeaderFor(lab.api('/session/me'))).not.toBe(stolen.cookieHeaderFor(lab.api('/session/me')));
  });

  it('logging in again ends the session the browser presented', async () => {
    const lab = await newLab();
    for (const strategy of ['session', 'jwt-refresh']) {
      const browser = await loginAs(lab, strategy, 'bob');
      const copy = browser.clone();
      expect((await browser.post(lab.api(`/${strategy}/login`), { username: 'bob', password: lab.password('bob') })).status).toBe(200);
      expect((await browser.get(lab.api(`/${strategy}/me`))).status).toBe(200);
      if (strategy === 'session') expect((await copy.get(lab.api('/session/me'))).status).toBe(401);
      else expect((await copy.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
    }
  });
});

/** One request line written to the socket as is; the status of the answer. */
function rawLine(line: string, host = new URL(baseUrl()).host): Promise<{ status: number; head: string }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let data = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${line}`)));
    socket.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n\r\n')) socket.end();
    });
    socket.on('close', () => resolve({ status: Number(data.split(' ')[1]), head: data.split('\r\n\r\n')[0]! }));
    socket.on('error', reject);
    socket.write(`${line}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

describe('request lines (13.8): never a bare 500', () => {
  it('OPTIONS *, GET * and absolute-form targets get a 4xx', async () => {
    const own = new URL(baseUrl());
    const lines = [
      'OPTIONS * HTTP/1.1',
      'GET * HTTP/1.1',
      `GET http://${own.host}/api/health HTTP/1.1`,
      `GET http://evil.example/api/health HTTP/1.1`,
      `GET http://evil.example/ HTTP/1.1`,
      `POST http://${own.host}/api/labs HTTP/1.1`,
    ];
    for (const line of lines) {
      const { status, head } = await rawLine(line);
      expect(status, `${line}\n${head}`).toBeGreaterThanOrEqual(400);
      expect(status, `${line}\n${head}`).toBeLessThan(500);
    }
  });

  it('TRACK and CONNECT never reach Next: Node answers TRACK with its own 400 and closes a CONNECT unanswered (never a 500)', async () => {
    const own = new URL(baseUrl());
    const track = await rawLine('TRACK /api/health HTTP/1.1');
    expect(track.status, track.head).toBe(400);
    const connect = await rawLine(`CONNECT ${own.host} HTTP/1.1`);
    expect(connect.head, 'no answer at all: the socket is closed').toBe('');
    expect((await rawLine('GET /api/health HTTP/1.1')).status).toBe(200);
  });

  it('page routes answer methods they do not serve with 405', async () => {
    const lab = await newLab();
    for (const path of ['/', `/lab/${lab.labId}`, '/learn', '/no-such-page']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await rawRequest(method, path, { headers: { 'content-type': 'application/json', 'content-length': 0 } });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toMatch(/GET/);
      }
    }
  });

  it('no redirect points to another host', async () => {
    for (const path of ['//evil.example/', '//evil.example/api/health', '//evil.example/%2e%2e', '/\\evil.example/', '/lab/', '/learn/']) {
      const res = await rawRequest('GET', path, { headers: { host: new URL(baseUrl()).host } });
      const location = res.headers.get('location');
      if (location) expect(new URL(location, baseUrl()).host, `${path} → ${location}`).toBe(new URL(baseUrl()).host);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});

describe('DNS rebinding: the documented limitation (docs/SECURITY.md, "Cross-site requests")', () => {
  it('a foreign Host is served and an Origin naming it passes the CSRF check: a rebound page can make and use labs of its own; its cookies are host-only', async () => {
    // What a rebound page's requests look like: the attacker's name in Host and in Origin, sent to our address.
    const host = `rebound.example:${new URL(baseUrl()).port}`;
    const headers = { host, origin: `http://${host}`, 'content-type': 'application/json' };
    expect((await rawRequest('GET', '/', { headers: { host } })).status).toBe(200);
    const created = await rawRequest('POST', '/api/labs', { headers });
    expect(created.status, created.text).toBe(201);
    const { labId, users } = created.body as { labId: string; users: { username: string; password: string }[] };
    const bob = users.find((u) => u.username === 'bob')!;
    const login = await rawRequest('POST', `/api/labs/${labId}/session/login`, { headers, body: JSON.stringify({ username: 'bob', password: bob.password }) });
    expect(login.status).toBe(200);
    // No Domain attribute: the browser keeps these to the name that set them, so our real name's cookies never go to the rebound one.
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/rl_session=/);
    expect(setCookie).not.toMatch(/domain=/i);
  });
});

describe('scenario cells are served in turn across labs (13.2)', () => {
  it('a lab starting one run behind another lab’s three finishes before them', { timeout: 120_000 }, async () => {
    const busy = await newLab();
    const late = await newLab();
    const finished: string[] = [];
    const run = (lab: TestLab, name: string, scenario: string) =>
      agent()
        .post(lab.api(`/scenarios/${scenario}/run`))
        .then((res) => {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          finished.push(name);
        });
    const first = ['logout', 'ban', 'password-change'].map((s, i) => run(busy, `busy${i}`, s));
    // Let the busy lab's 21 cells be queued first.
    await new Promise((r) => setTimeout(r, 150));
    const second = run(late, 'late', 'stolen-token');
    await Promise.all([...first, second]);
    // First-come, the late lab's 7 cells would start only after all 21 of the busy lab's.
    expect(finished.indexOf('late'), finished.join(' ')).toBeLessThan(3);
  });
});

describe('error bodies (13.9)', () => {
  it('never echo an unknown name back', async () => {
    const lab = await newLab();
    const marker = 'zqxmarker<script>';
    const answers = [
      await agent().post(lab.api(`/scenarios/${encodeURIComponent(marker)}/run`)),
      await agent().post(lab.api(`/scenarios/logout/run?strategy=${encodeURIComponent(marker)}`)),
      await agent().post(lab.api('/jwt/login'), { username: 'bob', password: 'x', [marker]: 1 }),
      await agent().post(lab.api('/replay'), { strategy: 'jwt', endpoint: 'me', cookies: [{ name: marker, value: 'v' }] }),
      await agent().get(lab.api(`/${encodeURIComponent(marker)}/me`)),
      await agent().get(`/api/${encodeURIComponent(marker)}`),
    ];
    for (const res of answers) {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toContain('zqxmarker');
    }
  });
});
