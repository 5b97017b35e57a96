import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

/**
 * Starts the built app (`next start`) on a free port with its own database
 * file, and waits until it answers. Shared by the API tests, the durability
 * script and the benchmarks. Requires `next build` to have run.
 */
export type RunningServer = { baseUrl: string; dbPath: string; process: ChildProcess; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Every test talks from 127.0.0.1, so to the server the whole suite is one
 * client creating hundreds of labs in minutes: the per-client caps (issue
 * 13.1) are lifted here, as for a room behind one NAT. Tests of the caps
 * themselves start their own server with small ones (tests/api/fair-share.test.ts).
 */
export const ONE_CLIENT_SUITE_LIMITS: Record<string, string> = {
  LABS_PER_CLIENT: '100000',
  LAB_CREATIONS_PER_CLIENT_PER_MINUTE: '100000',
  PASSWORD_HASHES_PER_CLIENT: '100000',
  REQUESTS_IN_FLIGHT_PER_CLIENT: '100000',
};

export async function startServer(options: { dbPath?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` (npm test does it for you).');
  }
  const port = await freePort();
  const dbPath = options.dbPath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rl-test-')), 'lab.db');
  // Start next-server itself (not through npx) so the pid we hold is the server's.
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_PATH: dbPath, ...ONE_CLIENT_SUITE_LIMITS, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/labs/none`);
      if (res.status > 0) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    dbPath,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        // Exited already: by itself (exitCode) or killed by a test (signalCode; `exit` will not fire again).
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
