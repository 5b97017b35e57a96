import type { BenchResults } from '@/lib/bench/results';

/** The readable table `npm run bench` prints; the JSON file has the same figures. */

const pad = (v: string | number, n: number) => String(v).padStart(n);
const padEnd = (v: string | number, n: number) => String(v).padEnd(n);
const us = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function printResults(r: BenchResults): void {
  if (r.micro) {
    console.log(`\nIn-process, per operation (median of rounds; min–max across rounds), ${r.micro.sessionRows.toLocaleString('en')} session rows:`);
    console.log(`  ${padEnd('primitive', 44)}${pad('median µs', 11)}${pad('min–max', 16)}${pad('ops/s', 11)}`);
    for (const p of r.micro.primitives) {
      console.log(`  ${padEnd(p.label, 44)}${pad(us(p.medianUs), 11)}${pad(`${us(p.minUs)}–${us(p.maxUs)}`, 16)}${pad(Math.round(p.opsPerSecond), 11)}`);
    }
    console.log(`\n  ${padEnd('strategy verify', 18)}${pad('median µs', 11)}${pad('primitives µs', 15)}${pad('ratio', 8)}${pad('lookups', 9)}  made of`);
    for (const s of r.micro.strategies) {
      console.log(`  ${padEnd(s.strategy, 18)}${pad(us(s.medianUs), 11)}${pad(us(s.primitivesUs), 15)}${pad(`${s.ratio.toFixed(2)}×`, 8)}${pad(s.lookups, 9)}  ${s.primitives.join(' + ')}`);
    }
  }
  if (r.http) {
    console.log(`\nHTTP (autocannon, ${r.http.connections} connections, ${r.http.durationSeconds} s × ${r.http.rounds} rounds, median round):`);
    console.log(`  ${padEnd('route', 42)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('vs no-auth', 12)}${pad('lookups', 9)}${pad('errors', 8)}`);
    for (const x of r.http.routes) {
      const label = x.expectedStatus === 200 ? x.path : `${x.path} (no cookie → ${x.expectedStatus})`;
      console.log(
        `  ${padEnd(label, 42)}${pad(Math.round(x.requestsPerSecond), 9)}${pad(x.p50Ms, 9)}${pad(x.p99Ms, 9)}${pad(`${x.ratioToNoAuth.toFixed(3)}×`, 12)}${pad(x.lookups ?? '–', 9)}${pad(x.errors, 8)}`,
      );
    }
  }
  if (r.matrix) {
    const m = r.matrix;
    console.log(`\nThe matrix for one lab (${m.cells} cells, ${m.requestsPerMatrix} real HTTP requests, ${m.runs} runs):`);
    console.log(`  median ${m.medianMs} ms, p95 ${m.p95Ms} ms, min ${m.minMs} ms, max ${m.maxMs} ms${m.serverCpuMsPerMatrix === null ? '' : `; server CPU ${m.serverCpuMsPerMatrix} ms per matrix`}`);
  }
  if (r.workshop) {
    const w = r.workshop;
    console.log(`\nWorkshop: ${w.labs} labs, each running the whole matrix at once:`);
    console.log(`  ${w.requests.toLocaleString('en')} requests, ${w.errors} errors; per request p50 ${w.requestP50Ms} ms, p99 ${w.requestP99Ms} ms`);
    console.log(`  each participant’s matrix: p50 ${w.matrixP50Ms} ms, slowest ${w.matrixMaxMs} ms; all done in ${w.wallMs} ms`);
    console.log(`  server peak memory ${w.peakRssMiB === null ? 'unknown' : `${Math.round(w.peakRssMiB)} MiB`}; verdicts identical in every lab: ${w.verdictsIdentical ? 'yes' : 'NO'}`);
  }
  if (r.workshopJoin) {
    const w = r.workshopJoin;
    console.log(`\nWorkshop joining: ${w.participants} participants within ${w.spreadSeconds} s, each from its own address:`);
    console.log(`  time to a working lab (join, login, /me 200): p50 ${w.workingLabP50Ms} ms, p95 ${w.workingLabP95Ms} ms, max ${w.workingLabMaxMs} ms; ${w.errors} errors${w.firstErrors.length ? ` (${w.firstErrors.join('; ')})` : ''}`);
    console.log(`  server CPU per join ${w.serverCpuMsPerJoin ?? 'unknown'} ms; console answer p50 ${w.consoleP50Ms} ms, p95 ${w.consoleP95Ms} ms under the room's polling`);
    console.log(`  a solve to the console showing it (${w.solvers} solvers): p50 ${w.solveToConsoleP50Ms} ms, slowest ${w.solveToConsoleMaxMs} ms`);
  }
  if (r.goals.length) {
    console.log('\nGoals (this run, this machine):');
    for (const g of r.goals) {
      const target = `${g.kind === 'max' ? '≤' : '≥'} ${g.target}${g.unit === 'ms' ? ' ms' : g.unit === 'ratio' ? '×' : ''}`;
      console.log(`  ${g.met ? 'met   ' : 'MISSED'}  ${padEnd(g.label, 70)} ${pad(g.value, 9)} (${target})`);
    }
  }
  if (r.journal) {
    const j = r.journal;
    console.log(`\nThe lab journal's cost on /me (autocannon, ${j.connections} connections, ${j.durationSeconds} s × ${j.rounds} rounds per side, median):`);
    for (const x of j.routes) {
      console.log(`  ${padEnd(`${x.strategy} /me`, 20)}${pad(Math.round(x.withJournalRps), 9)} req/s with, ${pad(Math.round(x.withoutJournalRps), 9)} without: ${x.ratio.toFixed(3)}×  (${x.errors} errors)`);
    }
  }
}
