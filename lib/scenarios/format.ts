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
