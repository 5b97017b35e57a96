import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';
import { rawRequest, strategiesOf, type RawResponse } from './hostile-support';
import type { AgentResponse } from '@/lib/http-agent';

/**
 * Response headers (docs/SECURITY.md, "Headers"): every API answer, success
 * or refusal, is uncacheable, unsniffable and unframeable; every page has a
 * fresh nonce CSP; HSTS only over HTTPS; logout clears a cookie with exactly
 * the attributes it was set with.
 */

function expectCommonHeaders(res: AgentResponse | RawResponse, where: string) {
  const h = res.headers;
  expect(h.get('x-content-type-options'), where).toBe('nosniff');
  expect(h.get('referrer-policy'), where).toBe('no-referrer');
  expect(h.get('permissions-policy') ?? '', where).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(h.get('x-frame-options'), where).toBe('DENY');
  expect(h.get('cross-origin-opener-policy'), where).toBe('same-origin');
  expect(h.get('cross-origin-resource-policy'), where).toBe('same-origin');
  expect(h.get('x-powered-by'), where).toBeNull();
  expect(h.get('access-control-allow-origin'), where).toBeNull();
}

function expectApiHeaders(res: AgentResponse | RawResponse, where: string) {
  expectCommonHeaders(res, where);
  expect(res.headers.get('cache-control'), where).toBe('no-store');
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, where).toContain("default-src 'none'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(res.headers.get('strict-transport-security'), `${where}: no HSTS over plain HTTP`).toBeNull();
}

describe('API response headers, on successes and on every kind of refusal', () => {
  it('no-store, nosniff, no-referrer, locked CSP, no X-Powered-By, no HSTS over http — for every route and status', async () => {
    const lab = await newLab();
    const responses: [string, AgentResponse | RawResponse][] = [];
    const push = (name: string, res: AgentResponse | RawResponse) => responses.push([name, res]);
    push('lab view 200', await agent().get(lab.api('')));
    push('create lab 201', await agent().post('/api/labs'));
    for (const strategy of await strategiesOf(lab)) {
      const a = agent();
      push(`${strategy} login 200`, await a.post(lab.api(`/${strategy}/login`), { username: 'alice', password: lab.password('alice') }));
      push(`${strategy} me 200`, await a.get(lab.api(`/${strategy}/me`)));
      push(`${strategy} admin 200`, await a.get(lab.api(`/${strategy}/admin`)));
      push(`${strategy} logout 200`, await a.post(lab.api(`/${strategy}/logout`)));
      push(`${strategy} me 401`, await a.get(lab.api(`/${strategy}/me`)));
      push(`${strategy} login 401`, await agent().post(lab.api(`/${strategy}/login`), { username: 'nobody', password: 'wrong-password' }));
    }
    push('admin 403', await (await loginAs(lab, 'session', 'bob')).get(lab.api('/session/admin')));
    push('csrf 403', await agent().request('POST', lab.api('/clock'), { advanceSeconds: 1 }, { origin: 'https://evil.example' }));
    push('unknown lab 404', await agent().get('/api/labs/AAAAAAAAAAAAAAAAAAAAAA'));
    push('unknown endpoint 404', await agent().get('/api/nope'));
    push('Next 405', await rawRequest('DELETE', lab.api('/jwt/login')));
    push('malformed path 400', await rawRequest('GET', '/api/labs/%ZZ'));
    push('invalid body 400', await agent().post(lab.api('/clock'), { advanceSeconds: -1 }));
    push('too large 413', await agent().post(lab.api('/clock'), { pad: 'x'.repeat(5000) }));
    push('not JSON 415', await agent().request('POST', lab.api('/clock'), 'advanceSeconds=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    push('settings 200', await agent().patch(lab.api('/settings'), { jwtTtlSeconds: 600 }));
    push('rotate 200', await agent().post(lab.api('/keys/rotate')));
    for (const [name, res] of responses) expectApiHeaders(res, name);
    expect(responses.length).toBeGreaterThan(20);
  });

  it('HSTS (and upgrade-insecure-requests) only when the request came over HTTPS', async () => {
    const lab = await newLab();
    const api = await rawRequest('GET', lab.api(''), { headers: { 'x-forwarded-proto': 'https' } });
    expect(api.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    const page = await rawRequest('GET', '/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const plain = await rawRequest('GET', '/');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});

describe('static files (next.config.js headers, outside proxy.ts)', () => {
  it('a /_next/static script the page loads, a file from public/, the icon and a 404 carry nosniff, no-referrer, DENY, COOP/CORP and no X-Powered-By', async () => {
    const page = await rawRequest('GET', '/');
    const scripts = [...page.text.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length, 'the home page loads build scripts').toBeGreaterThan(0);
    const paths = [scripts[0]!, '/demo/injected.js', '/icon.svg', '/favicon.ico'];
    for (const path of paths) {
      const res = await rawRequest('GET', path);
      expect(res.status, path).toBe(path === '/favicon.ico' ? 404 : 200);
      expectCommonHeaders(res, path);
    }
  });
});

/** Every route.ts under app/api with its exported methods, and a concrete URL in a real lab. */
function everyRoute(labId: string, strategy: string): { method: string; url: string }[] {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const out: { method: string; url: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'route.ts') {
        const src = fs.readFileSync(full, 'utf8');
        const methods = [...src.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        const url = ('/' + path.relative(path.join(root, 'app'), path.dirname(full)).split(path.sep).join('/'))
          .replace('[labId]', labId)
          .replace('[strategy]', strategy)
          .replace('[username]', 'bob')
          .replace('[scenario]', 'logout')
          .replace(/\/\[\[?\.\.\.[a-z]+\]\]?/i, '/probe')
          .replace(/\[[a-zA-Z]+\]/g, 'x');
        for (const method of methods) out.push({ method, url });
      }
    }
  };
  walk(path.join(root, 'app', 'api'));
  return out;
}

describe('every route file, whatever it answers', () => {
  it('each exported method of each app/api route answers without a 500 and with the API headers (no-store included)', { timeout: 180_000 }, async () => {
    const lab = await newLab();
    const routes = everyRoute(lab.labId, 'session');
    expect(routes.length).toBeGreaterThan(15);
    const holder = await loginAs(lab, 'session', 'alice');
    for (const { method, url } of routes) {
      // Authenticated where a cookie applies, with an empty JSON body for writes: the handler itself answers.
      const res = await holder.request(method, url, method === 'GET' ? undefined : {});
      expect(res.status, `${method} ${url}: ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
      expectApiHeaders(res, `${method} ${url}`);
    }
  });
});

describe('pages: a nonce-based CSP, fresh on every response', () => {
  const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

  for (const path of ['/', '/no-such-page']) {
    it(`${path}: strict script-src with a fresh nonce that every script tag carries`, async () => {
      const [first, second] = [await rawRequest('GET', path), await rawRequest('GET', path)];
      for (const res of [first, second]) {
        expectCommonHeaders(res, path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("base-uri 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toMatch(/https?:\/\//); // nothing from another origin: the site works offline
        const nonce = nonceOf(csp)!;
        expect(Buffer.from(nonce, 'base64').length).toBeGreaterThanOrEqual(16);
        const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
        // A page is never stored by a shared cache: it carries a per-response nonce.
        expect(res.headers.get('cache-control') ?? '').toMatch(/no-store|private/);
      }
      expect(nonceOf(first.headers.get('content-security-policy')!)).not.toBe(nonceOf(second.headers.get('content-security-policy')!));
    });
  }

  it('a nonce or a CSP sent by the client is ignored', async () => {
    const res = await rawRequest('GET', '/', { headers: { 'x-nonce': 'attacker-nonce', 'content-security-policy': "script-src * 'unsafe-inline'" } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('attacker-nonce');
    expect(csp).not.toContain('*');
    expect(res.text).not.toContain('attacker-nonce');
  });
});

type SetCookie = { name: string; value: string; attrs: Map<string, string> };
function parseSetCookies(res: AgentResponse | RawResponse): SetCookie[] {
  const lines = 'getSetCookie' in res.headers ? res.headers.getSetCookie() : [];
  return lines.map((line) => {
    const [pair, ...rest] = line.split(';');
    const eq = pair!.indexOf('=');
    const attrs = new Map<string, string>();
    for (const a of rest) {
      const [k, v = ''] = a.trim().split('=');
      attrs.set(k!.toLowerCase(), v);
    }
    return { name: pair!.slice(0, eq).trim(), value: pair!.slice(eq + 1), attrs };
  });
}
const identity = (c: SetCookie) => ({ path: c.attrs.get('path'), domain: c.attrs.get('domain'), httponly: c.attrs.has('httponly'), secure: c.attrs.has('secure'), samesite: c.attrs.get('samesite')?.toLowerCase() });

describe('cookies: set strictly, cleared with identical attributes', () => {
  it('every strategy: HttpOnly, SameSite=Strict, Secure on loopback, a lab-and-strategy Path; logout clears each with the same attributes', async () => {
    const lab = await newLab();
    for (const strategy of await strategiesOf(lab)) {
      const a = agent();
      const login = await a.post(lab.api(`/${strategy}/login`), { username: 'bob', password: lab.password('bob') });
      const set = parseSetCookies(login);
      expect(set.length, strategy).toBeGreaterThan(0);
      for (const c of set) {
        expect(identity(c), `${strategy} ${c.name}`).toMatchObject({ httponly: true, secure: true, samesite: 'strict', domain: undefined });
        expect(c.attrs.get('path')!.startsWith(`/api/labs/${lab.labId}/${strategy}`), `${strategy} ${c.name} path`).toBe(true);
        expect(c.attrs.has('max-age') || c.attrs.has('expires'), `${strategy} ${c.name}: a browser-session cookie`).toBe(false);
      }
      const logout = await a.post(lab.api(`/${strategy}/logout`));
      const cleared = parseSetCookies(logout);
      for (const c of set) {
        const clear = cleared.find((x) => x.name === c.name && x.attrs.get('path') === c.attrs.get('path'));
        expect(clear, `${strategy} ${c.name} is cleared on logout`).toBeDefined();
        expect(identity(clear!)).toEqual(identity(c));
        expect(clear!.value).toBe('');
        expect(clear!.attrs.get('max-age') === '0' || new Date(clear!.attrs.get('expires')!).getTime() <= 0).toBe(true);
      }
      // Never Clear-Site-Data: it would log out the other panel and every other lab.
      expect(logout.headers.get('clear-site-data')).toBeNull();
    }
  });

  it('over plain HTTP on a LAN address Secure is left off — on set and on clear alike; over HTTPS it is on', async () => {
    const lab = await newLab();
    const body = JSON.stringify({ username: 'bob', password: lab.password('bob') });
    for (const [headers, secure] of [[{ host: '192.168.1.10:3000' }, false], [{ host: '192.168.1.10:3000', 'x-forwarded-proto': 'https' }, true]] as const) {
      const login = await rawRequest('POST', lab.api('/session/login'), { headers: { ...headers, 'content-type': 'application/json' }, body });
      expect(login.status).toBe(200);
      const [set] = parseSetCookies(login);
      expect(identity(set!).secure).toBe(secure);
      const logout = await rawRequest('POST', lab.api('/session/logout'), { headers: { ...headers, 'content-type': 'application/json', cookie: `${set!.name}=${set!.value}` } });
      expect(logout.status).toBe(200);
      const [clear] = parseSetCookies(logout);
      expect(identity(clear!)).toEqual(identity(set!));
    }
  });
});
