/**
 * The one place that reads the real clock. Everything in lib/auth and lib/db
 * works on a lab's clock (real time + the lab's stored offset), so that time
 * travel in a lab moves every expiry check at once and nothing else.
 */
export type RealClock = () => number; // milliseconds since the epoch

export const systemClock: RealClock = () => Date.now();

let currentRealClock: RealClock = systemClock;

/** Tests replace the real clock; production never calls this. */
export function setRealClockForTests(clock: RealClock | null): void {
  currentRealClock = clock ?? systemClock;
}

export function realNowMs(): number {
  return currentRealClock();
}

/** A lab's "now" in whole seconds: JWT NumericDate, session rows and expiries all use it. */
export function labNowSeconds(clockOffsetSeconds: number, frozenAtSeconds: number | null): number {
  const base = frozenAtSeconds ?? Math.floor(realNowMs() / 1000);
  return base + clockOffsetSeconds;
}
