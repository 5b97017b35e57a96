import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';
import type { ScenarioResult, TraceRequest } from '@/lib/scenarios/types';

/** Issue 11.5: the lookups a request reports are the store statements its strategy ran, reads and writes apart. */
describe('lookups measured by the store, through HTTP', () => {
  it('/me reports storeStatements: none for jwt, one read for the denylist and version checks, a read for session', async () => {
    const lab = await newLab();
    const expectations: Record<string, { reads: number; writes: number }> = {
      jwt: { reads: 0, writes: 0 },
      'iron-stateless': { reads: 0, writes: 0 },
      'jwt-refresh': { reads: 0, writes: 0 },
      'jwt-denylist': { reads: 1, writes: 0 },
      'jwt-version': { reads: 1, writes: 0 },
    };
    for (const [strategy, expected] of Object.entries(expectations)) {
      const a = await loginAs(lab, strategy, 'bob');
      const me = await a.get(lab.api(`/${strategy}/me`));
      expect(me.status, strategy).toBe(200);
      expect(me.body.storeStatements, strategy).toEqual(expected);
      expect(me.body.lookups, strategy).toBe(expected.reads);
    }
  });

  it('session: a read on every request, plus the last_seen write once the lab clock has moved', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'session', 'bob');
    expect((await agent().post(lab.api('/clock'), { advanceSeconds: 60 })).status).toBe(200);
    const moved = await a.get(lab.api('/session/me'));
    expect(moved.body).toMatchObject({ lookups: 1, storeStatements: { reads: 1, writes: 1 } });
    const again = await a.get(lab.api('/session/me'));
    // Within the same lab-clock second the write is skipped, unless the real second has ticked meanwhile.
    expect(again.body).toMatchObject({ lookups: 1, storeStatements: { reads: 1 } });
  });

  it('a refresh reports its read and its writes', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'jwt-refresh', 'bob');
    const r = await a.post(lab.api('/jwt-refresh/refresh'));
    expect(r.status).toBe(200);
    const s = r.body.storeStatements as { reads: number; writes: number };
    expect(r.body.lookups).toBe(s.reads);
    expect(s.reads).toBeGreaterThanOrEqual(1);
    expect(s.writes).toBeGreaterThanOrEqual(2); // at least the rotation and the successor's row
  });

  it('scenario traces and results carry the measured statements', async () => {
    const lab = await newLab();
    const res = await agent().post(lab.api('/scenarios/logout/run?strategy=session'));
    expect(res.status).toBe(200);
    const [result] = (res.body as unknown as { results: ScenarioResult[] }).results;
    expect(result!.lookups.perRequest).toBe(1);
    expect(result!.lookups.statementsPerRequest).toMatchObject({ reads: 1 });
    const me = result!.trace.filter((e): e is TraceRequest => e.kind === 'request' && e.status === 200 && e.path.endsWith('/session/me'));
    expect(me.length).toBeGreaterThan(0);
    for (const e of me) {
      expect(e.storeStatements?.reads).toBe(1);
      expect(e.lookups).toBe(e.storeStatements?.reads);
    }
  });
});
