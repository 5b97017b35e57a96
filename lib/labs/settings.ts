import { z } from 'zod';
import { jwtAlgs, maxSettingSeconds, MIN_SETTING_SECONDS } from './setting-bounds';

export { jwtAlgs, type JwtAlg } from './setting-bounds';

const seconds = (max: number) => z.number().int().min(MIN_SETTING_SECONDS).max(max);
const DAY = 24 * 60 * 60;

export const labSettingsSchema = z
  .object({
    jwtTtlSeconds: seconds(maxSettingSeconds.jwtTtlSeconds),
    accessTtlSeconds: seconds(maxSettingSeconds.accessTtlSeconds),
    refreshTtlSeconds: seconds(maxSettingSeconds.refreshTtlSeconds),
    sessionIdleSeconds: seconds(maxSettingSeconds.sessionIdleSeconds),
    sessionAbsoluteSeconds: seconds(maxSettingSeconds.sessionAbsoluteSeconds),
    sessionCacheSeconds: seconds(maxSettingSeconds.sessionCacheSeconds),
    jwtAlg: z.enum(jwtAlgs),
  })
  .strict();

export type LabSettings = z.infer<typeof labSettingsSchema>;

/** A PATCH may name any subset; unknown keys are refused, not ignored. */
export const labSettingsPatchSchema = labSettingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one setting' });

export const defaultSettings: LabSettings = {
  jwtTtlSeconds: 15 * 60,
  accessTtlSeconds: 5 * 60,
  refreshTtlSeconds: DAY,
  sessionIdleSeconds: 30 * 60,
  sessionAbsoluteSeconds: 8 * 60 * 60,
  // session-cached: Better Auth's cookieCache default (5 minutes; lib/presets/presets.ts names the source).
  sessionCacheSeconds: 5 * 60,
  jwtAlg: 'HS256',
};

/**
 * Parses stored settings text. Labs stored before a setting existed lack it:
 * the default fills the gap here, at read, never in the schema (a default in
 * the schema would also fill every PATCH that omits it, resetting the lab's value).
 */
export function parseStoredSettings(stored: unknown): LabSettings {
  const known = typeof stored === 'object' && stored !== null ? stored : {};
  return labSettingsSchema.parse({ sessionCacheSeconds: defaultSettings.sessionCacheSeconds, ...known });
}

export function mergeSettings(current: LabSettings, patch: Partial<LabSettings>): LabSettings {
  return labSettingsSchema.parse({ ...current, ...patch });
}
