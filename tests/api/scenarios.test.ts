import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDatabaseFile } from '@/lib/db/testing';
import { HttpAgent } from '@/lib/http-agent';
import { startServer, type RunningServer } from '../support/server';
import { agent, loginAs, newLab, type TestLab } from './helpers';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { reviewerReportSchema } from '@/lib/scenarios/report-schema';

/**
 * The scenario runner, through its HTTP API only. Expectations are the brief's
 * "What a correct implementation observes" under default settings, written for
 * all six strategies; each test checks the strategies the server's registry
 * holds (GET /api/labs/{id}), so a strategy that lands later is covered then.
 */

type Expected =
  | { verdict: 'blocked'; collateral?: 'all' | 'none' }
  | { verdict: 'works-until-expiry'; windowSeconds: number | null; collateral?: 'all' | 'none' }
  | { verdict: 'not-applicable' };

const DEFAULTS = { jwtTtlSeconds: 900, accessTtlSeconds: 300, refreshTtlSeconds: 24 * 3600, sessionAbsoluteSeconds: 8 * 3600, sessionCacheSeconds: 300 };
const works = (windowSeconds: number | null): Expected => ({ verdict: 'works-until-expiry', windowSeconds });
const blocked: Expected = { verdict: 'blocked', collateral: 'none' };
const na: Expected = { verdict: 'not-applicable' };
const J = DEFAULTS.jwtTtlSeconds;
const A = DEFAULTS.accessTtlSeconds;
const R = DEFAULTS.refreshTtlSeconds;
const C = DEFAULTS.sessionCacheSeconds;

const expected: Record<string, Record<string, Expected>> = {
  // Nothing on the server to revoke: every copy lives until exp; key rotation cuts everyone off.
  jwt: {
    logout: works(J), 'stolen-token': works(J), 'password-change': works(J), 'role-change': works(J), ban: works(J),
    'key-rotation': { verdict: 'blocked', collateral: 'all' }, expiry: works(J),
  },
  // Every revocation blocks on the next request, nobody else is touched. Expiry: the attacker's replays keep
  // the idle timer fresh, so only the absolute timeout ends it.
  session: {
    logout: blocked, 'stolen-token': blocked, 'password-change': blocked, 'role-change': blocked, ban: blocked,
    'key-rotation': na, expiry: works(DEFAULTS.sessionAbsoluteSeconds),
  },
  // Denylists the token presented: logout and a password change on the stolen device; the phone's
  // "sign out everywhere" cannot name the laptop's token; roles and bans are not its business.
  'jwt-denylist': {
    logout: blocked, 'stolen-token': works(J), 'password-change': blocked, 'role-change': works(J), ban: works(J),
    'key-rotation': { verdict: 'blocked', collateral: 'all' }, expiry: works(J),
  },
  // A version bump blocks everything user-level; a plain logout only clears the cookie.
  'jwt-version': {
    logout: works(J), 'stolen-token': blocked, 'password-change': blocked, 'role-change': blocked, ban: blocked,
    'key-rotation': { verdict: 'blocked', collateral: 'all' }, expiry: works(J),
  },
  // Revocations reach the refresh token only: the window is the access lifetime. Key rotation kills the access
  // token but not the stolen refresh token (it is not a JWT), and with nobody revoking anything the attacker
  // refreshes on: in both the copy lives until its refresh family expires, refreshTtlSeconds after login.
  'jwt-refresh': {
    logout: works(A), 'stolen-token': works(A), 'password-change': works(A), 'role-change': works(A), ban: works(A),
    'key-rotation': { verdict: 'works-until-expiry', windowSeconds: R, collateral: 'none' }, expiry: works(R),
  },
  // Sealed, still stateless: like jwt, and the lab's JWT key is not its key.
  'iron-stateless': {
    logout: works(J), 'stolen-token': works(J), 'password-change': works(J), 'role-change': works(J), ban: works(J),
    'key-rotation': na, expiry: works(J),
  },
  // Every revocation deletes the rows, but a fresh cache cookie is believed without reading them: the copy works
  // until the cache issued at login expires (sessionCacheSeconds). Expiry: each renewal reads the row and slides
  // the idle timeout, so only the absolute timeout ends it, as for `session`.
  'session-cached': {
    logout: works(C), 'stolen-token': works(C), 'password-change': works(C), 'role-change': works(C), ban: works(C),
    'key-rotation': na, expiry: works(DEFAULTS.sessionAbsoluteSeconds),
  },
};

type Matrix = { settings: Record<string, unknown>; versions: Record<string, string | null>; scenarios: string[]; strategies: string[]; results: ScenarioResult[]; generatedAt: string };

async function registry(lab: TestLab): Promise<{ strategies: string[]; scenarios: string[] }> {
  const res = await agent().get(lab.api(''));
  expect(res.status).toBe(200);
  return { strategies: res.body.strategies as string[], scenarios: res.body.scenarios as string[] };
}

async function runOne(lab: TestLab, scenario: string, strategy: string): Promise<ScenarioResult> {
  const res = await agent().post(lab.api(`/scenarios/${scenario}/run?strategy=${strategy}`));
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  const results = (res.body as unknown as Matrix).results;
  expect(results).toHaveLength(1);
  return results[0]!;
}

function checkCell(r: ScenarioResult, want: Expected) {
  const where = `${r.strategy} × ${r.scenario}: ${JSON.stringify({ verdict: r.verdict, windowSeconds: r.windowSeconds, note: r.note, collateral: r.collateral, refusedWith: r.refusedWith })}`;
  expect(r.verdict, where).toBe(want.verdict);
  if (want.verdict === 'works-until-expiry') {
    expect(r.windowSeconds, where).toBe(want.windowSeconds);
    if (want.windowSeconds !== null) expect(r.window?.exact, where).toBe(true);
    else expect(r.window?.stoppedBy, where).toBe('horizon');
  }
  if (want.verdict !== 'not-applicable' && want.collateral === 'all') {
    expect(r.collateral.loggedOut.length, where).toBeGreaterThan(0);
    expect(r.collateral.loggedOut, where).toEqual(r.collateral.bystanders);
  }
  if (want.verdict !== 'not-applicable' && want.collateral === 'none') expect(r.collateral.loggedOut, where).toEqual([]);
  if (want.verdict === 'not-applicable') {
    expect(r.trace, where).toEqual([]);
    expect(r.note, where).toBeTruthy();
  } else {
    // Measured, not asserted: the verdict rests on requests the trace shows.
    const attacker = r.trace.filter((e) => e.kind === 'request' && e.actor === 'attacker');
    expect(attacker.length, where).toBeGreaterThanOrEqual(2);
    expect(r.trace.some((e) => e.kind === 'copy'), where).toBe(true);
    expect(r.cookieBytes!, where).toBeGreaterThan(0);
    expect(r.lookups.perRequest, where).not.toBeNull();
    // Every request carries the round-trip the runner timed (the bench's per-request latency): a real figure, inside the cell's own time.
    for (const e of r.trace) {
      if (e.kind !== 'request') continue;
      expect(Number.isFinite(e.ms) && e.ms >= 0, `${where} seq ${e.seq}: ms ${e.ms}`).toBe(true);
      expect(e.ms, `${where} seq ${e.seq}`).toBeLessThanOrEqual(r.durationMs + 1);
      expect(Math.round(e.ms * 10) / 10, `${where} seq ${e.seq}`).toBe(e.ms);
    }
    expect(r.trace.some((e) => e.kind === 'request' && e.ms > 0), where).toBe(true);
  }
}

const SCENARIOS = ['logout', 'stolen-token', 'password-change', 'role-change', 'ban', 'key-rotation', 'expiry'] as const;
/** Every cell the brief's table above names: one test each, so every cell that goes wrong is reported, not only the first. */
const CELLS = Object.keys(expected).flatMap((strategy) => SCENARIOS.map((scenario) => [strategy, scenario] as const));

/** Runs `make` once, on first use, and hands every caller the same promise: one run shared by many tests. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= make());
}

/**
 * One lab's matrix run under default settings (49 cells of real requests): every cell's test reads it,
 * and so do the reports of the stored run (GET …/matrix) and the check that a run leaves the person's
 * lab as it was (bob is signed in with jwt before it starts; the lab is read before and after).
 */
const defaultRun = once(async () => {
  const lab = await newLab();
  const before = await agent().get(lab.api(''));
  const bobJwt = await loginAs(lab, 'jwt', 'bob');
  const res = await agent().post(lab.api('/matrix'));
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return { lab, matrix: res.body as unknown as Matrix, before, bobJwt };
});

describe('POST /api/labs/{labId}/matrix under default settings', () => {

  it('runs every scenario against every strategy of the registry — each one with its expectations written below — under the settings it reports', { timeout: 120_000 }, async () => {
    const { lab, matrix } = await defaultRun();
    const { strategies, scenarios } = await registry(lab);
    expect(scenarios).toEqual([...SCENARIOS]);
    // A strategy added to the registry without a row in `expected` (or a row whose strategy is gone) fails here.
    expect([...strategies].sort(), 'strategies in the registry vs. expectations written in this file').toEqual(Object.keys(expected).sort());
    expect(matrix.strategies).toEqual(strategies);
    expect(matrix.scenarios).toEqual(scenarios);
    expect(matrix.results).toHaveLength(strategies.length * scenarios.length);
    expect(matrix.settings).toMatchObject({ jwtTtlSeconds: 900, accessTtlSeconds: 300 });
    for (const name of ['next', 'jose', 'iron-session', 'better-sqlite3']) expect(matrix.versions[name]).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(matrix.generatedAt)).not.toBeNaN();
    expect(JSON.stringify(matrix)).not.toContain(lab.labId); // the lab id is a capability: not in a pasteable report
  });

  it.each(CELLS)('observes what the brief says a correct implementation observes: %s × %s', { timeout: 120_000 }, async (strategy, scenario) => {
    const { matrix } = await defaultRun();
    const cells = matrix.results.filter((x) => x.scenario === scenario && x.strategy === strategy);
    expect(cells, `${strategy} × ${scenario} in the matrix`).toHaveLength(1);
    checkCell(cells[0]!, expected[strategy]![scenario]!);
  });

  it('reports lookups, not invents them: jwt and jwt-refresh access requests cost 0, a session and a refresh at least 1', { timeout: 120_000 }, async () => {
    const { matrix } = await defaultRun();
    const lookups = (strategy: string) => matrix.results.find((r) => r.strategy === strategy && r.scenario === 'logout')!.lookups;
    expect(lookups('jwt').perRequest).toBe(0);
    expect(lookups('session').perRequest).toBeGreaterThanOrEqual(1);
    expect(lookups('jwt-refresh').perRequest).toBe(0);
    expect(lookups('jwt-refresh').perRefresh).toBeGreaterThanOrEqual(1);
  });

  it('leaves the person\'s lab as it was and deletes its throwaway labs', { timeout: 120_000 }, async () => {
    const { lab, before, bobJwt } = await defaultRun();
    const after = await agent().get(lab.api(''));
    expect(after.body.users).toEqual(before.body.users); // roles, bans and demo passwords untouched
    expect(after.body.clockOffsetSeconds).toBe(before.body.clockOffsetSeconds);
    expect(after.body.jwt).toEqual(before.body.jwt); // no key rotated here
    expect((await bobJwt.get(lab.api('/jwt/me'))).status).toBe(200);
    const children = readDatabaseFile(inject('dbPath'), (sql) =>
      sql.get<{ n: number }>('SELECT count(*) AS n FROM labs WHERE parent_lab_id = ?', lab.labId),
    );
    expect(children).toEqual({ n: 0 });
  });
});

describe('a trace a person can follow', () => {
  it('key rotation under jwt: the attacker is refused with bad-signature and every other user is logged out', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const r = await runOne(lab, 'key-rotation', 'jwt');
    expect(r.verdict).toBe('blocked');
    expect(r.refusedWith).toEqual({ status: 401, reason: 'bad-signature' });
    expect(r.collateral.bystanders).toHaveLength(2);
    expect(r.collateral.loggedOut).toEqual(r.collateral.bystanders);
    const requests = r.trace.filter((e) => e.kind === 'request');
    const rotate = requests.find((e) => e.path.endsWith('/keys/rotate'))!;
    expect(rotate).toMatchObject({ actor: 'operator', method: 'POST', status: 200, phase: 'revoke' });
    const replay = requests.find((e) => e.phase === 'replay' && e.actor === 'attacker')!;
    expect(replay).toMatchObject({ method: 'GET', status: 401, reason: 'bad-signature', at: r.revokedAt });
  });

  it('a jwt copy after logout: refused at exp and not a second before, on the lab clock', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const r = await runOne(lab, 'logout', 'jwt');
    const probes = r.trace.filter((e) => e.kind === 'request' && e.phase === 'time-travel' && e.actor === 'attacker');
    expect(probes.map((p) => (p.kind === 'request' ? [p.at - r.revokedAt!, p.status] : null))).toEqual([
      [899, 200],
      [900, 401],
    ]);
    expect(r.refusedWith).toEqual({ status: 401, reason: 'expired' });
  });

  it('jwt-refresh: after a ban the stolen refresh cookie is refused too, so the window ends with the access token', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const r = await runOne(lab, 'ban', 'jwt-refresh');
    expect(r.windowSeconds).toBe(300);
    expect(r.refusedWith).toMatchObject({ status: 401, reason: 'expired', refreshReason: expect.any(String) });
    const refreshes = r.trace.filter((e) => e.kind === 'request' && e.actor === 'attacker' && e.path.endsWith('/refresh'));
    expect(refreshes.length).toBeGreaterThan(0);
    expect(refreshes.every((e) => e.kind === 'request' && e.status === 401)).toBe(true);
  });
});

describe('settings drive the windows', () => {
  /**
   * One lab with `settings`, every cell run at once (the server's line spreads them); each cell is
   * then its own test. A handler is attached to each run at once, so a run that fails before its
   * test awaits it is reported by that test, not as an unhandled rejection.
   */
  function cellsUnder(settings: Record<string, number>, cells: readonly (readonly [string, string])[]) {
    return once(async () => {
      const lab = await newLab();
      expect((await agent().patch(lab.api('/settings'), settings)).status).toBe(200);
      const runs = new Map(cells.map(([strategy, scenario]) => [`${strategy} × ${scenario}`, runOne(lab, scenario, strategy)]));
      for (const run of runs.values()) run.catch(() => undefined);
      return runs;
    });
  }

  const STATELESS = ['jwt', 'iron-stateless', 'jwt-denylist', 'jwt-version'] as const;
  const shortJwtCells = STATELESS.flatMap((strategy) => (['logout', 'ban', 'expiry'] as const).map((scenario) => [strategy, scenario] as const));
  const shortJwt = cellsUnder({ jwtTtlSeconds: 60 }, shortJwtCells);
  it.each(shortJwtCells)('jwtTtlSeconds: 60 makes every stateless window 60 s: %s × %s', { timeout: 120_000 }, async (strategy, scenario) => {
    const r = await (await shortJwt()).get(`${strategy} × ${scenario}`)!;
    const want = expected[strategy]![scenario]!;
    checkCell(r, want.verdict === 'works-until-expiry' ? works(60) : want);
  });

  const refreshCells = (['password-change', 'logout', 'stolen-token', 'role-change', 'ban'] as const).map((scenario) => ['jwt-refresh', scenario] as const);
  const shortAccess = cellsUnder({ accessTtlSeconds: 120 }, refreshCells);
  it.each(refreshCells)('accessTtlSeconds: 120 makes every jwt-refresh revocation window 120 s: %s × %s', { timeout: 120_000 }, async (strategy, scenario) => {
    checkCell(await (await shortAccess()).get(`${strategy} × ${scenario}`)!, works(120));
  });

  it('sessionAbsoluteSeconds bounds how long a session copy kept alive by use works', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    expect((await agent().patch(lab.api('/settings'), { sessionAbsoluteSeconds: 3600, sessionIdleSeconds: 600 })).status).toBe(200);
    checkCell(await runOne(lab, 'expiry', 'session'), works(3600));
  });
});

describe('POST /api/labs/{labId}/scenarios/{scenario}/run', () => {
  it('runs one scenario against every strategy in the registry', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const { strategies } = await registry(lab);
    const res = await agent().post(lab.api('/scenarios/logout/run'));
    expect(res.status).toBe(200);
    const matrix = res.body as unknown as Matrix;
    expect(matrix.scenarios).toEqual(['logout']);
    expect(matrix.results.map((r) => r.strategy)).toEqual(strategies);
    for (const r of matrix.results) checkCell(r, expected[r.strategy]!.logout!);
  });
});

describe('bad input gets a 4xx with { error, reason }, never a 500', () => {
  it('unknown lab, scenario, strategy and format', async () => {
    const lab = await newLab();
    const cases: [Promise<{ status: number; body: Record<string, unknown> }>, number, string][] = [
      [agent().get('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/matrix'), 404, 'unknown-lab'],
      [agent().post('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/matrix'), 404, 'unknown-lab'],
      [agent().get(lab.api('/matrix')), 404, 'no-matrix-run'],
      [agent().post('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/scenarios/logout/run'), 404, 'unknown-lab'],
      [agent().get('/api/labs/not-a-lab/matrix?format=md'), 404, 'unknown-lab'],
      [agent().post(lab.api('/scenarios/nope/run')), 404, 'unknown-scenario'],
      [agent().post(lab.api('/scenarios/logout/run?strategy=nope')), 404, 'unknown-strategy'],
      [agent().get(lab.api('/matrix?format=xml')), 400, 'unknown-format'],
      [agent().post(lab.api('/matrix?format=xml')), 400, 'unknown-format'],
      [agent().get(lab.api('/matrix?format=md&lang=fr')), 400, 'unknown-lang'],
    ];
    for (const [pending, status, reason] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ error: expect.any(String), reason });
    }
    const wrongMethod = await agent().get(lab.api('/scenarios/logout/run'));
    expect(wrongMethod.status).toBe(405);
    expect(typeof wrongMethod.body.reason).toBe('string');
  });
});

describe('GET /api/labs/{labId}/matrix?format=md (the stored run)', () => {
  it('is a Markdown report with the matrix, the configuration and a finding per red cell', { timeout: 120_000 }, async () => {
    const { lab } = await defaultRun();
    const { strategies } = await registry(lab);
    const res = await agent().get(lab.api('/matrix?format=md')); // the stored run, rendered
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const md = res.body.text as string;
    expect(md).toContain(`| scenario | ${strategies.map((s) => `\`${s}\``).join(' | ')} |`);
    expect(md).toMatch(/\| `logout` \| 🔴 works 15 min \(jwtTtlSeconds\) \| 🟢 blocked \|/);
    expect(md).toContain('| `jwtTtlSeconds` | 900 |');
    expect(md).toMatch(/\| jose \| 6\.\d+\.\d+ \|/);
    expect(md).toContain('jwt: the stolen copy still works after logout (`jwt` × `logout`)');
    expect(md).not.toContain('(`session` × `logout`)'); // green cells get no finding
    expect(md).not.toContain(lab.labId);
  });

  it('follows ?lang=ja, and the JSON is the versioned reviewer\'s report in that language', { timeout: 120_000 }, async () => {
    // GET reads the stored run (run in English — the stored run has no language of its own).
    const { lab } = await defaultRun();
    const md = (await agent().get(lab.api('/matrix?format=md&lang=ja'))).body.text as string;
    expect(md).toContain('## 指摘事項');
    expect(md).toContain('🔴 15 分 有効（jwtTtlSeconds）');
    expect(md).not.toContain('## Findings');
    const json = (await agent().get(lab.api('/matrix?lang=ja'))).body as { schemaVersion: number; locale: string; findings: unknown[]; results: unknown[] };
    expect(reviewerReportSchema.parse(json).schemaVersion).toBe(1);
    expect(json.locale).toBe('ja');
    expect(json.findings.length).toBeGreaterThan(0);
  });
});

describe('the line of scenario cells every lab shares', () => {
  // Its own server, one cell at a time with room for 60 waiting: one matrix (49 cells) fits, two do not.
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({ env: { SCENARIO_CELL_CONCURRENCY: '1', SCENARIO_CELL_QUEUE_LIMIT: '60' } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('a matrix that does not fit whole is answered 503 server-busy with Retry-After at once; what fits runs complete', { timeout: 120_000 }, async () => {
    const client = () => new HttpAgent(server!.baseUrl);
    const labIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await client().post('/api/labs');
      expect(created.status).toBe(201);
      labIds.push(created.body.labId as string);
    }
    const timed = async (pending: Promise<Awaited<ReturnType<HttpAgent['get']>>>) => {
      const started = performance.now();
      const res = await pending;
      return { res, ms: performance.now() - started };
    };
    // Whatever order they arrive in, the six cells of one scenario and one matrix fit; the other matrix does not.
    const [first, second, single] = await Promise.all([
      timed(client().post(`/api/labs/${labIds[0]}/matrix`)),
      timed(client().post(`/api/labs/${labIds[1]}/matrix`)),
      timed(client().post(`/api/labs/${labIds[0]}/scenarios/logout/run`)),
    ]);
    expect([first.res.status, second.res.status].sort()).toEqual([200, 503]);
    expect(single.res.status).toBe(200);
    const [ok, busy] = first.res.status === 200 ? [first, second] : [second, first];
    expect(busy.res.body).toMatchObject({ error: 'unavailable', reason: 'server-busy' });
    expect(Number(busy.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(busy.ms).toBeLessThan(ok.ms); // refused at once, not after waiting its turn
    const results = (ok.res.body as unknown as Matrix).results;
    expect(results).toHaveLength(49);
    expect(results.filter((r) => r.verdict === 'error')).toEqual([]);
    // The line drained: the refused lab's matrix runs now.
    const retried = await client().post(`/api/labs/${busy === first ? labIds[0] : labIds[1]}/matrix`);
    expect(retried.status).toBe(200);
    expect((retried.body as unknown as Matrix).results.filter((r) => r.verdict === 'error')).toEqual([]);
  });
});
