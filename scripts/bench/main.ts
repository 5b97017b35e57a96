// npm run bench — what a lookup costs, measured on this machine (issue 6).
//
//   npm run build && npm run bench               every section; writes lib/bench/results.json
//   npm run bench -- --only=micro,http           some sections; writes a file in the OS temp dir
//   npm run bench -- --quick                     short durations, to see that it runs (figures are rough)
//
// Options (also as environment variables): --labs=100 (LABS), --duration=10
// seconds per HTTP route and round (DURATION), --rounds=3 (ROUNDS), --runs=7
// matrix runs (RUNS), --connections=50, --out=FILE.
//
// Sections: micro (in-process: primitives and each strategy's verify),
// http (autocannon on the production build: no-auth route and /me per
// strategy), matrix (one lab's full matrix), workshop (N labs' matrices at once),
// journal (/me with the lab journal on and off: what recording every request costs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchResultsSchema, goal, type BenchResults, type Goal } from '@/lib/bench/results';
import { runMicroSection } from './micro';
import { runHttpSection } from './http';
import { runMatrixSection } from './matrix';
import { runWorkshopSection } from './workshop';
import { runJournalSection } from './journal';
import { runWorkshopJoinSection } from './workshop-join';
import { assertBuilt, root, startServer } from './server';
import { printResults } from './print';

const SECTIONS = ['micro', 'http', 'matrix', 'workshop', 'journal', 'workshop-join'] as const;
type Section = (typeof SECTIONS)[number];

function option(name: string, fallback: string): string {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : (process.env[name.toUpperCase()] ?? fallback);
}
function numberOption(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const quick = process.argv.includes('--quick');
const only = option('only', SECTIONS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of only) if (!SECTIONS.includes(s as Section)) throw new Error(`unknown section ${s}: choose from ${SECTIONS.join(', ')}`);
const wants = (s: Section) => only.includes(s);
const full = SECTIONS.every(wants) && !quick;

const settings = {
  labs: numberOption('labs', quick ? 10 : 100),
  durationSeconds: numberOption('duration', quick ? 2 : 10),
  rounds: numberOption('rounds', quick ? 1 : 3),
  runs: numberOption('runs', quick ? 2 : 7),
  connections: numberOption('connections', 50),
};
const out = path.resolve(option('out', full ? path.join(root, 'lib', 'bench', 'results.json') : path.join(os.tmpdir(), 'revocation-lab-bench.json')));

if (wants('http') || wants('matrix') || wants('workshop') || wants('journal') || wants('workshop-join')) assertBuilt();

function installedVersion(name: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

const results: BenchResults = {
  schemaVersion: 1,
  createdAt: new Date().toISOString(),
  machine: {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    packages: Object.fromEntries(['next', 'jose', 'iron-session', 'better-sqlite3', 'autocannon'].map((p) => [p, installedVersion(p)])),
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  },
  command: ['npm run bench', ...process.argv.slice(2)].join(' '),
  micro: null,
  http: null,
  matrix: null,
  workshop: null,
  journal: null,
  workshopJoin: null,
  goals: [],
};

console.log(`Revocation Lab bench — ${results.machine.cores} cores (${results.machine.cpuModel}), Node ${process.version}, load ${results.machine.loadAverageAtStart}`);
console.log(`sections: ${only.join(', ')}${quick ? ' (quick: rough figures)' : ''}\n`);

if (wants('micro')) {
  console.log('… micro: primitives and each strategy’s verify, in-process');
  results.micro = await runMicroSection({ quick });
}
if (wants('http') || wants('matrix')) {
  const server = await startServer();
  try {
    if (wants('http')) {
      console.log(`… http: autocannon, ${settings.connections} connections, ${settings.durationSeconds} s per route and round, ${settings.rounds} rounds`);
      results.http = await runHttpSection(server, settings);
    }
    if (wants('matrix')) {
      console.log(`… matrix: one lab, ${settings.runs} runs after a warm-up`);
      results.matrix = await runMatrixSection(server, settings.runs);
    }
  } finally {
    await server.stop();
  }
}
if (wants('workshop')) {
  // A server of its own, so that its peak memory is the workshop's alone.
  const server = await startServer();
  try {
    console.log(`… workshop: ${settings.labs} labs, each running the whole matrix at once`);
    results.workshop = await runWorkshopSection(server, { labs: settings.labs });
  } finally {
    await server.stop();
  }
}

if (wants('journal')) {
  console.log(`… journal: /me with the lab journal on and off, ${settings.durationSeconds} s per side and round, ${settings.rounds} rounds`);
  results.journal = await runJournalSection(settings);
}

if (wants('workshop-join')) {
  const server = await startServer();
  try {
    console.log(`… workshop-join: ${settings.labs} participants joining within 10 s from distinct 127.0.0.x addresses, then the console under that room`);
    results.workshopJoin = await runWorkshopJoinSection(server, { participants: settings.labs });
  } finally {
    await server.stop();
  }
}

results.goals = goalsFor(results);
benchResultsSchema.parse(results);
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
printResults(results);
console.log(`\nwritten: ${out.startsWith(root) ? path.relative(root, out) : out}`);

/** The goals, each computed from this run's figures. */
function goalsFor(r: BenchResults): Goal[] {
  const goals: Goal[] = [];
  for (const s of r.micro?.strategies ?? []) {
    goals.push(goal(`verify-${s.strategy}`, `${s.strategy} verify within 1.3× of its primitives (${s.primitives.join(' + ')})`, s.ratio, 'max', 1.3, 'ratio'));
  }
  const route = (id: string) => r.http?.routes.find((x) => x.id === id);
  const session = route('session');
  const jwt = route('jwt');
  if (session) goals.push(goal('http-session', 'session /me ≥ 0.95× the no-auth route’s throughput', session.ratioToNoAuth, 'min', 0.95, 'ratio'));
  if (jwt) goals.push(goal('http-jwt', 'jwt /me ≥ 0.85× the no-auth route’s throughput', jwt.ratioToNoAuth, 'min', 0.85, 'ratio'));
  if (session && jwt && jwt.requestsPerSecond > 0) {
    goals.push(goal('http-session-vs-jwt', 'session /me ≥ 1.0× jwt /me', session.requestsPerSecond / jwt.requestsPerSecond, 'min', 1, 'ratio'));
  }
  if (r.matrix) goals.push(goal('matrix', 'the matrix for one lab under 1 s (median)', r.matrix.medianMs, 'max', 1000, 'ms'));
  if (r.workshop) {
    goals.push(goal('workshop-errors', `${r.workshop.labs} labs at once: no errors`, r.workshop.errors, 'max', 0, 'count'));
    goals.push(goal('workshop-p99', `${r.workshop.labs} labs at once: p99 per request under 250 ms`, r.workshop.requestP99Ms, 'max', 250, 'ms'));
  }
  if (r.workshopJoin) {
    const w = r.workshopJoin;
    goals.push(goal('workshop-join-errors', `${w.participants} joins within ${w.spreadSeconds} s: every lab works`, w.errors, 'max', 0, 'count'));
    goals.push(goal('workshop-join-p95', `${w.participants} joins within ${w.spreadSeconds} s: a working lab within 3 s (p95)`, w.workingLabP95Ms, 'max', 3000, 'ms'));
    goals.push(goal('workshop-console-latency', 'a solve shows on the console within 2 s (slowest, 250 ms watcher)', w.solveToConsoleMaxMs, 'max', 2000, 'ms'));
  }
  for (const j of r.journal?.routes ?? []) {
    goals.push(goal(`journal-${j.strategy}`, `${j.strategy} /me with the lab journal ≥ 0.95× without`, j.ratio, 'min', 0.95, 'ratio'));
  }
  // Rounded first, so that the figure shown and its verdict always agree.
  return goals.map((g) => goal(g.id, g.label, Math.round(g.value * 1000) / 1000, g.kind, g.target, g.unit));
}
