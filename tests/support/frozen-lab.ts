import { randomBytes } from 'node:crypto';
import { createMemoryStore } from '@/lib/db/testing';
import type { Store } from '@/lib/db/store';
import { generateJwtKey } from '@/lib/auth/keys';
import { findLab, type Lab } from '@/lib/labs/lab';
import { defaultSettings, type LabSettings } from '@/lib/labs/settings';
import { newLabId } from '@/lib/labs/create';
import type { AuthContext, AuthUser, CookieJar, CookieWrite } from '@/lib/auth/types';

/** A fixed lab-clock start, so every expiry in a unit test is an exact number. */
export const FROZEN_AT = 1_800_000_000;

export type FrozenLab = {
  store: Store;
  labId: string;
  users: Record<'alice' | 'bob' | 'carol', AuthUser>;
  /** A fresh context, read from the store: the lab's clock and settings as they are now. */
  ctx(): AuthContext;
  lab(): Lab;
  advance(seconds: number): void;
};

/**
 * An in-memory store holding one lab with a frozen clock and the three seed
 * users (password hashes are placeholders: strategy tests never log in by
 * password). No scrypt, no real clock.
 */
export async function frozenLab(settings: Partial<LabSettings> = {}, store: Store = createMemoryStore()): Promise<FrozenLab> {
  const key = await generateJwtKey(settings.jwtAlg ?? defaultSettings.jwtAlg);
  const labId = newLabId();
  store.labs.insert({
    id: labId,
    parent_lab_id: null,
    created_at_ms: 0,
    last_used_at_ms: 0,
    clock_offset_seconds: 0,
    clock_frozen_at_seconds: FROZEN_AT,
    settings_json: JSON.stringify({ ...defaultSettings, ...settings }),
    iron_password: randomBytes(32).toString('base64url'),
    jwt_alg: key.alg,
    jwt_kid: key.kid,
    jwt_key_json: JSON.stringify(key.jwk),
    key_generation: 1,
  });
  const add = (username: string, role: 'admin' | 'user'): AuthUser => ({
    id: store.users.insert(labId, username, 'not-a-real-hash', null, role),
    username,
    role,
  });
  const users = { alice: add('alice', 'admin'), bob: add('bob', 'user'), carol: add('carol', 'user') };
  const lab = () => findLab(store, labId)!;
  return {
    store,
    labId,
    users,
    lab,
    ctx: () => {
      const l = lab();
      return { store, lab: l, now: l.now() };
    },
    advance: (seconds) => void store.labs.advanceClock(labId, seconds),
  };
}

/** The jar a browser would send back: every cookie written, by name. */
export function jarOf(writes: readonly CookieWrite[], extra: Record<string, string> = {}): CookieJar {
  return new Map([...writes.map((w) => [w.name, w.value] as const), ...Object.entries(extra)]);
}
