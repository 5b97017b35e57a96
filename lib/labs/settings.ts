import { z } from 'zod';

export const jwtAlgs = ['HS256', 'ES256', 'EdDSA'] as const;
export type JwtAlg = (typeof jwtAlgs)[number];

const seconds = (max: number) => z.number().int().min(10).max(max);
const DAY = 24 * 60 * 60;

export const labSettingsSchema = z
  .object({
    jwtTtlSeconds: seconds(30 * DAY),
    accessTtlSeconds: seconds(DAY),
    refreshTtlSeconds: seconds(90 * DAY),
    sessionIdleSeconds: seconds(30 * DAY),
    sessionAbsoluteSeconds: seconds(90 * DAY),
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
  jwtAlg: 'HS256',
};

export function mergeSettings(current: LabSettings, patch: Partial<LabSettings>): LabSettings {
  return labSettingsSchema.parse({ ...current, ...patch });
}
