import http from 'node:http';
import zlib from 'node:zlib';
import { createLab, type BenchServer } from './server';
import { quantile, round } from './stats';
import type { BenchResults } from '@/lib/bench/results';

/**
 * A workshop: N people (default 100) each press "Run the matrix" in their own
 * lab at the same moment. Every matrix answers with the trace of the real HTTP
 * requests its cells made, each timed by the runner that made it (`ms`), so the
 * per-request latency here is the server's own requests' round trips under the
 * load, not a second client's guess. One lone lab's matrix first gives the
 * reference verdicts: under load, nobody's verdicts may change.
 */

type Cell = {
  scenario: string;
  strategy: string;
  verdict: string;
  note: string | null;
  windowSeconds: number | null;
  collateral: { loggedOut: string[]; bystanders: string[] };
  trace: ({ kind: 'request'; ms: number } | { kind: 'copy' })[];
};
type Matrix = { results: Cell[] };
type Answer = { status: number; matrix: Matrix | null; wallMs: number; detail: string };

/**
 * One socket per participant, as N browsers would have: no pool limit (node's
 * default maxSockets is Infinity) and no client timeout at all, so a matrix
 * that waits its turn for a minute is timed, not cut off (undici's fetch would
 * give up on headers after 300 s).
 */
const participants = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function getMatrix(base: string, labId: string): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Asks for gzip as a browser does: compressing each answer is part of the server's work. A state
    // change, so it is JSON (the site refuses any other content type on a POST).
    const body = '{}';
    const headers = { 'accept-encoding': 'gzip', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(`${base}/api/labs/${labId}/matrix`, { method: 'POST', agent: participants, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => resolve({ status: 0, matrix: null, wallMs: performance.now() - started, detail: String(err) }));
      res.on('end', () => {
        const wallMs = performance.now() - started;
        const raw = Buffer.concat(chunks);
        let text: string;
        try {
          text = (res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8');
        } catch (err) {
          resolve({ status: res.statusCode ?? 0, matrix: null, wallMs, detail: `undecodable body: ${String(err)}` });
          return;
        }
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          resolve({ status, matrix: null, wallMs, detail: text.slice(0, 200) });
          return;
        }
        try {
          resolve({ status, matrix: JSON.parse(text) as Matrix, wallMs, detail: '' });
        } catch {
          resolve({ status, matrix: null, wallMs, detail: 'a 200 that is not JSON' });
        }
      });
    });
    req.on('error', (err) => resolve({ status: 0, matrix: null, wallMs: performance.now() - started, detail: String(err) }));
    req.end(body);
  });
}

/** What must not change under load: per cell, the verdict, its window and who else was logged out. */
function verdicts(matrix: Matrix): string {
  const cells = matrix.results.map((r) =>
    JSON.stringify([r.scenario, r.strategy, r.verdict, r.windowSeconds, [...r.collateral.loggedOut].sort(), [...r.collateral.bystanders].sort()]),
  );
  return cells.sort().join('\n');
}

/** Lab creation hashes three demo passwords with stretched scrypt: set-up, done a few at a time and not timed. */
async function createLabs(base: string, count: number, atOnce = 4): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(atOnce, count) }, async () => {
      while (next < count) {
        next++;
        ids.push((await createLab(base)).labId);
      }
    }),
  );
  return ids;
}

export async function runWorkshopSection(server: BenchServer, { labs }: { labs: number }): Promise<NonNullable<BenchResults['workshop']>> {
  const [loneLab] = await createLabs(server.base, 1);
  const lone = await getMatrix(server.base, loneLab!);
  if (lone.status !== 200 || !lone.matrix) throw new Error(`the lone lab's matrix answered ${lone.status}: ${lone.detail}`);
  const loneErrors = lone.matrix.results.filter((r) => r.verdict === 'error').length;
  if (loneErrors > 0) throw new Error(`the lone lab's matrix has ${loneErrors} error cells: no reference to compare with`);
  const reference = verdicts(lone.matrix);

  const labIds = await createLabs(server.base, labs);

  const started = performance.now();
  const answers = await Promise.all(labIds.map((id) => getMatrix(server.base, id)));
  const wallMs = performance.now() - started;

  let errors = 0;
  let verdictsIdentical = true;
  const requestMs: number[] = [];
  for (const a of answers) {
    if (a.status !== 200 || !a.matrix) {
      errors++;
      verdictsIdentical = false;
      continue;
    }
    errors += a.matrix.results.filter((r) => r.verdict === 'error').length;
    if (verdicts(a.matrix) !== reference) verdictsIdentical = false;
    for (const cell of a.matrix.results) for (const e of cell.trace) if (e.kind === 'request') requestMs.push(e.ms);
  }
  const failed = answers.filter((a) => a.status !== 200);
  if (failed.length > 0) console.warn(`  ${failed.length} matrices did not answer 200, e.g. ${failed[0]!.status} ${failed[0]!.detail}`);
  const errorCells = answers.flatMap((a) => a.matrix?.results.filter((r) => r.verdict === 'error') ?? []);
  for (const r of errorCells.slice(0, 5)) console.warn(`  error cell ${r.scenario} × ${r.strategy}: ${r.note ?? 'no note'}`);
  if (requestMs.length === 0) throw new Error('no matrix answered with a trace: nothing to report');
  if (requestMs.some((ms) => typeof ms !== 'number' || !Number.isFinite(ms))) throw new Error('a trace request carries no measured ms');

  const matrixMs = answers.map((a) => a.wallMs);
  return {
    labs,
    errors,
    requests: requestMs.length,
    requestP50Ms: round(quantile(requestMs, 0.5), 1),
    requestP99Ms: round(quantile(requestMs, 0.99), 1),
    matrixP50Ms: round(quantile(matrixMs, 0.5), 0),
    matrixMaxMs: round(Math.max(...matrixMs), 0),
    wallMs: round(wallMs, 0),
    peakRssMiB: (() => {
      const peak = server.peakRssMiB();
      return peak === null ? null : round(peak, 1);
    })(),
    verdictsIdentical,
  };
}
