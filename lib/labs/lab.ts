import { labNowSeconds } from '../clock';
import type { StoreTables } from '../db/store';
import type { LabRow } from '../db/labs';
import type { StoredJwtKey } from '../auth/keys';
import { parseStoredSettings, type LabSettings } from './settings';

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

/**
 * Memoises a parse of stored text, keyed by the exact text. Every lab request
 * reads the lab row; JSON- and zod-parsing its settings on each one cost more
 * than the row read itself. The result is a pure function of the text, so an
 * entry can never be stale: a settings PATCH or a key rotation stores new
 * text, which is a new key. Results are frozen because labs with the same
 * settings text share one object.
 */
function memoByText<T extends object>(parse: (text: string) => T, limit: number): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = Object.freeze(parse(text));
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(text, value);
    }
    return value;
  };
}

// Most labs share the default settings text; a workshop of a few hundred labs fits either way.
const parseSettings = memoByText((text) => parseStoredSettings(JSON.parse(text)), 1000);
const parseJwk = memoByText((text) => JSON.parse(text) as StoredJwtKey['jwk'], 1000);

export function labFromRow(row: LabRow): Lab {
  return {
    id: row.id,
    parentLabId: row.parent_lab_id,
    settings: parseSettings(row.settings_json),
    clockOffsetSeconds: row.clock_offset_seconds,
    clockFrozenAtSeconds: row.clock_frozen_at_seconds,
    ironPassword: row.iron_password,
    jwtKey: { alg: row.jwt_alg as StoredJwtKey['alg'], kid: row.jwt_kid, jwk: parseJwk(row.jwt_key_json) },
    keyGeneration: row.key_generation,
    lastUsedAtMs: row.last_used_at_ms,
    now: () => labNowSeconds(row.clock_offset_seconds, row.clock_frozen_at_seconds),
  };
}

export function findLab(store: StoreTables, labId: string): Lab | null {
  if (!LAB_ID_PATTERN.test(labId)) return null;
  const row = store.labs.findById(labId);
  return row ? labFromRow(row) : null;
}
