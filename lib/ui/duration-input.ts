/**
 * Durations as a person enters them: an amount and a unit (15 min, 8 h,
 * 30 days) rather than a count of seconds. Pure: the settings editor and
 * its unit tests share it.
 */
export const DURATION_UNITS = [
  { unit: 'days', seconds: 86_400 },
  { unit: 'hours', seconds: 3_600 },
  { unit: 'minutes', seconds: 60 },
  { unit: 'seconds', seconds: 1 },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

const secondsPer = (unit: DurationUnit) => DURATION_UNITS.find((u) => u.unit === unit)!.seconds;

/** The largest unit that shows the value exactly: 900 → 15 minutes, 86400 → 1 days, 90 → 90 seconds. */
export function splitDuration(totalSeconds: number): { amount: number; unit: DurationUnit } {
  for (const { unit, seconds } of DURATION_UNITS) {
    if (totalSeconds >= seconds && totalSeconds % seconds === 0) return { amount: totalSeconds / seconds, unit };
  }
  return { amount: totalSeconds, unit: 'seconds' };
}

/** An amount typed in a unit, as seconds; null when it is not a number or not a whole number of seconds. */
export function toSeconds(amountText: string, unit: DurationUnit): number | null {
  const text = amountText.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const seconds = Number(text) * secondsPer(unit);
  // 0.5 min is 30 s; 0.001 min is not a whole number of seconds.
  const rounded = Math.round(seconds);
  return Math.abs(seconds - rounded) < 1e-9 ? rounded : null;
}
