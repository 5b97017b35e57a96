import { createRequire } from 'node:module';
import type { BenchResults, HttpRouteResult } from '@/lib/bench/results';
import { strategyIds } from '@/lib/auth/registry';
import { createLab, type BenchServer } from './server';
import { median, round } from './stats';

/**
 * HTTP throughput (issue 6): autocannon against the production build, the
 * no-auth JSON route next to `/me` for every strategy, each with the cookies
 * of a real login. Every route is measured once per round, in an order that
 * rotates between rounds, so that a burst of load from elsewhere on the
 * machine (or the server warming up) does not land on one route only; each
 * route reports its median round.
 */

type Settings = { connections: number; durationSeconds: number; rounds: number };
type HttpSection = NonNullable<BenchResults['http']>;

/** The part of autocannon 9's result this section reads (the package ships no types). */
type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number };
  requests: { total: number };
};
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
};
const requireCjs = createRequire(import.meta.url);
const autocannon = requireCjs('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export type Route = {
  id: string;
  url: string;
  /** The path as reported, with the lab id replaced by `{labId}`. */
  path: string;
  headers: Record<string, string>;
  /** The username /me must answer with; null for the no-auth and no-credential routes. */
  expectedUser: string | null;
  /** The one status that counts as an answer: 200, or 401 for /me without a cookie. */
  expectedStatus: 200 | 401;
};

type Round = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number };

const WARM_UP_SECONDS = 2;

export async function runHttpSection(server: BenchServer, { connections, durationSeconds, rounds }: Settings): Promise<HttpSection> {
  const { labId, users } = await createLab(server.base);
  const user = users.find((u) => u.role === 'user') ?? users[0];
  if (!user) throw new Error('the new lab has no demo users');

  // Credentials must outlive the run: jwt-refresh's access token lives 5
  // minutes by default, and a run takes about 4 minutes with the default
  // settings (8 routes × (2 s warm-up + 3 × 10 s)), longer with a longer
  // --duration or more --rounds. We PATCH the lab's
  // lifetimes once, before logging in (rather than logging in again before
  // every round), so each route is measured with one credential from start to
  // end. A lifetime is only the number `exp` is compared with: it changes no
  // work a verification does.
  const plannedSeconds = (WARM_UP_SECONDS + rounds * durationSeconds) * (strategyIds.length + 2); // + the no-auth and no-credential routes
  const lifetimeSeconds = Math.max(8 * 3600, Math.ceil(plannedSeconds * 2));
  if (lifetimeSeconds > 24 * 3600) throw new Error(`a run of ${plannedSeconds} s would outlive the longest access token a lab allows (1 day)`);
  await patchSettings(server.base, labId, {
    jwtTtlSeconds: lifetimeSeconds,
    accessTtlSeconds: lifetimeSeconds,
    sessionIdleSeconds: lifetimeSeconds,
    sessionAbsoluteSeconds: lifetimeSeconds,
  });

  const routes: Route[] = [
    { id: 'no-auth', url: `${server.base}/api/health`, path: '/api/health', headers: {}, expectedUser: null, expectedStatus: 200 },
    // The same /me route with no cookie: refused (401 no-credential) before any
    // verification. It pays what every /me pays before the strategy runs — Next
    // resolving a path with parameters, finding the lab — so the gap between it
    // and /api/health is the route's cost, and between it and a strategy, the auth.
    {
      id: 'no-credential',
      url: `${server.base}/api/labs/${labId}/session/me`,
      path: '/api/labs/{labId}/session/me',
      headers: {},
      expectedUser: null,
      expectedStatus: 401,
    },
  ];
  for (const strategy of strategyIds) {
    const mePath = `/api/labs/${labId}/${strategy}/me`;
    const cookie = await logIn(server.base, labId, strategy, user, mePath);
    routes.push({
      id: strategy,
      url: `${server.base}${mePath}`,
      path: mePath.replace(labId, '{labId}'),
      headers: { cookie },
      expectedUser: user.username,
      expectedStatus: 200,
    });
  }

  // One plain request per route first: a benchmark of 401s would time the fast failure path.
  const lookups = new Map<string, number | null>();
  for (const route of routes) lookups.set(route.id, await checkRoute(route));

  for (const route of routes) await measure(route, connections, WARM_UP_SECONDS);

  const byRoute = new Map<string, Round[]>(routes.map((r) => [r.id, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < routes.length; i++) {
      const route = routes[(i + r) % routes.length]!;
      byRoute.get(route.id)!.push(await measure(route, connections, durationSeconds));
    }
  }

  const results = routes.map((route) => {
    const measured = byRoute.get(route.id)!;
    const medianRps = median(measured.map((m) => m.requestsPerSecond));
    const chosen = measured.find((m) => m.requestsPerSecond === medianRps)!;
    return {
      id: route.id,
      path: route.path,
      expectedStatus: route.expectedStatus,
      requestsPerSecond: round(chosen.requestsPerSecond, 1),
      p50Ms: chosen.p50Ms,
      p99Ms: chosen.p99Ms,
      requests: chosen.requests,
      // Every round's errors, not only the median round's: an error anywhere must show.
      errors: measured.reduce((n, m) => n + m.errors, 0),
      ratioToNoAuth: 0,
      lookups: lookups.get(route.id) ?? null,
    } satisfies HttpRouteResult;
  });
  const noAuthRps = results[0]!.requestsPerSecond;
  for (const r of results) r.ratioToNoAuth = noAuthRps > 0 ? round(r.requestsPerSecond / noAuthRps, 3) : 0;

  return { connections, durationSeconds, rounds, routes: results };
}

export async function patchSettings(base: string, labId: string, patch: Record<string, number>): Promise<void> {
  const res = await fetch(`${base}/api/labs/${labId}/settings`, {
    method: 'PATCH',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (res.status !== 200) throw new Error(`PATCH settings answered ${res.status}: ${await res.text()}`);
}

/** Logs in and returns the Cookie header a browser would send to `mePath`: every cookie the login set whose Path covers it. */
export async function logIn(base: string, labId: string, strategy: string, user: { username: string; password: string }, mePath: string): Promise<string> {
  const res = await fetch(`${base}/api/labs/${labId}/${strategy}/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (res.status !== 200) throw new Error(`${strategy} login answered ${res.status}: ${await res.text()}`);
  const pairs: string[] = [];
  for (const header of res.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
    const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
    if (attribute('max-age') === '0') continue; // a clearing write, not a credential
    if (!pathMatches(mePath, attribute('path') ?? '/')) continue;
    pairs.push(pair);
  }
  if (pairs.length === 0) throw new Error(`${strategy} login set no cookie that is sent to ${mePath}`);
  return pairs.join('; ');
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** One request: 200, and /me names the user who logged in. Returns the lookups /me reports. */
async function checkRoute(route: Route): Promise<number | null> {
  const res = await fetch(route.url, { headers: route.headers });
  const body = (await res.json()) as { ok?: unknown; user?: { username?: string }; lookups?: unknown; reason?: unknown };
  if (res.status !== route.expectedStatus) throw new Error(`${route.path} (${route.id}) answered ${res.status}: ${JSON.stringify(body)}`);
  if (route.expectedStatus === 401) {
    if (body.reason !== 'no-credential') throw new Error(`${route.path} without a cookie answered ${JSON.stringify(body)}`);
    return null;
  }
  if (route.expectedUser === null) {
    if (body.ok !== true) throw new Error(`${route.path} answered ${JSON.stringify(body)}`);
    return null;
  }
  if (body.user?.username !== route.expectedUser) throw new Error(`${route.path} (${route.id}) answered for ${JSON.stringify(body.user)}, not ${route.expectedUser}`);
  if (typeof body.lookups !== 'number' || !Number.isInteger(body.lookups) || body.lookups < 0) {
    throw new Error(`${route.path} (${route.id}) reported no lookups: ${JSON.stringify(body)}`);
  }
  return body.lookups;
}

export async function measure(route: Route, connections: number, durationSeconds: number): Promise<Round> {
  const result = await autocannon({ url: route.url, connections, duration: durationSeconds, headers: route.headers });
  const answered = Object.values(result.statusCodeStats).reduce((n, s) => n + s.count, 0);
  const ok = result.statusCodeStats[String(route.expectedStatus)]?.count ?? 0;
  // Only the expected status is a success: a 401 or a 503 where a 200 is due is answered faster and would flatter the figure.
  const errors = result.errors + result.timeouts + (answered - ok);
  return {
    requestsPerSecond: result.duration > 0 ? ok / result.duration : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: ok,
    errors,
  };
}
