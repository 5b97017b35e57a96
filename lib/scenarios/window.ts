/**
 * Measures how long a stolen copy keeps working after a revoking action, on a
 * lab clock that only moves forward. Binary search is impossible (a probe
 * cannot be taken back), so the measurement trusts the server's own claim of
 * when the credential expires and checks it at both edges:
 *
 *   probe at expiresAt − 1  → expected to work
 *   probe at expiresAt      → expected to be refused  ⇒ window exact
 *
 * If a probe slides the credential forward (a session touched by each replay,
 * a refresh that mints a new access token) the new claim is followed. If the
 * server's claim is missing or contradicted, the clock moves in doubling
 * steps and the result says it is a bound, not an exact figure. Always
 * bounded by a probe budget and a horizon.
 *
 * Pure: no HTTP, no clock of its own. The runner supplies `probeAt`.
 */

/** One replay of the copy, made at a given lab-clock second. */
export type ProbeOutcome = {
  works: boolean;
  /** Lab-clock second at which the server says this credential stops working (it works at expiresAt − 1). */
  expiresAt: number | null;
};

export type WindowProbe = (atSeconds: number) => Promise<ProbeOutcome>;

export type WindowMeasure = {
  /**
   * Seconds from the revoking action to the first second the copy was refused.
   * Null when it still worked at the horizon or when the probe budget ran out.
   */
  windowSeconds: number | null;
  /** True when the copy was seen working one second before it was first seen refused. */
  exact: boolean;
  /** Last second (relative to the revoking action) the copy was seen working. */
  lastWorkingSeconds: number;
  /** First second (relative to the revoking action) the copy was seen refused, if it was. */
  firstRefusedSeconds: number | null;
  /** How many probes it took, and how many times the credential slid forward. */
  probes: number;
  slides: number;
  /** Why the measurement stopped without a refusal, if it did. */
  stoppedBy: 'refused' | 'horizon' | 'probe-budget';
};

export type MeasureOptions = {
  /** Lab-clock second of the revoking action; the copy is known to work then. */
  revokedAt: number;
  /** The expiry the server reported on the replay that worked right after the revoking action. */
  firstClaim: number | null;
  probeAt: WindowProbe;
  /** Give up after this many probes (each probe is a clock move and a replay). */
  maxProbes?: number;
  /** Never move the clock further than this past the revoking action. */
  horizonSeconds: number;
  /**
   * Lab-clock second the clock already stands at, when the copy was last seen
   * working later than the revoking action (a second copy measured after the
   * first: the clock only moves forward). Defaults to revokedAt.
   */
  startAt?: number;
  /** Forward moves of the credential already seen before this measurement started. */
  slidesSoFar?: number;
};

export const DEFAULT_MAX_PROBES = 64;

/** The next second to probe: the claim's last working second, then the claim itself; else a doubling step. */
export function nextProbeTarget(now: number, claim: number | null, stepSeconds: number): { at: number; trustsClaim: boolean } {
  if (claim !== null && claim > now) return { at: claim - 1 > now ? claim - 1 : claim, trustsClaim: true };
  return { at: now + stepSeconds, trustsClaim: false };
}

export async function measureWindow(options: MeasureOptions): Promise<WindowMeasure> {
  const { revokedAt, probeAt, horizonSeconds } = options;
  const maxProbes = options.maxProbes ?? DEFAULT_MAX_PROBES;
  let now = Math.max(revokedAt, options.startAt ?? revokedAt);
  let lastWorking = now;
  let claim = options.firstClaim !== null && options.firstClaim > now ? options.firstClaim : null;
  let stepSeconds = 1;
  let probes = 0;
  let slides = options.slidesSoFar ?? 0;

  const result = (stoppedBy: WindowMeasure['stoppedBy'], refusedAt: number | null): WindowMeasure => ({
    windowSeconds: refusedAt === null ? null : refusedAt - revokedAt,
    exact: refusedAt !== null && refusedAt === lastWorking + 1,
    lastWorkingSeconds: lastWorking - revokedAt,
    firstRefusedSeconds: refusedAt === null ? null : refusedAt - revokedAt,
    probes,
    slides,
    stoppedBy,
  });

  while (probes < maxProbes) {
    const { at, trustsClaim } = nextProbeTarget(now, claim, stepSeconds);
    if (!trustsClaim) stepSeconds *= 2;
    if (at - revokedAt > horizonSeconds) return result('horizon', null);
    const outcome = await probeAt(at);
    probes++;
    now = at;
    if (!outcome.works) return result('refused', now);
    lastWorking = now;
    const nextClaim = outcome.expiresAt !== null && outcome.expiresAt > now ? outcome.expiresAt : null;
    if (claim !== null && nextClaim !== null && nextClaim > claim) slides++;
    // A claim reached while the copy still works was wrong: doubling steps from here.
    if (nextClaim === null) stepSeconds = trustsClaim ? 1 : stepSeconds;
    claim = nextClaim;
  }
  return result('probe-budget', null);
}
