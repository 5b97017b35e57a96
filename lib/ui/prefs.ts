/**
 * Display preferences kept in plain (non-HttpOnly) cookies, so the server
 * renders the right theme and presenter mode on the first byte: no flash, and
 * no inline bootstrap script that a strict CSP would have to allow.
 */
export const THEME_COOKIE = 'theme';
export const PRESENTER_COOKIE = 'presenter';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (themes as readonly string[]).includes(value);
}

/** A year; SameSite=Lax and Path=/ so every page sees it. Preferences only, never secrets. */
export function preferenceCookie(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
