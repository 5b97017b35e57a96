import type { JournalSection } from '@/lib/bench/results';
import { createLab, startServer, type BenchServer } from './server';
import { logIn, measure, patchSettings, type Route } from './http';
import { median, round } from './stats';

type Settings = { connections: number; durationSeconds: number; rounds: number };

/** The strategies whose /me is measured: session (one lookup) and jwt (none: the journal's write is the only store work). */
const STRATEGIES = ['session', 'jwt'] as const;

/**
 * What the lab journal costs a request (issue 10: under 5% of /me's
 * throughput). Two production servers from the same build, one with the
 * journal on (the default) and one with LAB_JOURNAL=off; each /me is
 * measured on both in alternating rounds, so a machine that slows down
 * during the run slows both sides alike.
 */
export async function runJournalSection({ connections, durationSeconds, rounds }: Settings): Promise<JournalSection> {
  const on = await startServer();
  const off = await startServer({ LAB_JOURNAL: 'off' });
  try {
    const routes: { strategy: string; on: Route; off: Route }[] = [];
    for (const strategy of STRATEGIES) {
      routes.push({ strategy, on: await meRoute(on, strategy), off: await meRoute(off, strategy) });
    }
    for (const r of routes) {
      await measure(r.on, connections, 2);
      await measure(r.off, connections, 2);
    }
    const results = [];
    for (const r of routes) {
      const onRps: number[] = [];
      const offRps: number[] = [];
      let errors = 0;
      for (let i = 0; i < rounds; i++) {
        // Alternate which side goes first, so neither always follows a warm cache.
        const pair = i % 2 === 0 ? [r.on, r.off] : [r.off, r.on];
        for (const route of pair) {
          const m = await measure(route, connections, durationSeconds);
          errors += m.errors;
          (route === r.on ? onRps : offRps).push(m.requestsPerSecond);
        }
      }
      const withJournal = median(onRps);
      const withoutJournal = median(offRps);
      results.push({
        strategy: r.strategy,
        withJournalRps: round(withJournal, 1),
        withoutJournalRps: round(withoutJournal, 1),
        ratio: withoutJournal > 0 ? round(withJournal / withoutJournal, 3) : 0,
        errors,
      });
    }
    return { connections, durationSeconds, rounds, routes: results };
  } finally {
    await on.stop();
    await off.stop();
  }
}

async function meRoute(server: BenchServer, strategy: string): Promise<Route> {
  const { labId, users } = await createLab(server.base);
  const user = users.find((u) => u.role === 'user') ?? users[0]!;
  // Lifetimes far beyond the run, as in the http section: every request is a 200.
  await patchSettings(server.base, labId, { jwtTtlSeconds: 8 * 3600, sessionIdleSeconds: 8 * 3600, sessionAbsoluteSeconds: 8 * 3600 });
  const mePath = `/api/labs/${labId}/${strategy}/me`;
  const cookie = await logIn(server.base, labId, strategy, user, mePath);
  return { id: strategy, url: `${server.base}${mePath}`, path: mePath.replace(labId, '{labId}'), headers: { cookie }, expectedUser: user.username, expectedStatus: 200 };
}
