// Soak test for issue 13 (not part of `npm test`): runs against the production
// build on loopback, bounded in count and time, and prints the figures.
//  (a) one client (source 127.0.0.2) floods lab creation with 300 concurrent
//      requests for 30 s while another (127.0.0.3) logs in to an existing lab:
//      login success % and p95 (goal: ≥ 95 %, p95 < 2 s);
//  (b) ten matrix runs started and abandoned: how quickly the server is idle
//      again (/api/health latency, a lone matrix's time before and after).
// Needs `npm run build`. Options by env: SOAK_FLOOD_SECONDS (30), SOAK_FLOOD_CONCURRENCY (300).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}
const FLOOD_SECONDS = Math.min(120, Number(process.env.SOAK_FLOOD_SECONDS ?? 30));
const FLOOD_CONCURRENCY = Math.min(1000, Number(process.env.SOAK_FLOOD_CONCURRENCY ?? 300));
const FLOODER = '127.0.0.2';
const LOGGER = '127.0.0.3';
const JSON_TYPE = { 'content-type': 'application/json' };

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** One request from a given loopback source address; never throws: status 0 on a network failure or timeout. */
function request(base, method, p, { body, headers = {}, localAddress = '127.0.0.1', timeoutMs = 30_000, signal } = {}) {
  const url = new URL(base + p);
  const started = performance.now();
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname + url.search,
        localAddress,
        agent: false,
        headers: { ...headers, ...(data === undefined ? {} : { 'content-length': Buffer.byteLength(data) }) },
        signal,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = {};
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - started });
        });
        res.on('error', () => resolve({ status: 0, json: {}, ms: performance.now() - started }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, json: {}, ms: performance.now() - started }));
    req.end(data);
  });
}

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms) => `${Math.round(ms)} ms`;

async function startServer() {
  const port = await freePort();
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-soak-')), 'lab.db');
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_PATH: dbPath },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while ((await request(base, 'GET', '/api/health', { timeoutMs: 1000 })).status !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the server did not start');
    await sleep(200);
  }
  return { base, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}

/** Creates a lab, retrying while the server is busy (a flood's queued work outlives its timed-out requests), for at most 180 s. */
async function createLab(base, localAddress) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const res = await request(base, 'POST', '/api/labs', { headers: JSON_TYPE, localAddress });
    if (res.status === 201) return res.json;
    await sleep(2000);
  }
  throw new Error('could not create a lab within 180 s');
}

async function flood(base) {
  const lab = await createLab(base, LOGGER);
  const bob = lab.users.find((u) => u.username === 'bob');
  const until = Date.now() + FLOOD_SECONDS * 1000;
  const floodStatus = new Map();
  const worker = async () => {
    while (Date.now() < until) {
      const res = await request(base, 'POST', '/api/labs', { headers: JSON_TYPE, localAddress: FLOODER, timeoutMs: 15_000 });
      floodStatus.set(res.status, (floodStatus.get(res.status) ?? 0) + 1);
      // A refused request is answered at once; without a pause the loop would only measure how fast we can be refused.
      if (res.status !== 201) await sleep(50);
    }
  };
  const logins = [];
  const logger = async () => {
    await sleep(1000); // let the flood build up first
    while (Date.now() < until) {
      const res = await request(base, 'POST', `/api/labs/${lab.labId}/session/login`, {
        headers: JSON_TYPE,
        body: { username: 'bob', password: bob.password },
        localAddress: LOGGER,
        timeoutMs: 15_000,
      });
      logins.push(res);
      await sleep(250);
    }
  };
  const started = performance.now();
  await Promise.all([...Array.from({ length: FLOOD_CONCURRENCY }, worker), logger()]);
  const ok = logins.filter((r) => r.status === 200);
  const statuses = {};
  for (const r of logins) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    seconds: Math.round((performance.now() - started) / 1000),
    floodAnswers: Object.fromEntries([...floodStatus].sort()),
    logins: logins.length,
    loginStatuses: statuses,
    successPct: logins.length ? (100 * ok.length) / logins.length : NaN,
    p95Ms: percentile(logins.map((r) => r.ms), 95),
    p50Ms: percentile(logins.map((r) => r.ms), 50),
  };
}

/** Starts a lab's matrix: POST where the build has it (issue 13.2), else the older GET. */
function matrixRequest(base, labId, options = {}) {
  return request(base, 'POST', `/api/labs/${labId}/matrix`, { headers: JSON_TYPE, timeoutMs: 300_000, ...options }).then((res) =>
    res.status === 405 ? request(base, 'GET', `/api/labs/${labId}/matrix`, { timeoutMs: 300_000, ...options }) : res,
  );
}

async function healthMs(base) {
  const samples = [];
  for (let i = 0; i < 5; i++) samples.push((await request(base, 'GET', '/api/health', { timeoutMs: 30_000 })).ms);
  return percentile(samples, 50);
}

async function abandoned(base) {
  const lone = await createLab(base, LOGGER);
  const idleHealth = await healthMs(base);
  const before = await matrixRequest(base, lone.labId);
  const labs = [];
  for (let i = 0; i < 10; i++) labs.push(await createLab(base, FLOODER));
  const aborted = performance.now();
  await Promise.all(
    labs.map((lab) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      return matrixRequest(base, lab.labId, { signal: controller.signal, localAddress: FLOODER });
    }),
  );
  const afterAbort = performance.now();
  // Idle again: /api/health answers within twice its idle time (and at least 20 ms), checked every 100 ms, for at most 120 s.
  const trace = [];
  let idleAfterMs = NaN;
  while (performance.now() - afterAbort < 120_000) {
    const ms = (await request(base, 'GET', '/api/health', { timeoutMs: 30_000 })).ms;
    trace.push(Math.round(ms));
    if (ms <= Math.max(20, 2 * idleHealth)) {
      idleAfterMs = performance.now() - afterAbort;
      break;
    }
    await sleep(100);
  }
  const after = await matrixRequest(base, lone.labId);
  return {
    idleHealthMs: idleHealth,
    loneMatrixBefore: { status: before.status, ms: before.ms },
    abortedAfterMs: afterAbort - aborted,
    healthTraceMs: trace.slice(0, 20),
    idleAgainAfterMs: idleAfterMs,
    loneMatrixAfter: { status: after.status, ms: after.ms },
  };
}

const server = await startServer();
try {
  console.log(`soak against ${server.base} (production build)`);
  console.log(`\n(a) flood: ${FLOOD_CONCURRENCY} concurrent POST /api/labs from ${FLOODER} for ${FLOOD_SECONDS} s; logins in another lab from ${LOGGER}`);
  const a = await flood(server.base);
  console.log(`    flood answers by status: ${JSON.stringify(a.floodAnswers)}`);
  console.log(`    logins: ${a.logins}, by status ${JSON.stringify(a.loginStatuses)}`);
  console.log(`    login success: ${a.successPct.toFixed(1)} % (goal ≥ 95 %), p50 ${fmt(a.p50Ms)}, p95 ${fmt(a.p95Ms)} (goal < 2000 ms)`);
  const settle = performance.now();
  await createLab(server.base, LOGGER);
  console.log(`    after the flood, a lab could be created again after ${fmt(performance.now() - settle)}`);
  console.log('\n(b) ten matrix runs started and abandoned after 300 ms');
  const b = await abandoned(server.base);
  console.log(`    /api/health when idle: ${fmt(b.idleHealthMs)}`);
  console.log(`    lone matrix before: ${b.loneMatrixBefore.status} in ${fmt(b.loneMatrixBefore.ms)}`);
  console.log(`    /api/health after the aborts (ms): ${b.healthTraceMs.join(', ')}`);
  console.log(`    idle again after: ${Number.isNaN(b.idleAgainAfterMs) ? 'not within 120 s' : fmt(b.idleAgainAfterMs)}`);
  console.log(`    lone matrix after: ${b.loneMatrixAfter.status} in ${fmt(b.loneMatrixAfter.ms)} (${(b.loneMatrixAfter.ms / b.loneMatrixBefore.ms).toFixed(1)}× its time before)`);
} finally {
  await server.stop();
}
