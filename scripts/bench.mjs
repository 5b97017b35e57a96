// npm run bench — how long the whole matrix takes, end to end, on the built app.
//
// Starts `next start` (the production build; NEXT_DIST_DIR is honoured) on a
// free port with a throwaway database, creates a lab, runs GET /matrix once to
// warm up, then RUNS more times, and prints the median and p95, plus where the
// time goes: how many real HTTP requests one matrix makes, what one request
// costs on its own, and the slowest cells.
//
//   npm run build && npm run bench            (RUNS=9 npm run bench for more samples)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const RUNS = Number(process.env.RUNS) || 7;

if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const port = await freePort();
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-'));
// next-server itself, not through npx, so the pid we hold is the server's.
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: root,
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_PATH: path.join(dbDir, 'bench.db') },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (d) => (log += d));
server.stderr.on('data', (d) => (log += d));
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(dbDir, { recursive: true, force: true });
};
process.on('exit', stop);

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 30_000;
for (;;) {
  if (server.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
  try {
    if ((await fetch(`${base}/api/labs/none`)).status > 0) break;
  } catch {
    /* not listening yet */
  }
  if (Date.now() > deadline) throw new Error(`next start did not answer within 30 s:\n${log}`);
  await new Promise((r) => setTimeout(r, 100));
}

const created = await (await fetch(`${base}/api/labs`, { method: 'POST' })).json();
const labApi = `${base}/api/labs/${created.labId}`;

async function matrixOnce() {
  const started = performance.now();
  const res = await fetch(`${labApi}/matrix`);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`matrix answered ${res.status}: ${JSON.stringify(body)}`);
  return { wallMs: performance.now() - started, body };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const fmt = (ms) => `${Math.round(ms)} ms`;

console.log(`Revocation Lab bench: ${os.cpus().length} cores, Node ${process.version}, ${distDir}, ${RUNS} runs after 1 warm-up\n`);
const warm = await matrixOnce();
const cells = warm.body.results.length;
const requests = warm.body.results.reduce((n, r) => n + r.trace.filter((e) => e.kind === 'request').length, 0);

// CPU time the server process used (user + system), from /proc on Linux: unlike wall time it does not
// grow when other programs compete for the cores, so it is the figure to compare between runs.
const CLOCK_TICKS_PER_SECOND = 100;
function serverCpuMs() {
  try {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const walls = [];
let last = warm;
const cpuBefore = serverCpuMs();
for (let i = 0; i < RUNS; i++) {
  last = await matrixOnce();
  walls.push(last.wallMs);
}
const cpuAfter = serverCpuMs();
walls.sort((a, b) => a - b);

// One authenticated request on its own, sequentially: the floor under every request a run makes.
const bob = created.users.find((u) => u.username === 'bob');
const login = await fetch(`${labApi}/jwt/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bob', password: bob.password }),
});
const cookie = login.headers.getSetCookie()[0].split(';')[0];
const N = 300;
let t = performance.now();
for (let i = 0; i < N; i++) await (await fetch(`${labApi}/jwt/me`, { headers: { cookie } })).text();
const perRequestMs = (performance.now() - t) / N;

const byScenario = new Map();
for (const r of last.body.results) byScenario.set(r.scenario, Math.max(byScenario.get(r.scenario) ?? 0, r.durationMs));

console.log(`whole matrix (${cells} cells, ${requests} real HTTP requests per run):`);
console.log(`  median ${fmt(quantile(walls, 0.5))}   p95 ${fmt(quantile(walls, 0.95))}   min ${fmt(walls[0])}   max ${fmt(walls.at(-1))}`);
console.log(`  goal < 1000 ms: ${quantile(walls, 0.5) < 1000 ? 'met' : 'not met'}`);
if (cpuBefore !== null && cpuAfter !== null) {
  console.log(`  server CPU per matrix (user+system, all threads): ${fmt((cpuAfter - cpuBefore) / RUNS)}; machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
}
console.log(`\nwhere the time goes:`);
console.log(`  one GET /jwt/me alone, sequential: ${perRequestMs.toFixed(2)} ms → ${requests} requests ≈ ${fmt(requests * perRequestMs)} of serial server work`);
console.log(`  slowest cell per scenario (all cells run at once, so these overlap):`);
for (const [scenario, ms] of byScenario) console.log(`    ${scenario.padEnd(16)} ${fmt(ms)}`);
stop();
process.exit(0);
