import { describe, expect, inject, it } from 'vitest';
import { readDatabaseFile } from '@/lib/db/testing';
import { agent, baseUrl, newLab, type TestLab } from './helpers';

/**
 * A lab keeps its last matrix run (issue 10.5, 13.2): POST starts one (a
 * CSRF-checked state change), GET reads the stored one and never starts work,
 * one run per lab at a time, and a run whose client went away is cancelled.
 */

type Matrix = { generatedAt: string; settings: Record<string, unknown>; results: { scenario: string; strategy: string; verdict: string; windowSeconds: number | null }[] };

const windowOf = (m: Matrix, scenario: string, strategy: string) => m.results.find((r) => r.scenario === scenario && r.strategy === strategy)?.windowSeconds;

function throwawayLabsOf(lab: TestLab): number {
  return readDatabaseFile(inject('dbPath'), (sql) => sql.get<{ n: number }>('SELECT count(*) AS n FROM labs WHERE parent_lab_id = ?', lab.labId)!.n);
}

describe('POST then GET /api/labs/{labId}/matrix', () => {
  it('404 no-matrix-run before any run; GET returns the stored run (same JSON, its date and settings) until the next POST', { timeout: 180_000 }, async () => {
    const lab = await newLab();
    const none = await agent().get(lab.api('/matrix'));
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ error: 'not-found', reason: 'no-matrix-run' });
    expect((await agent().get(lab.api('/matrix?format=md'))).status).toBe(404);

    const ran = await agent().post(lab.api('/matrix'));
    expect(ran.status).toBe(200);
    const first = ran.body as unknown as Matrix;
    expect(first.results).toHaveLength(49);
    expect(windowOf(first, 'logout', 'jwt')).toBe(900);

    const read = await agent().get(lab.api('/matrix'));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(ran.body);

    // A settings change does not touch the stored run: a read never starts work.
    expect((await agent().patch(lab.api('/settings'), { jwtTtlSeconds: 120 })).status).toBe(200);
    const stillOld = await agent().get(lab.api('/matrix'));
    expect((stillOld.body as unknown as Matrix).generatedAt).toBe(first.generatedAt);
    expect((stillOld.body as unknown as Matrix).settings).toMatchObject({ jwtTtlSeconds: 900 });
    const md = await agent().get(lab.api('/matrix?format=md'));
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.body.text as string).toContain('| `jwtTtlSeconds` | 900 |');

    // The next POST runs under the new settings and replaces the stored run. It is accepted (200, not
    // 409 matrix-running): had the GETs above started a run, this lab's one run at a time would refuse it.
    const againRes = await agent().post(lab.api('/matrix'));
    expect(againRes.status, JSON.stringify(againRes.body).slice(0, 200)).toBe(200);
    const again = againRes.body as unknown as Matrix;
    expect(again.settings).toMatchObject({ jwtTtlSeconds: 120 });
    expect(windowOf(again, 'logout', 'jwt')).toBe(120);
    const reread = (await agent().get(lab.api('/matrix'))).body as unknown as Matrix;
    expect(reread.generatedAt).toBe(again.generatedAt);
    expect(windowOf(reread, 'logout', 'jwt')).toBe(120);
  });

  it('one run per lab: a second POST while one runs → 409 naming the running one; another lab runs meanwhile', { timeout: 180_000 }, async () => {
    const [lab, other] = [await newLab(), await newLab()];
    const first = agent().post(lab.api('/matrix'));
    await new Promise((r) => setTimeout(r, 150)); // the first has claimed its lab by now
    const second = await agent().post(lab.api('/matrix'));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'conflict', reason: 'matrix-running' });
    expect(second.body.detail).toMatch(/^Matrix run [A-Za-z0-9_-]+ of this lab, started \d{4}-\d\d-\d\dT/);
    const elsewhere = agent().post(other.api('/matrix'));
    expect((await first).status).toBe(200);
    expect((await elsewhere).status).toBe(200);
    // Once it has finished the lab may run again.
    expect((await agent().post(lab.api('/matrix'))).status).toBe(200);
  });

  it('a cross-site POST is refused 403 and starts nothing', async () => {
    const lab = await newLab();
    const hostile: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of hostile) {
      const res = await agent().request('POST', lab.api('/matrix'), undefined, headers);
      expect(res.status).toBe(403);
      expect(res.body.reason).toMatch(/^cross-(site|origin)-request$/);
    }
    expect(throwawayLabsOf(lab)).toBe(0);
    expect((await agent().get(lab.api('/matrix'))).status).toBe(404);
  });

  it('a run whose client went away is cancelled within a second: its throwaway labs are deleted and the lab may start again', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const abort = new AbortController();
    const pending = fetch(baseUrl() + lab.api('/matrix'), { method: 'POST', headers: { 'content-type': 'application/json' }, signal: abort.signal }).catch((err: unknown) => err);
    // Wait until cells are running (throwaway labs exist), then hang up.
    const deadline = Date.now() + 10_000;
    while (throwawayLabsOf(lab) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(throwawayLabsOf(lab)).toBeGreaterThan(0);
    abort.abort();
    await pending;
    const abortedAt = Date.now();
    while (throwawayLabsOf(lab) > 0 && Date.now() - abortedAt < 3000) await new Promise((r) => setTimeout(r, 50));
    const cancelMs = Date.now() - abortedAt;
    console.info(`matrix cancel: throwaway labs gone ${cancelMs} ms after the client hung up`);
    expect(throwawayLabsOf(lab)).toBe(0);
    expect(cancelMs).toBeLessThan(1000);
    // Its claim was released, and no half result was stored.
    expect((await agent().get(lab.api('/matrix'))).status).toBe(404);
    const next = await agent().post(lab.api('/matrix'));
    expect(next.status).toBe(200);
  });
});
