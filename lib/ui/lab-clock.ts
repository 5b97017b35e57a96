/**
 * The lab clock on the page: the server's lab "now" (seconds, from the last
 * GET of the lab) plus the seconds elapsed since it arrived — both ends of
 * that interval taken from the same client monotonic clock
 * (`performance.now()`). The server's wall clock and the browser's never
 * meet in one subtraction, so a laptop clock that is ahead or behind (or
 * jumps) cannot make countdowns jump or freeze.
 *
 * Pure: the hook in app/lab/[labId]/_components/useLabClock.ts and the tests share it.
 */
export function labNowAt(serverNow: number, receivedAtMs: number, nowMs: number): number {
  const elapsed = nowMs - receivedAtMs;
  if (!Number.isFinite(elapsed) || elapsed <= 0) return serverNow;
  return serverNow + Math.floor(elapsed / 1000);
}
