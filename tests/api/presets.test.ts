import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '@/lib/scenarios/types';
import type { HttpAgent } from '@/lib/http-agent';
import { agent, baseUrl, loginAs, newLab } from './helpers';

const DAY = 86_400;
type PresetsMatrix = { set: string; strategies: string[]; scenarios: string[]; results: ScenarioResult[]; presets: { id: string; settings: Record<string, unknown>; source: { docsUrl: string; issueUrl: string } }[] };

describe('library presets through the HTTP API', () => {
  it('GET /api/labs/{labId} lists the presets with strategy, settings and source', async () => {
    const lab = await newLab();
    const res = await agent().get(lab.api(''));
    expect(res.status).toBe(200);
    const presets = res.body.presets as PresetsMatrix['presets'];
    expect(presets.map((p) => p.id)).toEqual(['authjs-jwt', 'nextjs-guide', 'iron-default', 'better-auth-cached', 'clerk-like', 'firebase-id-token', 'firebase-check-revoked']);
    expect(presets.find((p) => p.id === 'authjs-jwt')).toMatchObject({ strategy: 'authjs-jwt', settings: { jwtTtlSeconds: 30 * DAY }, source: { issueUrl: 'https://github.com/nextauthjs/next-auth/issues/662' } });
    expect(res.body.refreshableStrategies).toContain('clerk-like');
  });

  it('a panel can be a preset: login, /me and logout on …/{labId}/{preset}/…, with the preset’s own lifetime', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'better-auth-cached', 'bob');
    const me = await a.get(lab.api('/better-auth-cached/me'));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'bob' }, lookups: 0, strategy: 'better-auth-cached' });
    // The cache cookie made at login, on the preset's 5 minutes (not the lab's settings): a second or so may have passed since.
    const left = (me.body.expiresAt as number) - (me.body.now as number);
    expect(left).toBeGreaterThan(290);
    expect(left).toBeLessThanOrEqual(300);
    // The attacker's copy is held by the lab and replayed as for any strategy; the journal names the preset.
    const stolen = await a.post(lab.api('/better-auth-cached/steal'));
    expect(stolen.status).toBe(201);
    expect((await a.post(lab.api('/better-auth-cached/logout'))).status).toBe(200);
    expect((await a.get(lab.api('/better-auth-cached/me'))).status).toBe(401);
    const replayed = await agent().post(lab.api('/replay'), { copyId: stolen.body.copyId, endpoint: 'me' });
    expect(replayed.status).toBe(200);
    // Logged out, yet the copy's cache cookie is still fresh: it works (the cost of the cache, measured).
    expect(JSON.stringify(replayed.body)).toContain('"status":200');
    const journal = await agent().get(lab.api('/journal?after=0'));
    const entries = journal.body.entries as { path: string; strategy: string | null }[];
    expect(entries.find((e) => e.path.endsWith('/better-auth-cached/me'))?.strategy).toBe('better-auth-cached');
  });

  it('an unknown preset or set is a 404 { error, reason } and starts nothing', async () => {
    const lab = await newLab();
    const path = await agent().get(lab.api('/no-such-preset/me'));
    expect(path.status).toBe(404);
    expect(path.body).toMatchObject({ error: 'not-found', reason: 'unknown-strategy' });
    const set = await agent().post(lab.api('/matrix'), { set: 'libraries' });
    expect(set.status).toBe(404);
    expect(set.body).toMatchObject({ error: 'not-found', reason: 'unknown-set' });
    expect((await agent().get(lab.api('/matrix?set=libraries'))).status).toBe(404);
    expect((await agent().get(lab.api('/matrix?set=presets'))).body.reason).toBe('no-matrix-run');
    const wrongType = await agent().post(lab.api('/matrix'), { set: 7 });
    expect(wrongType.status).toBe(400);
  });

  it('POST …/matrix { set: "presets" } measures each library’s defaults; the lab keeps the last run of each set', { timeout: 180_000 }, async () => {
    const lab = await newLab();
    const res = await agent().post(lab.api('/matrix'), { set: 'presets' });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const m = res.body as unknown as PresetsMatrix;
    expect(m.set).toBe('presets');
    expect(m.strategies).toEqual(m.presets.map((p) => p.id));
    expect(m.results).toHaveLength(m.strategies.length * m.scenarios.length);
    const cell = (strategy: string, scenario: string) => {
      const r = m.results.find((x) => x.strategy === strategy && x.scenario === scenario)!;
      return { r, where: `${strategy} × ${scenario}: ${JSON.stringify({ verdict: r.verdict, windowSeconds: r.windowSeconds, window: r.window, note: r.note })}` };
    };

    // Auth.js: the copy exactly as stolen works for its 30 days (maxAge), to the second…
    const authjs = cell('authjs-jwt', 'logout');
    expect(authjs.r.verdict, authjs.where).toBe('works-until-expiry');
    expect(authjs.r.windowSeconds, authjs.where).toBe(30 * DAY);
    expect(authjs.r.window!.exact, authjs.where).toBe(true);
    expect(authjs.r.window!.slides, authjs.where).toBe(0);
    expect(authjs.r.refusedWith?.reason, authjs.where).toBe('expired');
    expect(authjs.r.lookups.perRequest, authjs.where).toBe(0);
    // …and a copy the thief keeps using, taking each re-issued cookie, outlives those 30 days.
    const kept = authjs.r.withUse!;
    expect(kept, authjs.where).toBeTruthy();
    expect(kept.window.lastWorkingSeconds, JSON.stringify(kept)).toBeGreaterThan(30 * DAY);
    expect(kept.window.slides, JSON.stringify(kept)).toBeGreaterThan(0);
    // The two copies are told apart in the trace: the as-stolen one never sent a re-issued token.
    const copies = authjs.r.trace.filter((e) => e.kind === 'copy').map((e) => e.copy);
    expect(copies).toEqual(['as-stolen', 'in-use']);
    // Only a strategy that re-issues on read keeps a second copy.
    expect(cell('nextjs-guide', 'logout').r.withUse ?? null).toBeNull();

    // Better Auth's cookie cache: the copy works for the cache's 5 minutes, then the deleted row refuses it.
    const better = cell('better-auth-cached', 'logout');
    expect(better.r.verdict, better.where).toBe('works-until-expiry');
    expect(better.r.windowSeconds, better.where).toBe(300);
    expect(better.r.window!.exact, better.where).toBe(true);
    expect(better.r.refusedWith?.reason, better.where).toBe('unknown-session');

    // Firebase: with checkRevoked the ban is seen on the next request; without it the ID token lives its hour.
    const checked = cell('firebase-check-revoked', 'ban');
    expect(checked.r.verdict, checked.where).toBe('blocked');
    expect(checked.r.refusedWith?.reason, checked.where).toBe('account-disabled');
    expect(checked.r.lookups.perRequest, checked.where).toBe(1);
    const unchecked = cell('firebase-id-token', 'ban');
    expect(unchecked.r.verdict, unchecked.where).toBe('works-until-expiry');
    expect(unchecked.r.windowSeconds, unchecked.where).toBe(3600);
    // A role change does not move Firebase's mark: the demoted admin's copy keeps its claims for the hour.
    expect(cell('firebase-check-revoked', 'role-change').r.windowSeconds).toBe(3600);
    expect(cell('firebase-check-revoked', 'stolen-token').r.verdict).toBe('blocked');

    // The other presets' windows are their documented lifetimes.
    expect(cell('nextjs-guide', 'logout').r.windowSeconds).toBe(7 * DAY);
    expect(cell('iron-default', 'logout').r.windowSeconds).toBe(14 * DAY);
    expect(cell('clerk-like', 'logout').r.windowSeconds).toBe(60);

    // Stored per set: the presets run does not replace the strategies run, nor the other way round.
    expect((await agent().get(lab.api('/matrix?set=presets'))).body.set).toBe('presets');
    expect((await agent().get(lab.api('/matrix'))).status).toBe(404);
    const md = await fetch(baseUrl() + lab.api('/matrix?set=presets&format=md&lang=en'));
    expect(md.status).toBe(200);
    const text = await md.text();
    if (process.env.PRESETS_DUMP) (await import('node:fs')).writeFileSync(process.env.PRESETS_DUMP, text);
    expect(text).toContain('Auth.js default, after logout: a stolen copy works for 30 d — and longer if the thief keeps using it');
    const ja = await (await fetch(baseUrl() + lab.api('/matrix?set=presets&format=md&lang=ja'))).text();
    expect(ja).toContain('Auth.js の既定、ログアウトの後：盗まれたコピーは 30 日 使えます。泥棒が使い続ければさらに長く');
    expect(text).toContain('https://github.com/nextauthjs/next-auth/issues/662');
  });
});

describe('a preset built on jwt-refresh keeps its refresh tokens to itself', () => {
  /** The refresh cookie a login holds, presented by hand (as curl would) at another strategy's …/refresh. */
  const refreshCookieOf = (a: HttpAgent) => a.jar().find((c) => c.name === 'rl_refresh')!.value;
  const tradeAt = (lab: Awaited<ReturnType<typeof newLab>>, strategy: string, token: string) =>
    agent().request('POST', lab.api(`/${strategy}/refresh`), undefined, { cookie: `rl_refresh=${token}` });

  it('a clerk-like refresh token is refused at …/jwt-refresh/refresh and the other way round; each still works at home', async () => {
    const lab = await newLab();
    const clerk = await loginAs(lab, 'clerk-like', 'bob');
    const plain = await loginAs(lab, 'jwt-refresh', 'carol');

    const crossed = await tradeAt(lab, 'jwt-refresh', refreshCookieOf(clerk));
    expect(crossed.status).toBe(401);
    expect(crossed.body).toMatchObject({ reason: 'bad-claims' });
    expect(crossed.body.detail).toBe('This refresh token was issued by clerk-like, not jwt-refresh.');
    const back = await tradeAt(lab, 'clerk-like', refreshCookieOf(plain));
    expect(back.status).toBe(401);
    expect(back.body).toMatchObject({ reason: 'bad-claims' });

    // Refused and untouched: neither token was rotated or revoked by the crossing, so each still trades at its own endpoint.
    const home = await clerk.post(lab.api('/clerk-like/refresh'));
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    expect((await plain.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
  });
});
