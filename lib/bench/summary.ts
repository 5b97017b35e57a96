import type { BenchResults } from './results';

/**
 * The few comparisons the cost page leads with, derived from one run's
 * figures (never typed in). Null where the run lacks a section or a row.
 */
export type CostHeadline = {
  lookupUs: number;
  jwtVerifyUs: number;
  /** How many primary-key lookups one JWT signature check costs. */
  jwtInLookups: number;
  ironUnsealUs: number | null;
};

export type ThroughputHeadline = {
  noAuthRps: number;
  sessionRps: number;
  jwtRps: number;
  /** session / jwt requests per second: ≥ 1 means the stateful session was not slower. */
  sessionOverJwt: number;
};

/** Finds a primitive by the strategy whose verify is made of it, so the page never depends on primitive ids. */
function primitiveOf(results: BenchResults, strategy: string, index: number) {
  const s = results.micro?.strategies.find((x) => x.strategy === strategy);
  const id = s?.primitives[index];
  return id ? (results.micro?.primitives.find((p) => p.id === id) ?? null) : null;
}

export function costHeadline(results: BenchResults): CostHeadline | null {
  // session = hash + primary-key get; jwt = jwtVerify; iron-stateless = unseal (lib/bench/results.ts).
  const lookup = primitiveOf(results, 'session', 1);
  const jwt = primitiveOf(results, 'jwt', 0);
  const iron = primitiveOf(results, 'iron-stateless', 0);
  if (!lookup || !jwt || lookup.medianUs <= 0) return null;
  return {
    lookupUs: lookup.medianUs,
    jwtVerifyUs: jwt.medianUs,
    jwtInLookups: jwt.medianUs / lookup.medianUs,
    ironUnsealUs: iron?.medianUs ?? null,
  };
}

export function throughputHeadline(results: BenchResults): ThroughputHeadline | null {
  const rps = (id: string) => results.http?.routes.find((r) => r.id === id)?.requestsPerSecond ?? null;
  const noAuthRps = rps('no-auth');
  const sessionRps = rps('session');
  const jwtRps = rps('jwt');
  if (noAuthRps === null || sessionRps === null || jwtRps === null || jwtRps <= 0) return null;
  return { noAuthRps, sessionRps, jwtRps, sessionOverJwt: sessionRps / jwtRps };
}
