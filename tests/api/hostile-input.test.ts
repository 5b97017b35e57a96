import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab, type TestLab } from './helpers';
import { expectRefusal, rawRequest, strategiesOf, withCookie } from './hostile-support';

/**
 * Bad input of every kind at the request edge: one validation layer, the
 * size cap before parsing or hashing, JSON only, path parameters checked.
 * Each refusal is exact, enveloped, free of internals — and changes nothing.
 */

/** What a lab looks like from outside, minus the clock reading: equal before and after means nothing changed. */
async function snapshot(lab: TestLab) {
  const res = await agent().get(lab.api(''));
  expect(res.status).toBe(200);
  const { now: _now, ...rest } = res.body;
  return rest;
}

type JsonRoute = { name: string; method: string; path: (lab: TestLab) => string; valid: (lab: TestLab) => unknown; cookie?: (lab: TestLab) => Promise<string> };

const jsonRoutes: JsonRoute[] = [
  { name: 'login', method: 'POST', path: (l) => l.api('/session/login'), valid: (l) => ({ username: 'bob', password: l.password('bob') }) },
  { name: 'role', method: 'POST', path: (l) => l.api('/users/bob/role'), valid: () => ({ role: 'admin' }) },
  { name: 'clock', method: 'POST', path: (l) => l.api('/clock'), valid: () => ({ advanceSeconds: 60 }) },
  { name: 'settings', method: 'PATCH', path: (l) => l.api('/settings'), valid: () => ({ jwtTtlSeconds: 120 }) },
  {
    name: 'password',
    method: 'POST',
    path: (l) => l.api('/session/password'),
    valid: (l) => ({ currentPassword: l.password('carol'), newPassword: 'a fresh passphrase' }),
    cookie: async (l) => (await loginAs(l, 'session', 'carol')).cookieHeaderFor(l.api('/session/password')),
  },
];

const send = async (lab: TestLab, route: JsonRoute, body: string | Buffer, headers: Record<string, string | number> = {}) =>
  rawRequest(route.method, route.path(lab), {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...(route.cookie ? { cookie: await route.cookie(lab) } : {}),
      ...headers,
    },
  });

describe('request bodies: JSON only, capped before parsing, validated once', () => {
  for (const route of jsonRoutes) {
    it(`${route.name}: wrong media types → 415, nothing changed`, async () => {
      const lab = await newLab();
      const before = await snapshot(lab);
      const body = JSON.stringify(route.valid(lab));
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json', 'text/json', '']) {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const res = await rawRequest(route.method, route.path(lab), {
          body,
          headers: { ...headers, 'content-length': Buffer.byteLength(body), ...(route.cookie ? { cookie: await route.cookie(lab) } : {}) },
        });
        expectRefusal(res, 415, 'expected-json');
      }
      expect(await snapshot(lab)).toEqual(before);
    });

    it(`${route.name}: malformed JSON and invalid UTF-8 → 400 malformed-json, nothing changed`, async () => {
      const lab = await newLab();
      const before = await snapshot(lab);
      for (const body of ['{', '{"role":', "{'role':'admin'}", 'undefined', '', ' ', '{"a":1}}', 'NaN', '[1,]']) {
        expectRefusal(await send(lab, route, body), 400, 'malformed-json');
      }
      expectRefusal(await send(lab, route, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), 400, 'malformed-json');
      expect(await snapshot(lab)).toEqual(before);
    });

    it(`${route.name}: wrong shapes, wrong types and extra fields → 400 invalid-body, nothing changed`, async () => {
      const lab = await newLab();
      const before = await snapshot(lab);
      const valid = route.valid(lab) as Record<string, unknown>;
      const [firstKey] = Object.keys(valid);
      const bodies: unknown[] = [
        null, [], [valid], 'a string', 42, true, {},
        { ...valid, extra: 1 },
        { ...valid, role: 'admin', isAdmin: true },
        JSON.parse(`{"__proto__": {"role": "admin"}, ${JSON.stringify(valid).slice(1)}`),
        { ...valid, constructor: { prototype: { role: 'admin' } } },
        { ...valid, [firstKey!]: null },
        { ...valid, [firstKey!]: [valid[firstKey!]] },
        { ...valid, [firstKey!]: { $gt: '' } },
        { ...valid, [firstKey!]: typeof valid[firstKey!] === 'string' ? 12345678 : 'not a number' },
        JSON.parse('['.repeat(1500) + ']'.repeat(1500)),
      ];
      for (const body of bodies) expectRefusal(await send(lab, route, JSON.stringify(body)), 400, 'invalid-body');
      expect(await snapshot(lab)).toEqual(before);
    });

    it(`${route.name}: 5 KB, 1 MB, and chunked bodies without a length → 413, nothing changed`, async () => {
      const lab = await newLab();
      const before = await snapshot(lab);
      const valid = route.valid(lab) as Record<string, unknown>;
      const padded = (bytes: number) => JSON.stringify({ ...valid, pad: 'x'.repeat(bytes) });
      expectRefusal(await send(lab, route, padded(5 * 1024)), 413, 'body-too-large');
      expectRefusal(await send(lab, route, padded(1024 * 1024)), 413, 'body-too-large');
      // Declared small, or not declared at all: the cap holds while streaming.
      const cookie: Record<string, string> = route.cookie ? { cookie: await route.cookie(lab) } : {};
      const chunked = await rawRequest(route.method, route.path(lab), {
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...cookie },
        chunks: Array.from({ length: 5 }, () => 'x'.repeat(1024)),
      });
      expectRefusal(chunked, 413, 'body-too-large');
      const chunkedBig = await rawRequest(route.method, route.path(lab), {
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...cookie },
        chunks: Array.from({ length: 64 }, () => ' '.repeat(16 * 1024)),
      });
      expectRefusal(chunkedBig, 413, 'body-too-large');
      expect(await snapshot(lab)).toEqual(before);
    });
  }

  it('the valid bodies those tests mangle are accepted (so the refusals are about the mangling)', async () => {
    const lab = await newLab();
    for (const route of jsonRoutes) {
      const res = await send(lab, route, JSON.stringify(route.valid(lab)));
      expect(res.status, `${route.name}: ${res.text}`).toBe(200);
    }
  });
});

describe('usernames and passwords: hostile strings get the ordinary answer', () => {
  const hostileNames = [
    "' OR '1'='1", "admin'--", 'bob" OR ""="', '"; DROP TABLE users; --', '<script>alert(1)</script>', '../../etc/passwd',
    'bob\u0000', '\u0000bob', 'b\u202Eob', '\u202Ebob', 'bob\u200B', '\uFEFFbob', 'ＢＯＢ', 'BOB', 'Bob', ' bob', 'bob ', 'b\u043Eb',
    'bob\r\nSet-Cookie: x=1', '${7*7}', '{{7*7}}', '%00', '\uD83D\uDE00', 'x'.repeat(64), 'alice\u0301',
  ];

  it('injection, NUL, RTL, zero-width, homoglyph and case variants answer exactly like an unknown user', async () => {
    const lab = await newLab();
    const before = await snapshot(lab);
    const reference = await agent().post(lab.api('/jwt/login'), { username: 'nobody-here', password: 'whatever-password' });
    expectRefusal(reference, 401, 'invalid-credentials');
    for (const username of hostileNames) {
      const res = await agent().post(lab.api('/jwt/login'), { username, password: lab.password('bob') });
      expectRefusal(res, 401, 'invalid-credentials');
      expect(res.body).toEqual(reference.body);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await snapshot(lab)).toEqual(before);
    // None of it touched bob: the genuine login still works.
    expect((await agent().post(lab.api('/jwt/login'), { username: 'bob', password: lab.password('bob') })).status).toBe(200);
  });

  it('a username longer than 64 characters or empty is refused by validation', async () => {
    const lab = await newLab();
    for (const username of ['x'.repeat(65), '', 'b'.repeat(5000)]) {
      const res = await agent().post(lab.api('/jwt/login'), { username, password: 'whatever-password' });
      expectRefusal(res, username.length > 3000 ? 413 : 400, username.length > 3000 ? 'body-too-large' : 'invalid-body');
    }
  });

  it('passwords are never truncated: 129 characters → 400, 128 accepted and needed in full', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'session', 'carol');
    const p129 = 'p'.repeat(129);
    const p128 = `${'q'.repeat(127)}z`;
    expectRefusal(await a.post(lab.api('/session/password'), { currentPassword: lab.password('carol'), newPassword: p129 }), 400, 'invalid-body');
    expectRefusal(await a.post(lab.api('/session/password'), { currentPassword: lab.password('carol'), newPassword: 'short7!' }), 400, 'invalid-body');
    expectRefusal(await agent().post(lab.api('/session/login'), { username: 'carol', password: p129 }), 400, 'invalid-body');
    // Nothing changed so far: the demo password still works.
    expect((await agent().post(lab.api('/jwt/login'), { username: 'carol', password: lab.password('carol') })).status).toBe(200);

    expect((await a.post(lab.api('/session/password'), { currentPassword: lab.password('carol'), newPassword: p128 })).status).toBe(200);
    expect((await agent().post(lab.api('/jwt/login'), { username: 'carol', password: p128 })).status).toBe(200);
    // A prefix is not the password (bcrypt-style truncation at 72 bytes would accept it).
    expectRefusal(await agent().post(lab.api('/jwt/login'), { username: 'carol', password: p128.slice(0, 72) }), 401, 'invalid-credentials');
    expectRefusal(await agent().post(lab.api('/jwt/login'), { username: 'carol', password: p128.slice(0, 127) }), 401, 'invalid-credentials');
    // Exactly 8 is enough.
    const fresh = await loginAs(lab, 'session', 'bob');
    expect((await fresh.post(lab.api('/session/password'), { currentPassword: lab.password('bob'), newPassword: '12345678' })).status).toBe(200);
  });
});

describe('path parameters: malformed and unknown look the same', () => {
  const badLabIds = [
    'short', 'A'.repeat(21), 'A'.repeat(23), 'AAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAA.A', "'%20OR%201=1--",
    '%00AAAAAAAAAAAAAAAAAAAAA', '%E2%80%AEAAAAAAAAAAAAAAAAAAAAA', 'A'.repeat(2000), '__proto__', 'constructor',
  ];

  it('every malformed or unknown lab id → the identical 404 unknown-lab, on every kind of route', async () => {
    const lab = await newLab();
    const reference = await agent().get('/api/labs/AAAAAAAAAAAAAAAAAAAAAA');
    expectRefusal(reference, 404, 'unknown-lab');
    for (const id of badLabIds) {
      const requests = [
        agent().get(`/api/labs/${id}`),
        agent().get(`/api/labs/${id}/jwt/me`),
        agent().post(`/api/labs/${id}/session/login`, { username: 'bob', password: lab.password('bob') }),
        agent().post(`/api/labs/${id}/users/bob/role`, { role: 'admin' }),
        agent().post(`/api/labs/${id}/clock`, { advanceSeconds: 10 }),
        agent().post(`/api/labs/${id}/keys/rotate`),
        agent().patch(`/api/labs/${id}/settings`, { jwtTtlSeconds: 60 }),
      ];
      for (const res of await Promise.all(requests)) {
        expectRefusal(res, 404, 'unknown-lab');
        expect(res.body).toEqual(reference.body);
      }
    }
  });

  it('unknown strategies → 404 unknown-strategy without echoing the name', async () => {
    const lab = await newLab();
    const known = await strategiesOf(lab);
    for (const s of ['JWT', 'jwt%20', 'jwt.', '..%2Fsession', '%00', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '%E2%80%AEjwt', 'x'.repeat(300)]) {
      for (const res of [await agent().get(lab.api(`/${s}/me`)), await agent().post(lab.api(`/${s}/login`), { username: 'bob', password: lab.password('bob') })]) {
        expectRefusal(res, 404, 'unknown-strategy');
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('\u202E');
        expect(text).not.toContain('xxxxxxxxxx');
        expect(text).not.toContain('__proto__');
      }
    }
    expect(known).toContain('jwt');
  });

  it('unknown or malformed usernames in operator paths → 404 unknown-user, nothing changed', async () => {
    const lab = await newLab();
    const before = await snapshot(lab);
    for (const u of ['ALICE', 'alice%00', '%00', "'%20OR%201=1--", 'a'.repeat(100), '__proto__', 'alice%20', '%E2%80%AEalice', 'nobody']) {
      for (const action of ['ban', 'unban']) expectRefusal(await agent().post(lab.api(`/users/${u}/${action}`)), 404, 'unknown-user');
      expectRefusal(await agent().post(lab.api(`/users/${u}/role`), { role: 'user' }), 404, 'unknown-user');
    }
    expect(await snapshot(lab)).toEqual(before);
  });

  it('a broken percent-escape → 400 malformed-path (Next alone would answer 500)', async () => {
    const lab = await newLab();
    for (const path of ['/api/labs/%ZZ', `/api/labs/${lab.labId}/%E0%A4%A/me`, `/api/labs/${lab.labId}/users/%/ban`]) {
      expectRefusal(await rawRequest('GET', path), 400, 'malformed-path');
      expectRefusal(await rawRequest('POST', path, { headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'malformed-path');
    }
  });
});

describe('methods and unknown endpoints', () => {
  it('an unknown API path → JSON 404 unknown-endpoint, for any method', async () => {
    const lab = await newLab();
    for (const path of ['/api/nothing', '/api', `/api/labs/${lab.labId}/jwt/unknown-action`, `/api/labs/${lab.labId}/users`, '/api/labs/x/y/z/w/v']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const res = await agent().request(method, path);
        expectRefusal(res, 404, 'unknown-endpoint');
      }
    }
  });

  it('HEAD follows GET (200 without a body, or 405 where there is no GET); OPTIONS lists methods and grants no CORS', async () => {
    const lab = await newLab();
    const head = await rawRequest('HEAD', lab.api(''));
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect((await rawRequest('HEAD', lab.api('/jwt/login'))).status).toBe(405);
    const options = await rawRequest('OPTIONS', lab.api('/jwt/login'), { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toContain('POST');
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
    expect(options.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('a method outside the list (WebDAV, PURGE, QUERY, TRACE) → 405 { error, reason } with Allow, never 500 — on API paths and pages', async () => {
    const lab = await newLab();
    const methods = ['PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'QUERY', 'REPORT', 'SEARCH', 'TRACE'];
    for (const path of ['/api/health', lab.api(''), lab.api('/jwt/login'), '/api/nothing', '/', '/learn']) {
      for (const method of methods) {
        const res = await rawRequest(method, path);
        expectRefusal(res, 405, 'method-not-allowed');
        // The API's own list on an API path (DELETE included: the copies route serves it), GET and HEAD on a page.
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(path.startsWith('/api') ? 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' : 'GET, HEAD');
      }
    }
    expect((await agent().get(lab.api(''))).status).toBe(200);
  });

  it('a method a route does not export → 405 (empty body, no internals), and the route still works', async () => {
    const lab = await newLab();
    const cases: [string, string][] = [
      ['GET', '/jwt/login'], ['PUT', '/jwt/login'], ['DELETE', '/jwt/login'], ['PATCH', '/jwt/login'],
      ['POST', '/jwt/me'], ['DELETE', '/session/me'], ['POST', '/settings'], ['GET', '/clock'], ['DELETE', ''], ['PUT', '/settings'],
    ];
    for (const [method, rest] of cases) {
      const res = await rawRequest(method, lab.api(rest));
      expect(res.status, `${method} ${rest}`).toBe(405);
      expect(res.text).not.toMatch(/at .*\(|node_modules|\.next/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await agent().post('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/jwt/login', {})).status).toBe(404);
    expect((await withCookie('GET', lab.api('/jwt/me'), '')).status).toBe(401);
  });
});
