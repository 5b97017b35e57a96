import type { MissionStatus } from './workshop-dto';

/**
 * How a mission's status looks on the console grid and the participant's
 * path. Not the attack colours of outcome-look.ts: a mission's progress is
 * not an attacker's win or loss, so it never uses danger red or cost amber.
 * Solved takes the site's success green (var(--ok), the colour of "blocked"
 * too: in both places it means "this went right"), attempted the accent blue
 * (in progress, not a failure), not started a dashed grey. Each has its own
 * symbol and word as well, so colour is never the only signal.
 *
 * Pure: pages and unit tests share it.
 */
export const MISSION_LOOK: Record<MissionStatus, { symbol: string; className: string }> = {
  solved: { symbol: '✓', className: 'ws-solved' },
  attempted: { symbol: '◐', className: 'ws-attempted' },
  'not-started': { symbol: '○', className: 'ws-not-started' },
};

/** A histogram's bars: each option's count and its share of the largest (0..1), in the options' order. */
export function histogramBars(options: readonly string[], counts: Readonly<Record<string, number>> | undefined) {
  const values = options.map((option) => ({ option, count: Math.max(0, Math.floor(counts?.[option] ?? 0)) }));
  const max = Math.max(0, ...values.map((v) => v.count));
  const total = values.reduce((sum, v) => sum + v.count, 0);
  return values.map((v) => ({
    ...v,
    share: max === 0 ? 0 : v.count / max,
    percent: total === 0 ? 0 : Math.round((v.count / total) * 100),
  }));
}
