// `npm run demo`: build the production app when the sources are newer than
// the last build, then start it on the embedded SQLite default
// (./data/revocation-lab.db, created on first start). PORT and HOST as usual.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const buildId = path.join(root, distDir, 'BUILD_ID');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' };

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const sources = ['app', 'lib', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'];
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt === 0 || sources.some((s) => newestMtime(s) > builtAt)) {
  console.log('Building the production app (next build)…');
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || '3000';
const host = process.env.HOST || '0.0.0.0';
console.log(`\nRevocation Lab: http://localhost:${port}  (database: ${process.env.DATABASE_PATH || 'data/revocation-lab.db'})`);
// A workshop room joins over the LAN: every address another machine may reach
// this one at (each non-internal IPv4 address), so the facilitator can pick the
// one the room's network uses. Listening on 127.0.0.1 only, there are none.
if (host === '0.0.0.0' || host === '::') {
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) console.log(`  on the LAN (${name}): http://${a.address}:${port}`);
    }
  }
}
console.log('');
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port, '-H', host], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
