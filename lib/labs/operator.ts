import 'server-only';
import { ApiError } from '../http';
import type { Store } from '../db/store';
import type { Role, UserRow } from '../db/users';
import { generateJwtKey } from '../auth/keys';
import { broadcastUserEvent } from '../auth/user-events';
import { toAuthUser } from '../auth/flows';
import { usernameSchema } from '../validation';
import type { Lab } from './lab';
import { mergeSettings, type LabSettings } from './settings';

/** The lab's admin console. The lab id in the URL is the capability; there is no other operator login. */

export type UserView = { username: string; role: Role; banned: boolean; password: string | null };

export const userView = (row: UserRow): UserView => ({
  username: row.username,
  role: row.role,
  banned: row.banned === 1,
  password: row.demo_password,
});

function requireUser(store: Store, lab: Lab, username: string): UserRow {
  const row = usernameSchema.safeParse(username).success ? store.users.findByName(lab.id, username) : undefined;
  if (!row) throw new ApiError(404, 'not-found', 'unknown-user', 'No user with this name in this lab.');
  return row;
}

export function setRole(store: Store, lab: Lab, username: string, role: Role): UserView {
  const row = requireUser(store, lab, username);
  const ctx = { store, lab, now: lab.now() };
  store.transaction(() => {
    store.users.setRole(row.id, role);
    broadcastUserEvent(ctx, { ...toAuthUser(row), role }, 'role-change');
  });
  return userView(store.users.findById(lab.id, row.id)!);
}

export function setBanned(store: Store, lab: Lab, username: string, banned: boolean): UserView {
  const row = requireUser(store, lab, username);
  const ctx = { store, lab, now: lab.now() };
  store.transaction(() => {
    store.users.setBanned(row.id, banned);
    if (banned) broadcastUserEvent(ctx, toAuthUser(row), 'ban');
  });
  return userView(store.users.findById(lab.id, row.id)!);
}

/** Replaces the signing key: every JWT signed with the old one stops verifying, everyone's. */
export async function rotateJwtKey(store: Store, lab: Lab, alg = lab.settings.jwtAlg): Promise<{ kid: string; keyGeneration: number }> {
  const key = await generateJwtKey(alg);
  store.labs.replaceJwtKey(lab.id, key.alg, key.kid, JSON.stringify(key.jwk));
  return { kid: key.kid, keyGeneration: lab.keyGeneration + 1 };
}

export function advanceClock(store: Store, lab: Lab, seconds: number): { now: number; clockOffsetSeconds: number } {
  store.labs.advanceClock(lab.id, seconds);
  const offset = lab.clockOffsetSeconds + seconds;
  return { now: lab.now() + seconds, clockOffsetSeconds: offset };
}

/** Changing jwtAlg needs a key of the new kind, so it rotates the key too (and says so). */
export async function updateSettings(store: Store, lab: Lab, patch: Partial<LabSettings>) {
  const settings = mergeSettings(lab.settings, patch);
  const algChanged = settings.jwtAlg !== lab.settings.jwtAlg;
  const key = algChanged ? await generateJwtKey(settings.jwtAlg) : null;
  store.transaction(() => {
    store.labs.updateSettings(lab.id, JSON.stringify(settings));
    if (key) store.labs.replaceJwtKey(lab.id, key.alg, key.kid, JSON.stringify(key.jwk));
  });
  return { settings, keyRotated: algChanged };
}
