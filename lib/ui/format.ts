/** Small display helpers for the lab pages (no locale-specific words: numbers read the same in en and ja). */

/** 14:05, 1:02:03 — a duration as a clock shows it (lib/scenarios/format.ts formatDuration says it in words: "14 min 5 s"). */
export function formatClockDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** HH:MM:SS of a lab-clock second, in UTC so every participant's screen agrees with the server. */
export function formatLabTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(11, 19);
}

export function reasonOf(body: Record<string, unknown>): string | null {
  return typeof body.reason === 'string' ? body.reason : null;
}

export function lookupsOf(body: Record<string, unknown>): number | null {
  return typeof body.lookups === 'number' ? body.lookups : null;
}
