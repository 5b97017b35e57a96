/** Small formatting helpers shared by the Markdown report and the pages (no UI imports). */

/** 900 → "15 min", 28800 → "8 h", 3725 → "1 h 2 min 5 s". */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0 s';
  const parts: string[] = [];
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ');
}

const UNITS = {
  en: { d: ' d', h: ' h', m: ' min', s: ' s', join: ' ' },
  ja: { d: ' 日', h: ' 時間', m: ' 分', s: ' 秒', join: ' ' },
} as const;

/** formatDuration in the page's language: 900 → "15 min" / "15 分", 28800 → "8 h" / "8 時間". */
export function formatDurationIn(seconds: number, locale: 'en' | 'ja'): string {
  const u = UNITS[locale];
  if (seconds <= 0) return `0${u.s}`;
  const parts: string[] = [];
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d}${u.d}`);
  if (h) parts.push(`${h}${u.h}`);
  if (m) parts.push(`${m}${u.m}`);
  if (s) parts.push(`${s}${u.s}`);
  return parts.join(u.join);
}
