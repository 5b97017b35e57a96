import http from 'node:http';
import type { BenchServer } from './server';
import { quantile, round } from './stats';
import type { BenchResults } from '@/lib/bench/results';

/**
 * A workshop room joining (issue 12): N participants (default 100) join
 * within the same 10 s, each from its own loopback address (127.0.0.x, as N
 * laptops on a LAN), and each is timed to a WORKING lab: the join, the lab's
 * demo users read, a login and /me answered 200. Then the room stays: every
 * participant's page polls /api/workshops/me each second, the console polls
 * each second, and a few participants solve the first mission with real
 * requests; the console's update latency is the time from the solving
 * request's answer to the first console answer that shows it (measured with
 * a 250 ms poll, so the page's own 1 s poll adds up to 1 s on top).
 */

type Answer = { status: number; body: Record<string, unknown>; setCookie: string[] };

/** One socket per request, bound to the participant's own address: the server sees N distinct clients. */
function request(base: string, method: string, path: string, opts: { from: string; cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = opts.body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(opts.body);
    const headers: Record<string, string> = { ...opts.headers };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (opts.cookie) headers.cookie = opts.cookie;
    const req = http.request(`${base}${path}`, { method, headers, localAddress: opts.from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => resolve({ status: 0, body: {}, setCookie: [] }));
      res.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] });
      });
    });
    req.on('error', () => resolve({ status: 0, body: {}, setCookie: [] }));
    req.end(payload);
  });
}

/** A tiny cookie jar: name=value pairs (the bench sends each only where the browser would, by prefix). */
class Jar {
  private cookies = new Map<string, { value: string; path: string }>();
  absorb(lines: string[]) {
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const path = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const value = pair!.slice(eq + 1);
      if (value === '') this.cookies.delete(pair!.slice(0, eq) + path);
      else this.cookies.set(pair!.slice(0, eq) + path, { value: `${pair!.slice(0, eq)}=${value}`, path });
    }
  }
  for(path: string) {
    return [...this.cookies.values()].filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)).map((c) => c.value).join('; ');
  }
}

class Participant {
  jar = new Jar();
  labId = '';
  constructor(
    readonly base: string,
    readonly from: string,
  ) {}
  async call(method: string, path: string, body?: unknown) {
    const res = await request(this.base, method, path, { from: this.from, cookie: this.jar.for(path), body });
    this.jar.absorb(res.setCookie);
    return res;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function workingLab(p: Participant, code: string, i: number): Promise<{ ms: number; error: string | null }> {
  const started = performance.now();
  const joined = await p.call('POST', `/api/workshops/${code}/join`, { name: `participant ${i}` });
  if (joined.status !== 201) return { ms: performance.now() - started, error: `join ${joined.status} ${String(joined.body.reason)}` };
  p.labId = String(joined.body.labId);
  const lab = await p.call('GET', `/api/labs/${p.labId}`);
  const bob = (lab.body.users as { username: string; password: string }[] | undefined)?.find((u) => u.username === 'bob');
  if (!bob) return { ms: performance.now() - started, error: `lab ${lab.status}` };
  const login = await p.call('POST', `/api/labs/${p.labId}/session/login`, { username: 'bob', password: bob.password });
  if (login.status !== 200) return { ms: performance.now() - started, error: `login ${login.status} ${String(login.body.reason)}` };
  const me = await p.call('GET', `/api/labs/${p.labId}/session/me`);
  if (me.status !== 200) return { ms: performance.now() - started, error: `me ${me.status}` };
  return { ms: performance.now() - started, error: null };
}

/** The first mission's real requests: steal both copies, log both out, replay both. Returns when the last answer came. */
async function solveFirstMission(p: Participant): Promise<number> {
  const lab = await p.call('GET', `/api/labs/${p.labId}`);
  const bob = (lab.body.users as { username: string; password: string }[]).find((u) => u.username === 'bob')!;
  const copies: number[] = [];
  for (const s of ['jwt', 'session']) {
    await p.call('POST', `/api/labs/${p.labId}/${s}/login`, { username: 'bob', password: bob.password });
    copies.push(Number((await p.call('POST', `/api/labs/${p.labId}/${s}/steal`)).body.copyId));
    await p.call('POST', `/api/labs/${p.labId}/${s}/logout`);
  }
  for (const copyId of copies) await p.call('POST', `/api/labs/${p.labId}/replay`, { copyId, endpoint: 'me' });
  return performance.now();
}

export async function runWorkshopJoinSection(server: BenchServer, { participants: n, spreadSeconds = 10, solvers = 10 }: { participants: number; spreadSeconds?: number; solvers?: number }): Promise<NonNullable<BenchResults['workshopJoin']>> {
  const created = await request(server.base, 'POST', '/api/workshops', { from: '127.0.0.1', body: { title: 'bench', expectedParticipants: n } });
  if (created.status !== 201) throw new Error(`workshop creation answered ${created.status}`);
  const { workshopId, facilitatorKey, joinCode } = created.body as { workshopId: string; facilitatorKey: string; joinCode: string };
  const consoleHeaders = { authorization: `Bearer ${facilitatorKey}` };
  const room = Array.from({ length: n }, (_, i) => new Participant(server.base, `127.0.${Math.floor(i / 250)}.${(i % 250) + 2}`));

  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const outcomes = await Promise.all(room.map(async (p, i) => {
    await sleep((i * spreadSeconds * 1000) / n);
    return workingLab(p, joinCode, i);
  }));
  const joinWallMs = performance.now() - started;
  const cpuAfter = server.cpuMs();
  const times = outcomes.filter((o) => o.error === null).map((o) => o.ms);
  const errors = outcomes.filter((o) => o.error !== null);

  // The room stays: each page polls /me every second, the console every second.
  let polling = true;
  const pollers = room.filter((p) => p.labId).map(async (p, i) => {
    await sleep((i * 1000) / n);
    while (polling) {
      await p.call('GET', '/api/workshops/me');
      await sleep(1000);
    }
  });
  const consoleMs: number[] = [];
  const consoleLoop = (async () => {
    while (polling) {
      const t = performance.now();
      await request(server.base, 'GET', `/api/workshops/${workshopId}/console`, { from: '127.0.0.1', headers: consoleHeaders });
      consoleMs.push(performance.now() - t);
      await sleep(1000);
    }
  })();
  await sleep(2000);

  // A few participants solve the first mission one after another; a 250 ms watcher sees the console change.
  const latencies: number[] = [];
  for (const p of room.filter((x) => x.labId).slice(0, solvers)) {
    const participantId = await p.call('GET', '/api/workshops/me').then((r) => String(r.body.participantId));
    const solvedAt = await solveFirstMission(p);
    for (;;) {
      const view = await request(server.base, 'GET', `/api/workshops/${workshopId}/console`, { from: '127.0.0.1', headers: consoleHeaders });
      const row = (view.body.participants as { participantId: string; progress: Record<string, string> }[]).find((r) => r.participantId === participantId);
      if (row?.progress['stolen-jwt-survives-logout'] === 'solved') {
        latencies.push(performance.now() - solvedAt);
        break;
      }
      if (performance.now() - solvedAt > 10_000) {
        latencies.push(Number.POSITIVE_INFINITY);
        break;
      }
      await sleep(250);
    }
  }
  polling = false;
  await Promise.all([...pollers, consoleLoop]);

  const finite = latencies.filter(Number.isFinite);
  return {
    participants: n,
    spreadSeconds,
    errors: errors.length,
    firstErrors: errors.slice(0, 3).map((e) => e.error!),
    workingLabP50Ms: times.length ? round(quantile(times, 0.5), 0) : 0,
    workingLabP95Ms: times.length ? round(quantile(times, 0.95), 0) : 0,
    workingLabMaxMs: times.length ? round(Math.max(...times), 0) : 0,
    joinWallMs: round(joinWallMs, 0),
    serverCpuMsPerJoin: cpuBefore !== null && cpuAfter !== null ? round((cpuAfter - cpuBefore) / n, 1) : null,
    consoleP50Ms: consoleMs.length ? round(quantile(consoleMs, 0.5), 1) : 0,
    consoleP95Ms: consoleMs.length ? round(quantile(consoleMs, 0.95), 1) : 0,
    solvers: latencies.length,
    solveToConsoleP50Ms: finite.length ? round(quantile(finite, 0.5), 0) : 0,
    solveToConsoleMaxMs: latencies.length ? (finite.length === latencies.length ? round(Math.max(...finite), 0) : 10_000) : 0,
  };
}
