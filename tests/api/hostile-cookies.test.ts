import { describe, expect, it } from 'vitest';
import { newLab, type TestLab } from './helpers';
import { cookieHeader, expectCredentialRefused, expectRefusal, loginCookies, rawRequest, strategiesOf, withCookie } from './hostile-support';
import type { StoredCookie } from '@/lib/http-agent';

/**
 * Mangled credentials of every strategy in the registry (JWTs, session ids,
 * iron seals, refresh tokens — whatever the strategy sets): each one alone is
 * refused with a clean 401 and a reason on every authenticated endpoint, a
 * logout with it still answers 200, and the genuine cookie keeps working.
 */

function mangle(value: string, others: string[]): [string, string][] {
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return [
    ['empty', ''],
    ['one character', 'x'],
    ['truncated to half', value.slice(0, value.length >> 1)],
    ['last character dropped', value.slice(0, -1)],
    ['one character appended', `${value}A`],
    ['first character flipped', flip(value, 0)],
    ['middle character flipped', flip(value, value.length >> 1)],
    ['last character flipped', flip(value, value.length - 1)],
    ['reversed', [...value].reverse().join('')],
    ['8 KB of junk', 'A'.repeat(8 * 1024)],
    ['percent-encoded NUL', `${value}%00`],
    ['quoted', `"${value}"`],
    ['null', 'null'],
    ['undefined', 'undefined'],
    ['[object Object]', '[object Object]'],
    ['JSON claiming admin', JSON.stringify({ username: 'alice', role: 'admin' })],
    ['base64 of JSON claiming admin', Buffer.from(JSON.stringify({ uid: 1, username: 'alice', role: 'admin' })).toString('base64url')],
    ['iron-looking junk', `Fe26.2**${'a'.repeat(64)}*${'b'.repeat(22)}*${'c'.repeat(43)}**${'d'.repeat(43)}*${'e'.repeat(43)}~2`],
    ['SQL', "' OR '1'='1"],
    ['path traversal', '../../../../etc/passwd'],
    ['non-ASCII (percent-encoded)', encodeURIComponent('ßéé\u202Eñ')],
    ...others.filter((o) => o !== value).map((o, i): [string, string] => [`another strategy's genuine credential #${i + 1}`, o]),
  ];
}

async function everyStrategysCookies(lab: TestLab) {
  const all: { strategy: string; cookies: StoredCookie[] }[] = [];
  for (const strategy of await strategiesOf(lab)) all.push({ strategy, cookies: await loginCookies(lab, strategy, 'alice') });
  return all;
}

describe('mangled credentials, every strategy in the registry', () => {
  it('each cookie, mangled every way, is refused on /me, /admin, logout-all and password; logout still answers 200', async () => {
    const lab = await newLab();
    const all = await everyStrategysCookies(lab);
    expect(all.map((s) => s.strategy)).toEqual(expect.arrayContaining(['jwt', 'session']));
    const everyValue = all.flatMap((s) => s.cookies.map((c) => c.value));
    let endpointScoped = 0;
    for (const { strategy, cookies } of all) {
      for (const cookie of cookies) {
        for (const [name, value] of mangle(cookie.value, everyValue)) {
          const header = `${cookie.name}=${value}`;
          const where = `${strategy} ${cookie.name} ${name}`;
          try {
            expectCredentialRefused(await withCookie('GET', lab.api(`/${strategy}/me`), header));
            expectCredentialRefused(await withCookie('GET', lab.api(`/${strategy}/admin`), header));
            expectCredentialRefused(await withCookie('POST', lab.api(`/${strategy}/logout-all`), header));
            expectCredentialRefused(
              await withCookie('POST', lab.api(`/${strategy}/password`), header, { currentPassword: lab.password('alice'), newPassword: 'mangled-cookie-pw' }),
            );
            // A cookie scoped to its own endpoint (the refresh token at …/refresh) is attacked there too.
            // (jwt-refresh's revoke cookie lives on …/logout, which is attacked just below.)
            if (cookie.path !== lab.api(`/${strategy}`) && cookie.path !== lab.api(`/${strategy}/logout`)) {
              endpointScoped++;
              const own = await withCookie('POST', cookie.path, header);
              expectCredentialRefused(own);
              expect(own.headers.getSetCookie().every((l) => !/=[^;]+;/.test(l) || /Max-Age=0/i.test(l)), 'no new credential').toBe(true);
            }
            const out = await withCookie('POST', lab.api(`/${strategy}/logout`), header);
            expect(out.status).toBe(200);
            expect(out.body.wasAuthenticated).toBe(false);
          } catch (err) {
            throw new Error(`${where}: ${(err as Error).message}`);
          }
        }
      }
      // Nothing above revoked anything: the genuine credential still works, and the password is unchanged.
      const me = await withCookie('GET', lab.api(`/${strategy}/me`), cookieHeader(cookies));
      expect(me.status, `${strategy} genuine after the attack: ${JSON.stringify(me.body)}`).toBe(200);
      // A mangled revoke cookie sent to /logout revoked no login either: the genuine refresh cookie still trades.
      const refresh = cookies.find((c) => c.path === lab.api(`/${strategy}/refresh`));
      if (refresh) {
        const traded = await withCookie('POST', refresh.path, `${refresh.name}=${refresh.value}`);
        expect(traded.status, `${strategy} genuine refresh after the attack: ${JSON.stringify(traded.body)}`).toBe(200);
      }
    }
    if (all.some((s) => s.strategy === 'jwt-refresh')) expect(endpointScoped, 'the refresh cookie was attacked at /refresh').toBeGreaterThan(0);
    const login = await withCookie('POST', lab.api('/jwt/login'), '', { username: 'alice', password: lab.password('alice') });
    expect(login.status).toBe(200);
  }, 90_000); // ~900 requests (jwt-refresh's revoke cookie added ~100): 30 s was tight on a loaded 2-core machine

  it('a credential of another lab is refused by every strategy', async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    const fromA = await everyStrategysCookies(a);
    for (const { strategy, cookies } of fromA) {
      expectCredentialRefused(await withCookie('GET', b.api(`/${strategy}/me`), cookieHeader(cookies)));
      expectCredentialRefused(await withCookie('GET', b.api(`/${strategy}/admin`), cookieHeader(cookies)));
      expect((await withCookie('GET', a.api(`/${strategy}/me`), cookieHeader(cookies))).status).toBe(200);
    }
  });

  it('many cookies, and a duplicated cookie name, are answered cleanly', async () => {
    const lab = await newLab();
    for (const { strategy, cookies } of await everyStrategysCookies(lab)) {
      const genuine = cookieHeader(cookies);
      const junk = Array.from({ length: 150 }, (_, i) => `junk${i}=${'v'.repeat(40)}`).join('; ');
      expect((await withCookie('GET', lab.api(`/${strategy}/me`), `${junk}; ${genuine}`)).status).toBe(200);
      // A second cookie of the same name (a cookie-tossing attempt from a sibling path): whichever is read, never a 500.
      for (const order of [`${genuine}; ${cookies[0]!.name}=tossed`, `${cookies[0]!.name}=tossed; ${genuine}`]) {
        const res = await withCookie('GET', lab.api(`/${strategy}/me`), order);
        expect([200, 401], `${strategy} ${order.slice(0, 40)}: ${JSON.stringify(res.body)}`).toContain(res.status);
        if (res.status === 401) expectCredentialRefused(res);
      }
    }
  });

  it('a Cookie header beyond the server limit → 431 before any code runs; then everything still works', async () => {
    const lab = await newLab();
    const { strategy, cookies } = (await everyStrategysCookies(lab))[0]!;
    const huge = await rawRequest('GET', lab.api(`/${strategy}/me`), { headers: { cookie: `${cookieHeader(cookies)}; pad=${'p'.repeat(20_000)}` } });
    expect(huge.status).toBe(431);
    expect(huge.text).not.toMatch(/at .*\(|node_modules/);
    expect((await withCookie('GET', lab.api(`/${strategy}/me`), cookieHeader(cookies))).status).toBe(200);
  });

  it('a session id of the right shape that was never issued → 401 unknown-session', async () => {
    const lab = await newLab();
    const res = await withCookie('GET', lab.api('/session/me'), `rl_session=${'A'.repeat(43)}`);
    expectRefusal(res, 401, 'unknown-session');
  });
});
