import { createLab, type BenchServer } from './server';
import { median, quantile, round } from './stats';
import type { BenchResults } from '@/lib/bench/results';

type MatrixBody = { results: { verdict: string; trace: { kind: string }[] }[] };

/**
 * The whole matrix for one lab (POST /api/labs/{labId}/matrix: 42 cells, each in
 * its own throwaway lab, every verdict from real requests), one warm-up and
 * then `runs` timed runs, one after another.
 */
export async function runMatrixSection(server: BenchServer, runs: number): Promise<NonNullable<BenchResults['matrix']>> {
  const { labId } = await createLab(server.base);
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${server.base}/api/labs/${labId}/matrix`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as MatrixBody;
    if (res.status !== 200) throw new Error(`matrix answered ${res.status}: ${JSON.stringify(body)}`);
    const errors = body.results.filter((r) => r.verdict === 'error').length;
    if (errors > 0) throw new Error(`the matrix has ${errors} error cells: the bench would time a broken run`);
    return { wallMs: performance.now() - started, body };
  };

  const warm = await once();
  const cells = warm.body.results.length;
  const requestsPerMatrix = warm.body.results.reduce((n, r) => n + r.trace.filter((e) => e.kind === 'request').length, 0);
  const walls: number[] = [];
  const cpuBefore = server.cpuMs();
  for (let i = 0; i < runs; i++) walls.push((await once()).wallMs);
  const cpuAfter = server.cpuMs();
  return {
    runs,
    cells,
    requestsPerMatrix,
    medianMs: round(median(walls), 1),
    p95Ms: round(quantile(walls, 0.95), 1),
    minMs: round(Math.min(...walls), 1),
    maxMs: round(Math.max(...walls), 1),
    serverCpuMsPerMatrix: cpuBefore !== null && cpuAfter !== null ? round((cpuAfter - cpuBefore) / runs, 0) : null,
  };
}
