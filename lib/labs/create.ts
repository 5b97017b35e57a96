import { randomBytes, randomInt } from 'node:crypto';
import { realNowMs } from '../clock';
import type { Store } from '../db/store';
import type { Role } from '../db/users';
import { hashPassword, PRINTED_DEMO_PASSWORD_PARAMS } from '../auth/passwords';
import { generateJwtKey } from '../auth/keys';
import { defaultSettings, type LabSettings } from './settings';
import { findLab, type Lab } from './lab';

export type DemoUser = { username: string; password: string; role: Role };

export const seedUsers: readonly { username: string; role: Role }[] = [
  { username: 'alice', role: 'admin' },
  { username: 'bob', role: 'user' },
  { username: 'carol', role: 'user' },
];

const words = [
  'amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'indigo', 'juniper',
  'kelp', 'lagoon', 'maple', 'nectar', 'orchid', 'pebble', 'quartz', 'river', 'saffron', 'tundra',
  'umber', 'violet', 'willow', 'yarrow', 'zephyr', 'canyon', 'meadow', 'lantern', 'comet', 'falcon',
];

/** Demo passwords are shown on the lab page, so they are made to be read aloud, not to be secret. */
export function demoPassword(): string {
  const pick = () => words[randomInt(words.length)]!;
  return `${pick()}-${pick()}-${randomInt(1000, 10000)}`;
}

/** 128 random bits, base64url: the lab id is the capability to use the lab. */
export function newLabId(): string {
  return randomBytes(16).toString('base64url');
}

export async function createLab(store: Store): Promise<{ lab: Lab; users: DemoUser[] }> {
  const users = seedUsers.map((u) => ({ ...u, password: demoPassword() }));
  const [hashes, jwtKey] = await Promise.all([
    Promise.all(users.map((u) => hashPassword(u.password, PRINTED_DEMO_PASSWORD_PARAMS))),
    generateJwtKey(defaultSettings.jwtAlg),
  ]);
  const id = newLabId();
  const nowMs = realNowMs();
  store.transaction(() => {
    store.labs.insert({
      id,
      parent_lab_id: null,
      created_at_ms: nowMs,
      last_used_at_ms: nowMs,
      clock_offset_seconds: 0,
      clock_frozen_at_seconds: null,
      settings_json: JSON.stringify(defaultSettings),
      // iron-session needs at least 32 characters; 32 random bytes give 43.
      iron_password: randomBytes(32).toString('base64url'),
      jwt_alg: jwtKey.alg,
      jwt_kid: jwtKey.kid,
      jwt_key_json: JSON.stringify(jwtKey.jwk),
      key_generation: 1,
    });
    users.forEach((u, i) => store.users.insert(id, u.username, hashes[i]!, u.password, u.role));
  });
  return { lab: findLab(store, id)!, users };
}

/**
 * A throwaway lab for one scenario run: the parent's settings and users
 * (password hashes copied, so no re-hashing), fresh keys, and a frozen clock
 * so that windows are measured to the second. Deleted with its parent.
 */
export async function createChildLab(store: Store, parent: Lab, settings: LabSettings = parent.settings): Promise<Lab> {
  const jwtKey = await generateJwtKey(settings.jwtAlg);
  const id = newLabId();
  const nowMs = realNowMs();
  store.transaction(() => {
    store.labs.insert({
      id,
      parent_lab_id: parent.id,
      created_at_ms: nowMs,
      last_used_at_ms: nowMs,
      clock_offset_seconds: 0,
      clock_frozen_at_seconds: parent.now(),
      settings_json: JSON.stringify(settings),
      iron_password: randomBytes(32).toString('base64url'),
      jwt_alg: jwtKey.alg,
      jwt_kid: jwtKey.kid,
      jwt_key_json: JSON.stringify(jwtKey.jwk),
      key_generation: 1,
    });
    for (const u of store.users.listInLab(parent.id)) {
      store.users.insert(id, u.username, u.password_hash, u.demo_password, u.role);
    }
  });
  return findLab(store, id)!;
}
