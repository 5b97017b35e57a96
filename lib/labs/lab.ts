import { labNowSeconds } from '../clock';
import type { Store } from '../db/store';
import type { LabRow } from '../db/labs';
import type { StoredJwtKey } from '../auth/keys';
import { labSettingsSchema, type LabSettings } from './settings';

/** A lab as the rest of the code sees it: parsed settings, its key, its clock. */
export type Lab = {
  id: string;
  parentLabId: string | null;
  settings: LabSettings;
  clockOffsetSeconds: number;
  clockFrozenAtSeconds: number | null;
  ironPassword: string;
  jwtKey: StoredJwtKey;
  keyGeneration: number;
  /** Real time (ms) of the last recorded activity, as stored: what the idle sweep compares. */
  lastUsedAtMs: number;
  /** The lab clock, read now. */
  now(): number;
};

/** Lab ids are 128 random bits in base64url: exactly 22 characters. */
export const LAB_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function labFromRow(row: LabRow): Lab {
  const settings = labSettingsSchema.parse(JSON.parse(row.settings_json));
  return {
    id: row.id,
    parentLabId: row.parent_lab_id,
    settings,
    clockOffsetSeconds: row.clock_offset_seconds,
    clockFrozenAtSeconds: row.clock_frozen_at_seconds,
    ironPassword: row.iron_password,
    jwtKey: { alg: row.jwt_alg as StoredJwtKey['alg'], kid: row.jwt_kid, jwk: JSON.parse(row.jwt_key_json) },
    keyGeneration: row.key_generation,
    lastUsedAtMs: row.last_used_at_ms,
    now: () => labNowSeconds(row.clock_offset_seconds, row.clock_frozen_at_seconds),
  };
}

export function findLab(store: Store, labId: string): Lab | null {
  if (!LAB_ID_PATTERN.test(labId)) return null;
  const row = store.labs.findById(labId);
  return row ? labFromRow(row) : null;
}
