import { describe, expect, it } from 'vitest';
import { createMemoryStore, insertBareLab, sqlOf } from './testing';

const newStore = () => {
  const store = createMemoryStore();
  for (const id of ['a', 'b']) insertBareLab(store, id);
  return store;
};

describe('matrix runs: one running per lab, the last finished kept', () => {
  it('refuses a second claim in the same lab, naming the running one; another lab is not affected', () => {
    const { matrixRuns } = newStore();
    expect(matrixRuns.claim('a', 'r1', 1000, 0, '{}')).toEqual({ ok: true, runId: 'r1' });
    expect(matrixRuns.claim('a', 'r2', 1001, 0, '{}')).toEqual({ ok: false, running: { runId: 'r1', startedAtMs: 1000 } });
    expect(matrixRuns.claim('b', 'r3', 1001, 0, '{}')).toEqual({ ok: true, runId: 'r3' });
  });

  it('a claim older than the cutoff lapses (a run whose process died)', () => {
    const { matrixRuns } = newStore();
    matrixRuns.claim('a', 'r1', 1000, 0, '{}');
    expect(matrixRuns.claim('a', 'r2', 9000, 5000, '{}')).toEqual({ ok: true, runId: 'r2' });
    expect(matrixRuns.finish('a', 'r1', 9001, '{"late":true}', '{}')).toBe(false); // the lapsed run's result is not kept
  });

  it('keeps only the last finished run; an abandoned run leaves it in place and frees the slot', () => {
    const store = newStore();
    const { matrixRuns } = store;
    expect(matrixRuns.lastFinished('a')).toBeUndefined();
    expect(matrixRuns.lastFinishedAt('a')).toBeNull();
    matrixRuns.claim('a', 'r1', 1000, 0, '{"jwtTtlSeconds":900}');
    expect(matrixRuns.lastFinished('a')).toBeUndefined(); // a running one is not a result
    expect(matrixRuns.finish('a', 'r1', 2000, '{"n":1}', '{"jwtTtlSeconds":900}')).toBe(true);
    matrixRuns.claim('a', 'r2', 3000, 0, '{}');
    matrixRuns.abandon('r2');
    expect(matrixRuns.lastFinished('a')).toMatchObject({ run_id: 'r1', report_json: '{"n":1}', finished_at_ms: 2000 });
    matrixRuns.claim('a', 'r3', 4000, 0, '{}');
    matrixRuns.finish('a', 'r3', 5000, '{"n":3}', '{"jwtTtlSeconds":60}');
    expect(matrixRuns.lastFinished('a')).toMatchObject({ run_id: 'r3', report_json: '{"n":3}', settings_json: '{"jwtTtlSeconds":60}' });
    expect(sqlOf(store).get("SELECT count(*) AS n FROM matrix_runs WHERE lab_id = 'a'")).toEqual({ n: 1 });
    expect(matrixRuns.lastFinishedAt('a')).toBe(5000);
  });

  it('goes with its lab', () => {
    const store = newStore();
    const { matrixRuns } = store;
    matrixRuns.claim('a', 'r1', 1000, 0, '{}');
    matrixRuns.finish('a', 'r1', 2000, '{}', '{}');
    store.labs.deleteById('a');
    expect(sqlOf(store).get('SELECT count(*) AS n FROM matrix_runs')).toEqual({ n: 0 });
  });
});
