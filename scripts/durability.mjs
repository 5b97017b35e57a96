// `npm run test:durability`: kills the production server with SIGKILL, again
// and again, while logins, logouts and password changes are in flight; after
// each restart it checks that every change the server had acknowledged (a 200
// answer) survived, and that the database passes `PRAGMA integrity_check`.
//
// Needs a production build (`npm run build`, or NEXT_DIST_DIR=… next build).
// Loopback only; bounded in rounds and time; stops by itself.
//   DURABILITY_ROUNDS (default 8), DURABILITY_MAX_SECONDS (default 120), DURABILITY_LABS (default 3)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const ROUNDS = Math.min(Number(process.env.DURABILITY_ROUNDS) || 8, 50);
const MAX_MS = Math.min(Number(process.env.DURABILITY_MAX_SECONDS) || 120, 600) * 1000;
const LABS = Math.min(Number(process.env.DURABILITY_LABS) || 3, 10);

if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-durability-'));
const dbPath = path.join(dir, 'lab.db');
const started = Date.now();
const rand = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer() {
  const port = await freePort();
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_PATH: dbPath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    try {
      if ((await fetch(`${base}/api/labs/none`)).status > 0) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer in 30 s:\n${log}`);
    }
    await sleep(50);
  }
  return { base, child, log: () => log };
}

function killHard(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** One request; `null` when the server died under it (not acknowledged). */
async function call(base, method, p, { body, cookie } = {}) {
  const headers = {};
  if (body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  try {
    const res = await fetch(base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    const cookies = res.headers.getSetCookie().map((l) => l.split(';')[0]).filter((pair) => !pair.endsWith('='));
    let json = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { text };
    }
    return { status: res.status, body: json, cookie: cookies.join('; ') };
  } catch {
    return null;
  }
}

// ---- what the server has acknowledged -----------------------------------
const labs = []; // { id, pw: {alice, bob, carol}, carolPending: string|null, carolOld: string[] }
const alive = []; // { labId, strategy, cookie } — must still be accepted
const revoked = []; // { labId, strategy, cookie, why } — must be refused
const counts = { kills: 0, loginsAcked: 0, logoutsAcked: 0, passwordChangesAcked: 0, unacknowledged: 0, checksAlive: 0, checksRevoked: 0, checksPassword: 0 };
const violations = [];
const api = (lab, rest) => `/api/labs/${lab.id}${rest}`;

async function aliceWorker(base, lab, state) {
  // Logs in and never revokes: every acknowledged session must survive a kill.
  while (!state.dead) {
    const strategy = Math.random() < 0.5 ? 'session' : 'jwt-version';
    const r = await call(base, 'POST', api(lab, `/${strategy}/login`), { body: { username: 'alice', password: lab.pw.alice } });
    if (!r) return void counts.unacknowledged++;
    if (r.status === 200) {
      counts.loginsAcked++;
      alive.push({ labId: lab.id, strategy, cookie: r.cookie });
    } else if (r.status === 404) return; // strategy not in this build
  }
}

async function bobWorker(base, lab, state) {
  // Log in, log out: every acknowledged logout must stay a logout.
  while (!state.dead) {
    const strategy = Math.random() < 0.6 ? 'session' : 'jwt-denylist';
    const login = await call(base, 'POST', api(lab, `/${strategy}/login`), { body: { username: 'bob', password: lab.pw.bob } });
    if (!login) return void counts.unacknowledged++;
    if (login.status !== 200) continue;
    counts.loginsAcked++;
    const out = await call(base, 'POST', api(lab, `/${strategy}/logout`), { cookie: login.cookie });
    if (!out) return void counts.unacknowledged++;
    if (out.status === 200 && out.body.wasAuthenticated === true) {
      counts.logoutsAcked++;
      revoked.push({ labId: lab.id, strategy, cookie: login.cookie, why: 'logout' });
    }
  }
}

async function carolWorker(base, lab, state) {
  // Password changes: the new password, and the revocation of every older session, must survive.
  while (!state.dead) {
    const login = await call(base, 'POST', api(lab, '/session/login'), { body: { username: 'carol', password: lab.pw.carol } });
    if (!login) return void counts.unacknowledged++;
    if (login.status !== 200) return;
    counts.loginsAcked++;
    const next = `durable-${Date.now()}-${rand(1000, 9999)}`;
    lab.carolPending = next;
    const change = await call(base, 'POST', api(lab, '/session/password'), { cookie: login.cookie, body: { currentPassword: lab.pw.carol, newPassword: next } });
    if (!change) return void counts.unacknowledged++;
    lab.carolPending = null;
    if (change.status === 200) {
      counts.passwordChangesAcked++;
      lab.carolOld.push(lab.pw.carol);
      lab.pw.carol = next;
      revoked.push({ labId: lab.id, strategy: 'session', cookie: login.cookie, why: 'password-change' });
    }
  }
}

async function verify(base) {
  for (const lab of labs) {
    const view = await call(base, 'GET', api(lab, ''));
    if (view?.status !== 200) violations.push(`lab ${lab.id} lost (${view?.status})`);
    // Carol's password is the last acknowledged one — or the one in flight at the kill, if it committed.
    let ok = await call(base, 'POST', api(lab, '/jwt/login'), { body: { username: 'carol', password: lab.pw.carol } });
    if (ok?.status !== 200 && lab.carolPending) {
      const pending = await call(base, 'POST', api(lab, '/jwt/login'), { body: { username: 'carol', password: lab.carolPending } });
      if (pending?.status === 200) {
        lab.carolOld.push(lab.pw.carol);
        lab.pw.carol = lab.carolPending;
        ok = pending;
      }
    }
    lab.carolPending = null;
    counts.checksPassword++;
    if (ok?.status !== 200) violations.push(`lab ${lab.id}: carol's acknowledged password does not log in (${ok?.status} ${JSON.stringify(ok?.body)})`);
    const old = lab.carolOld.at(-1);
    if (old) {
      const stale = await call(base, 'POST', api(lab, '/jwt/login'), { body: { username: 'carol', password: old } });
      counts.checksPassword++;
      if (stale?.status === 200) violations.push(`lab ${lab.id}: a replaced password still logs in`);
    }
  }
  for (const s of alive.slice(-150)) {
    const me = await call(base, 'GET', `/api/labs/${s.labId}/${s.strategy}/me`, { cookie: s.cookie });
    counts.checksAlive++;
    if (me?.status !== 200) violations.push(`acknowledged ${s.strategy} login lost: ${me?.status} ${JSON.stringify(me?.body)}`);
  }
  for (const s of revoked.slice(-150)) {
    const me = await call(base, 'GET', `/api/labs/${s.labId}/${s.strategy}/me`, { cookie: s.cookie });
    counts.checksRevoked++;
    if (me?.status !== 401) violations.push(`acknowledged ${s.why} (${s.strategy}) undone after a kill: /me → ${me?.status}`);
  }
}

function integrity() {
  const db = new Database(dbPath);
  try {
    const result = db.pragma('integrity_check', { simple: true });
    const fk = db.pragma('foreign_key_check');
    if (result !== 'ok') violations.push(`integrity_check: ${result}`);
    if (fk.length) violations.push(`foreign_key_check: ${fk.length} rows`);
    return result;
  } finally {
    db.close();
  }
}

let server = await startServer();
try {
  for (let i = 0; i < LABS; i++) {
    const r = await call(server.base, 'POST', '/api/labs');
    if (r?.status !== 201) throw new Error(`lab creation failed: ${r?.status}`);
    const pw = Object.fromEntries(r.body.users.map((u) => [u.username, u.password]));
    labs.push({ id: r.body.labId, pw, carolPending: null, carolOld: [] });
  }
  let round = 0;
  for (; round < ROUNDS && Date.now() - started < MAX_MS; round++) {
    const state = { dead: false };
    const workers = labs.flatMap((lab) => [aliceWorker, bobWorker, carolWorker].map((w) => w(server.base, lab, state)));
    // Long enough for several scrypt-bound changes to complete, short enough that many are in flight at the kill.
    await sleep(rand(2500, 5000));
    await killHard(server.child);
    state.dead = true;
    counts.kills++;
    await Promise.allSettled(workers);
    integrity();
    server = await startServer();
    await verify(server.base);
    process.stdout.write(`round ${round + 1}: acked ${counts.loginsAcked} logins, ${counts.logoutsAcked} logouts, ${counts.passwordChangesAcked} password changes; ${violations.length} violations\n`);
  }
} finally {
  server.child.kill('SIGTERM');
  await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
}
const finalCheck = integrity();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\ndurability: ${counts.kills} SIGKILLs in ${seconds} s over ${LABS} labs; acknowledged ${counts.loginsAcked} logins, ${counts.logoutsAcked} logouts, ` +
    `${counts.passwordChangesAcked} password changes (${counts.unacknowledged} requests cut off by a kill); verified ${counts.checksAlive} surviving ` +
    `sessions, ${counts.checksRevoked} revocations, ${counts.checksPassword} password checks; integrity_check: ${finalCheck}.`,
);
fs.rmSync(dir, { recursive: true, force: true });
if (violations.length) {
  console.error(`\n✗ ${violations.length} violations:\n  ${[...new Set(violations)].slice(0, 30).join('\n  ')}`);
  process.exit(1);
}
console.log('✓ every acknowledged change survived every kill');
