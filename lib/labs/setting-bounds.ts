/**
 * The range of each lab setting, in one place: the server's schema
 * (lib/labs/settings.ts) enforces it and the page's settings editor shows it.
 * Pure constants (no zod), so a client component can import them.
 */
const DAY = 24 * 60 * 60;

export const jwtAlgs = ['HS256', 'ES256', 'EdDSA'] as const;
export type JwtAlg = (typeof jwtAlgs)[number];

export const durationSettings = ['jwtTtlSeconds', 'accessTtlSeconds', 'refreshTtlSeconds', 'sessionIdleSeconds', 'sessionAbsoluteSeconds', 'sessionCacheSeconds'] as const;
export type DurationSetting = (typeof durationSettings)[number];

export const MIN_SETTING_SECONDS = 10;

export const maxSettingSeconds: Record<DurationSetting, number> = {
  jwtTtlSeconds: 30 * DAY,
  accessTtlSeconds: DAY,
  refreshTtlSeconds: 90 * DAY,
  sessionIdleSeconds: 30 * DAY,
  sessionAbsoluteSeconds: 90 * DAY,
  // session-cached: the cache cookie is meant to be short; a day is already far past any documented default.
  sessionCacheSeconds: DAY,
};
