import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The production build (`next start`, NEXT_DIST_DIR honoured) on a free
 * loopback port with a throwaway database: what every HTTP section measures.
 * Started as node_modules/.bin/next so the pid we hold is next-server's own,
 * which /proc then reports CPU time and peak memory for.
 */
export type BenchServer = {
  base: string;
  pid: number;
  /** User + system CPU time the server has used so far, or null off Linux. */
  cpuMs(): number | null;
  /** Peak resident memory so far (VmHWM), or null off Linux. */
  peakRssMiB(): number | null;
  stop(): Promise<void>;
};

export const root = path.resolve(import.meta.dirname, '..', '..');
export const distDir = process.env.NEXT_DIST_DIR || '.next';

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

export async function startServer(extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-bench-'));
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    // The bench is one client (127.0.0.1) creating a room's worth of labs: its per-client caps are lifted, as for a room behind one NAT.
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      DATABASE_PATH: path.join(dbDir, 'bench.db'),
      LABS_PER_CLIENT: '100000',
      LAB_CREATIONS_PER_CLIENT_PER_MINUTE: '100000',
      PASSWORD_HASHES_PER_CLIENT: '100000',
      REQUESTS_IN_FLIGHT_PER_CLIENT: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const cleanUp = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    fs.rmSync(dbDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).status > 0) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 30 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const pid = child.pid!;
  return {
    base,
    pid,
    cpuMs() {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return null;
      }
    },
    peakRssMiB() {
      try {
        const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
        return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      process.removeListener('exit', cleanUp);
      cleanUp();
    },
  };
}

/** Creates a lab (POST /api/labs) and returns its id and demo users. */
export async function createLab(base: string): Promise<{ labId: string; users: { username: string; password: string; role: string }[] }> {
  const res = await fetch(`${base}/api/labs`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' } });
  if (res.status !== 201) throw new Error(`POST /api/labs answered ${res.status}: ${await res.text()}`);
  return res.json();
}
