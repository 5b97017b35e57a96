import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agent, baseUrl, loginAs, newLab, type TestLab } from './helpers';
import { expectRefusal, rawRequest, strategiesOf } from './hostile-support';

/**
 * CSRF (docs/SECURITY.md, "Cross-site requests"): every state-changing route
 * refuses a browser request from another site — an Origin that is not ours,
 * the opaque `null`, or Sec-Fetch-Site cross-site/same-site — and allows a
 * request with neither header (curl, scripts: no victim's browser involved).
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

type RouteFile = { file: string; template: string; methods: string[] };

/** Every route handler file under app/api, with the methods it exports. */
function routeFiles(): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1]!);
        const template = '/' + path.relative(path.join(root, 'app'), path.dirname(full)).split(path.sep).join('/');
        out.push({ file: path.relative(root, full), template, methods });
      }
    }
  };
  walk(path.join(root, 'app', 'api'));
  return out;
}

/** A concrete URL for a route template in a real lab (so the request would otherwise do something). */
function concrete(template: string, lab: TestLab, strategy: string): string {
  return template
    .replace('[labId]', lab.labId)
    .replace('[strategy]', strategy)
    .replace('[username]', 'bob')
    .replace(/\[scenario\]|\[scenarioId\]/, 'logout')
    .replace(/\/\[\[?\.\.\.[a-z]+\]\]?/i, '/csrf-probe')
    .replace(/\[[a-zA-Z]+\]/g, 'x');
}

const hostile = (): Record<string, Record<string, string>> => {
  const port = new URL(baseUrl()).port;
  return {
    'Origin of another site': { origin: 'https://evil.example' },
    'Origin null (sandboxed frame, data: URL)': { origin: 'null' },
    'Origin of another port on our host': { origin: `http://127.0.0.1:${Number(port) + 1}` },
    'Origin that only starts like ours': { origin: `http://127.0.0.1.evil.example:${port}` },
    'Origin localhost (another host name)': { origin: `http://localhost:${port}` },
    'Origin not a URL': { origin: 'not a url' },
    'Sec-Fetch-Site cross-site, no Origin': { 'sec-fetch-site': 'cross-site' },
    'Sec-Fetch-Site same-site, no Origin': { 'sec-fetch-site': 'same-site' },
    'Sec-Fetch-Site cross-site with our own Origin': { 'sec-fetch-site': 'cross-site', origin: baseUrl() },
  };
};

async function labState(lab: TestLab) {
  const res = await agent().get(lab.api(''));
  const { now: _now, ...rest } = res.body;
  return rest;
}

describe('CSRF: the audit of every route file', () => {
  it('every exported POST/PUT/PATCH/DELETE is wrapped by apiRoute with stateChanging: true', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const f of files) {
      const source = fs.readFileSync(path.join(root, f.file), 'utf8');
      for (const method of f.methods.filter((m) => MUTATING.includes(m))) {
        // The export's own statement, up to the next export.
        const start = source.search(new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${method}\\b`));
        const rest = source.slice(start + 1);
        const next = rest.search(/\nexport\s/);
        const block = next === -1 ? rest : rest.slice(0, next);
        const direct = /apiRoute\s*(<[^>]*>)?\s*\(/.test(block) && /stateChanging:\s*true/.test(block);
        // `export const POST = someHandler;` where someHandler is an apiRoute(..., { stateChanging: true }) defined above.
        const alias = /=\s*([A-Za-z_$][\w$]*)\s*;/.exec(block)?.[1];
        const aliased = alias !== undefined && new RegExp(`const\\s+${alias}\\s*=\\s*apiRoute[\\s\\S]*?stateChanging:\\s*true`).test(source);
        if (!direct && !aliased) offenders.push(`${f.file} ${method}`);
      }
    }
    expect(offenders, 'state-changing exports without the CSRF check').toEqual([]);
  });
});

describe('CSRF: cross-site requests are refused on every state-changing route', () => {
  it('each hostile header set → 403 on every mutating route of every strategy, and the lab is unchanged', async () => {
    const lab = await newLab();
    const strategies = await strategiesOf(lab);
    const before = await labState(lab);
    const targets: { method: string; url: string }[] = [];
    for (const f of routeFiles()) {
      for (const method of f.methods.filter((m) => MUTATING.includes(m))) {
        const perStrategy = f.template.includes('[strategy]') ? strategies : ['-'];
        for (const s of perStrategy) targets.push({ method, url: concrete(f.template, lab, s) });
      }
    }
    expect(targets.length).toBeGreaterThan(10);
    for (const [name, headers] of Object.entries(hostile())) {
      for (const { method, url } of targets) {
        const res = await agent().request(method, url, { username: 'bob', password: lab.password('bob') }, headers);
        try {
          expectRefusal(res, 403, ['cross-site-request', 'cross-origin-request']);
          expect(res.headers.get('set-cookie')).toBeNull();
        } catch (err) {
          throw new Error(`${name}: ${method} ${url}: ${(err as Error).message}`);
        }
      }
    }
    expect(await labState(lab)).toEqual(before);
  });

  it('a cross-site logout, logout-all or password change leaves the victim signed in and the password unchanged', async () => {
    const lab = await newLab();
    for (const strategy of await strategiesOf(lab)) {
      const victim = await loginAs(lab, strategy, 'carol');
      for (const [name, headers] of Object.entries(hostile())) {
        const cookie = victim.cookieHeaderFor(lab.api(`/${strategy}/logout`));
        for (const action of ['logout', 'logout-all']) {
          const res = await agent().request('POST', lab.api(`/${strategy}/${action}`), undefined, { ...headers, cookie });
          expectRefusal(res, 403);
          expect(res.headers.get('set-cookie'), `${name} ${strategy} ${action}`).toBeNull();
        }
        const change = await agent().request(
          'POST',
          lab.api(`/${strategy}/password`),
          { currentPassword: lab.password('carol'), newPassword: 'attacker-chosen-password' },
          { ...headers, cookie },
        );
        expectRefusal(change, 403);
      }
      const me = await victim.get(lab.api(`/${strategy}/me`));
      expect(me.status, `${strategy} victim still signed in: ${JSON.stringify(me.body)}`).toBe(200);
    }
    expect((await agent().post(lab.api('/jwt/login'), { username: 'carol', password: lab.password('carol') })).status).toBe(200);
    expect((await agent().post(lab.api('/jwt/login'), { username: 'carol', password: 'attacker-chosen-password' })).status).toBe(401);
  });

  it('X-Forwarded-Host is not believed: an Origin that matches only a forged X-Forwarded-Host is refused, and ours still passes beside it', async () => {
    const lab = await newLab();
    const before = await labState(lab);
    const port = new URL(baseUrl()).port;
    const forged: Record<string, string>[] = [
      { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
      { origin: `http://evil.example:${port}`, 'x-forwarded-host': `evil.example:${port}` },
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    ];
    for (const headers of forged) {
      expectRefusal(await agent().request('POST', lab.api('/clock'), { advanceSeconds: 60 }, headers), 403, 'cross-origin-request');
      const created = await agent().request('POST', '/api/labs', undefined, headers);
      expectRefusal(created, 403, 'cross-origin-request');
      expect(created.body.labId).toBeUndefined();
    }
    expect(await labState(lab)).toEqual(before);
    // The header is ignored, not refused: our own Origin (the real Host) passes with a forged one beside it.
    const ours = await agent().request('POST', lab.api('/clock'), { advanceSeconds: 60 }, { origin: baseUrl(), 'x-forwarded-host': 'evil.example' });
    expect(ours.status).toBe(200);
  });

  it('a cross-site POST /api/labs is refused too (no lab is created for an attacker page)', async () => {
    for (const headers of Object.values(hostile())) {
      const res = await agent().request('POST', '/api/labs', undefined, headers);
      expectRefusal(res, 403);
      expect(res.body.labId).toBeUndefined();
    }
  });
});

describe('CSRF second layer: JSON or nothing, on every route file', () => {
  it('a form, multipart, text/plain or untyped body without Origin → 415 expected-json on every mutating export of every route file, and the lab is unchanged', async () => {
    // What an HTML form can send, from a browser that sent no Origin: the case the Origin check lets through.
    // Read from the route files, so a route added later is covered (tests/api/harden.test.ts checks the same
    // against live sessions on a hand-picked list).
    const lab = await newLab();
    const before = await labState(lab);
    const bodies: [string | undefined, string][] = [
      ['application/x-www-form-urlencoded', 'username=bob&password=x'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
      ['text/plain', JSON.stringify({ username: 'bob', password: lab.password('bob') })],
      [undefined, ''],
    ];
    let sent = 0;
    for (const f of routeFiles()) {
      // One strategy per file: the check is the route file's wrapper, the same for every strategy it serves.
      const url = concrete(f.template, lab, 'session');
      for (const method of f.methods.filter((m) => MUTATING.includes(m))) {
        for (const [type, body] of bodies) {
          // An explicit length: Node's client frames a DELETE body with neither length nor chunking.
          const length = { 'content-length': Buffer.byteLength(body) };
          const res = await rawRequest(method, url, { headers: type ? { 'content-type': type, ...length } : length, body });
          try {
            expectRefusal(res, 415, 'expected-json');
            expect(res.headers.get('set-cookie')).toBeNull();
          } catch (err) {
            throw new Error(`${method} ${url} as ${type ?? 'no type'}: ${(err as Error).message}`);
          }
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(await labState(lab)).toEqual(before);
  });
});

describe('CSRF: what is allowed', () => {
  it('no Origin and no Sec-Fetch-Site (curl), our own Origin, and same-origin / none fetch metadata all pass', async () => {
    const lab = await newLab();
    const allowed: Record<string, string>[] = [
      {},
      { origin: baseUrl() },
      { origin: baseUrl(), 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of allowed) {
      const login = await agent().request('POST', lab.api('/session/login'), { username: 'bob', password: lab.password('bob') }, headers);
      expect(login.status, JSON.stringify(headers)).toBe(200);
      const clock = await agent().request('POST', lab.api('/clock'), { advanceSeconds: 10 }, headers);
      expect(clock.status, JSON.stringify(headers)).toBe(200);
    }
    // Reads are not state changes: a cross-site GET is answered (its body is unreadable to the other site without CORS).
    const read = await agent().request('GET', lab.api(''), undefined, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
