// Soak test for issue 13 (not part of `npm test`): runs against the production
// build on loopback, bounded in count and time, and prints the figures.
//  (a) one client (source 127.0.0.2) floods lab creation with 300 concurrent
//      requests for 30 s while another (127.0.0.3) logs in to an existing lab:
//      login success % and p95 (goal: ≥ 95 %, p95 < 2 s);
//  (a2) the same, but the flood is password changes (each a stretched hash
//      through the shared hasher: lab creation no longer hashes at all) from
//      127.0.0.4, and the logins are of a user who chose a password (a
//      stretched hash too), so both compete for the hasher;
//  (b) a lab's matrix alone vs started behind ten other labs' matrices
//      (goal: at most about 3× its lone time);
//  (c) ten matrix runs started and abandoned: how quickly the server is idle
//      again (/api/health latency, a lone matrix's time before and after).
// Needs `npm run build`. Options by env: SOAK_FLOOD_SECONDS (30), SOAK_FLOOD_CONCURRENCY (300).
// The server runs with its default per-client caps (lib/env.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

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
// Other clients, so that one part's per-client caps (lab creations a minute) do not spill into the next.
const HASH_FLOODER = '127.0.0.4';
const MATRIX_CLIENT = '127.0.0.5';
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

/** Logs in and changes the password to one the user chose (a stretched hash from then on); returns the lab, the cookie and the password. */
async function labWithChosenPassword(base, localAddress) {
  const lab = await createLab(base, localAddress);
  const alice = lab.users.find((u) => u.username === 'alice');
  const login = await requestWithCookie(base, `/api/labs/${lab.labId}/jwt/login`, { username: 'alice', password: alice.password }, localAddress);
  const password = 'soak-chosen-password-1';
  const changed = await requestWithCookie(
    base,
    `/api/labs/${lab.labId}/jwt/password`,
    { currentPassword: alice.password, newPassword: password },
    localAddress,
    login.cookie,
  );
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);
  return { labId: lab.labId, password, cookie: changed.cookie ?? login.cookie };
}

/** A POST with an optional cookie; answers the status and the first Set-Cookie's name=value. */
function requestWithCookie(base, p, body, localAddress, cookie) {
  const url = new URL(base + p);
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: url.pathname,
        localAddress,
        agent: false,
        headers: { ...JSON_TYPE, 'content-length': Buffer.byteLength(data), ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
      },
    );
    req.on('error', () => resolve({ status: 0 }));
    req.end(data);
  });
}

/**
 * `send()` is one flood request (from its own address); meanwhile LOGGER logs
 * in every 250 ms with `login()`. Returns the figures.
 */
/**
 * The flood runs in a worker thread of its own: on one event loop with the
 * logger, 300 sockets' worth of client-side work would delay the logger's own
 * requests and be counted as the server's latency.
 */
function floodInWorker(spec) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: spec });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function runFloodWorker({ base, method, path: p, headers, body, localAddress, until }) {
  const floodStatus = new Map();
  const worker = async () => {
    while (Date.now() < until) {
      const res = await request(base, method, p, { headers, body, localAddress, timeoutMs: 15_000 });
      const key = res.json?.reason ? `${res.status} ${res.json.reason}` : String(res.status);
      floodStatus.set(key, (floodStatus.get(key) ?? 0) + 1);
      // A refused request is answered at once; without a pause the loop would only measure how fast we can be refused.
      if (res.status >= 400 || res.status === 0) await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, worker));
  parentPort.postMessage(Object.fromEntries([...floodStatus].sort()));
}

/**
 * `spec` is the flood request (sent FLOOD_CONCURRENCY at a time from its own
 * address, in a worker thread); meanwhile LOGGER logs in every 250 ms with
 * `login()`. Returns the figures.
 */
async function floodWhileLoggingIn(spec, login) {
  const until = Date.now() + FLOOD_SECONDS * 1000;
  const flooding = floodInWorker({ ...spec, until });
  const logins = [];
  const logger = async () => {
    await sleep(1000); // let the flood build up first
    while (Date.now() < until) {
      logins.push(await login());
      await sleep(250);
    }
  };
  const started = performance.now();
  const [floodAnswers] = await Promise.all([flooding, logger()]);
  const ok = logins.filter((r) => r.status === 200);
  const statuses = {};
  for (const r of logins) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    seconds: Math.round((performance.now() - started) / 1000),
    floodAnswers,
    logins: logins.length,
    loginStatuses: statuses,
    successPct: logins.length ? (100 * ok.length) / logins.length : NaN,
    p95Ms: percentile(logins.map((r) => r.ms), 95),
    p50Ms: percentile(logins.map((r) => r.ms), 50),
  };
}

async function flood(base) {
  const lab = await createLab(base, LOGGER);
  const bob = lab.users.find((u) => u.username === 'bob');
  return floodWhileLoggingIn(
    { base, method: 'POST', path: '/api/labs', headers: JSON_TYPE, localAddress: FLOODER },
    () =>
      request(base, 'POST', `/api/labs/${lab.labId}/session/login`, {
        headers: JSON_TYPE,
        body: { username: 'bob', password: bob.password },
        localAddress: LOGGER,
        timeoutMs: 15_000,
      }),
  );
}

async function hashFlood(base) {
  const mine = await labWithChosenPassword(base, LOGGER);
  const theirs = await labWithChosenPassword(base, HASH_FLOODER);
  // The flooder "changes" its password to the same one, again and again: each is two stretched hashes
  // (the current password checked, the new one hashed) and never a failure the account throttle would count.
  return floodWhileLoggingIn(
    {
      base,
      method: 'POST',
      path: `/api/labs/${theirs.labId}/jwt/password`,
      headers: { ...JSON_TYPE, cookie: theirs.cookie },
      body: { currentPassword: theirs.password, newPassword: theirs.password },
      localAddress: HASH_FLOODER,
    },
    () =>
      request(base, 'POST', `/api/labs/${mine.labId}/session/login`, {
        headers: JSON_TYPE,
        body: { username: 'alice', password: mine.password },
        localAddress: LOGGER,
        timeoutMs: 15_000,
      }),
  );
}

function printFlood(title, a) {
  console.log(title);
  console.log(`    flood answers by status: ${JSON.stringify(a.floodAnswers)}`);
  console.log(`    logins: ${a.logins}, by status ${JSON.stringify(a.loginStatuses)}`);
  console.log(`    login success: ${a.successPct.toFixed(1)} % (goal ≥ 95 %), p50 ${fmt(a.p50Ms)}, p95 ${fmt(a.p95Ms)} (goal < 2000 ms)`);
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

/** (b) a lab's matrix alone, then started `delayMs` after ten other labs' matrices. */
async function behindTen(base, delayMs) {
  const lone = await createLab(base, LOGGER);
  const others = [];
  for (let i = 0; i < 10; i++) others.push(await createLab(base, MATRIX_CLIENT));
  const aloneMs = [];
  for (let i = 0; i < 3; i++) {
    const r = await matrixRequest(base, lone.labId, { localAddress: LOGGER });
    if (r.status !== 200) throw new Error(`lone matrix: ${r.status} ${JSON.stringify(r.json)}`);
    aloneMs.push(r.ms);
  }
  const alone = percentile(aloneMs, 50);
  const started = performance.now();
  const tenRuns = others.map((lab) => matrixRequest(base, lab.labId, { localAddress: MATRIX_CLIENT }).then((r) => ({ ...r, doneAt: performance.now() - started })));
  await sleep(delayMs);
  const mine = await matrixRequest(base, lone.labId, { localAddress: LOGGER });
  const ten = await Promise.all(tenRuns);
  return {
    delayMs,
    aloneMs: alone,
    behindMs: mine.ms,
    status: mine.status,
    ratio: mine.ms / alone,
    tenStatuses: [...new Set(ten.map((r) => r.status))],
    tenDoneAtMs: ten.map((r) => Math.round(r.doneAt)).sort((x, y) => x - y),
  };
}

if (!isMainThread) {
  await runFloodWorker(workerData);
} else {
  const server = await startServer();
  try {
    console.log(`soak against ${server.base} (production build)`);
    console.log(`\n(a) flood: ${FLOOD_CONCURRENCY} concurrent POST /api/labs from ${FLOODER} for ${FLOOD_SECONDS} s; logins in another lab from ${LOGGER}`);
    printFlood('', await flood(server.base));
    const settle = performance.now();
    await createLab(server.base, LOGGER);
    console.log(`    after the flood, another client created a lab after ${fmt(performance.now() - settle)}`);
    printFlood(
      `\n(a2) flood: ${FLOOD_CONCURRENCY} concurrent password changes (stretched hashes) from ${HASH_FLOODER} for ${FLOOD_SECONDS} s; logins of a user with a chosen password from ${LOGGER}`,
      await hashFlood(server.base),
    );
    for (const delayMs of [1000, 0]) {
      console.log(`\n(b) a lab's matrix alone, then started ${delayMs} ms after ten other labs' matrices`);
      const m = await behindTen(server.base, delayMs);
      console.log(`    alone (median of 3): ${fmt(m.aloneMs)}; behind ten: ${m.status} in ${fmt(m.behindMs)} = ${m.ratio.toFixed(1)}× (goal ≤ ~3×)`);
      console.log(`    the ten: ${JSON.stringify(m.tenStatuses)}, finished at (ms after they started): ${m.tenDoneAtMs.join(', ')}`);
    }
    console.log('\n(c) ten matrix runs started and abandoned after 300 ms');
    const b = await abandoned(server.base);
    console.log(`    /api/health when idle: ${fmt(b.idleHealthMs)}`);
    console.log(`    lone matrix before: ${b.loneMatrixBefore.status} in ${fmt(b.loneMatrixBefore.ms)}`);
    console.log(`    /api/health after the aborts (ms): ${b.healthTraceMs.join(', ')}`);
    console.log(`    idle again after: ${Number.isNaN(b.idleAgainAfterMs) ? 'not within 120 s' : fmt(b.idleAgainAfterMs)}`);
    console.log(`    lone matrix after: ${b.loneMatrixAfter.status} in ${fmt(b.loneMatrixAfter.ms)} (${(b.loneMatrixAfter.ms / b.loneMatrixBefore.ms).toFixed(1)}× its time before)`);
  } finally {
    await server.stop();
  }
}
