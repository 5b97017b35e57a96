/** Small formatting helpers shared by the Markdown report and the pages (no UI imports). */

type DurationLocale = 'en' | 'ja';

// Japanese units in Japanese ("15 分", "8 時間"), as the site's own style rule asks.
const UNITS: Record<DurationLocale, { d: string; h: string; m: string; s: string }> = {
  en: { d: 'd', h: 'h', m: 'min', s: 's' },
  ja: { d: '日', h: '時間', m: '分', s: '秒' },
};

/** 900 → "15 min" / "15 分", 28800 → "8 h" / "8 時間", 3725 → "1 h 2 min 5 s" / "1 時間 2 分 5 秒". */
export function formatDuration(seconds: number, locale: DurationLocale = 'en'): string {
  const unit = UNITS[locale];
  if (seconds <= 0) return `0 ${unit.s}`;
  const parts: string[] = [];
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d} ${unit.d}`);
  if (h) parts.push(`${h} ${unit.h}`);
  if (m) parts.push(`${m} ${unit.m}`);
  if (s) parts.push(`${s} ${unit.s}`);
  return parts.join(' ');
}

/**
 * A lower bound ("still worked at least this long"), to its two largest units, rounded down so it
 * stays true: 5,183,999 s → "59 d 23 h", never a "59 d 23 h 59 min 59 s" whose precision says
 * nothing about where the measurement merely stopped.
 */
export function formatDurationAtLeast(seconds: number, locale: DurationLocale = 'en'): string {
  const units = [86400, 3600, 60, 1];
  const first = units.findIndex((u) => seconds >= u);
  if (first < 0) return formatDuration(0, locale);
  const second = units[first + 1];
  const kept = second === undefined ? seconds : seconds - (seconds % second);
  return formatDuration(kept, locale);
}
