import 'server-only';
import { ApiError } from '../http';
import { labNowSeconds } from '../clock';
import type { Store, StoreTables } from '../db/store';
import type { Role, UserRow } from '../db/users';
import { generateJwtKey } from '../auth/keys';
import { broadcastUserEvent } from '../auth/user-events';
import { toAuthUser } from '../auth/flows';
import { usernameSchema } from '../validation';
import { findLab, type Lab } from './lab';
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
  if (!row) throw new ApiError('unknown-user', 'No user with this name in this lab.');
  return row;
}

export function setRole(store: Store, lab: Lab, username: string, role: Role): UserView {
  const row = requireUser(store, lab, username);
  // Nothing changes, so nothing is revoked: a repeated click must not log out every jwt-version device.
  if (row.role === role) return userView(row);
  const ctx = { store, lab, now: lab.now() };
  store.transaction((tx) => {
    tx.users.setRole(lab.id, row.id, role);
    broadcastUserEvent(tx, ctx, { ...toAuthUser(row), role }, 'role-change');
  });
  return userView(store.users.findById(lab.id, row.id)!);
}

export function setBanned(store: Store, lab: Lab, username: string, banned: boolean): UserView {
  const row = requireUser(store, lab, username);
  const ctx = { store, lab, now: lab.now() };
  store.transaction((tx) => {
    tx.users.setBanned(lab.id, row.id, banned);
    if (banned) broadcastUserEvent(tx, ctx, toAuthUser(row), 'ban');
  });
  return userView(store.users.findById(lab.id, row.id)!);
}

// The sweeper may delete an idle lab between the request's first read and its write.
const labGone = () => new ApiError('unknown-lab', 'This lab was deleted.');

/**
 * The lab as it is now, for a read-modify-write inside a transaction: the
 * `lab` a handler loaded at request start may be stale by then (another
 * operator request committed while this one awaited).
 */
function currentLab(store: StoreTables, labId: string): Lab {
  const lab = findLab(store, labId);
  if (!lab) throw labGone();
  return lab;
}

/** Replaces the signing key: every JWT signed with the old one stops verifying, everyone's. */
export async function rotateJwtKey(store: Store, lab: Lab): Promise<{ kid: string; keyGeneration: number }> {
  // Key generation is async, so it cannot run under the write lock; if a
  // settings PATCH changed the alg meanwhile, a key of the old alg would
  // contradict settings.jwtAlg: make one of the new alg and try again.
  let alg = lab.settings.jwtAlg;
  for (let attempt = 0; attempt < 3; attempt++) {
    const key = await generateJwtKey(alg);
    const keyGeneration = store.transaction((tx) => {
      const current = currentLab(tx, lab.id);
      if (current.settings.jwtAlg !== key.alg) {
        alg = current.settings.jwtAlg;
        return null;
      }
      return tx.labs.replaceJwtKey(lab.id, key.alg, key.kid, JSON.stringify(key.jwk)) ?? null;
    });
    if (keyGeneration !== null) return { kid: key.kid, keyGeneration };
  }
  throw new ApiError('settings-changing', 'The signing algorithm kept changing; try again.');
}

/**
 * How far ahead a lab clock may run in total. Far beyond any lifetime a lab
 * teaches (the longest setting is 90 days), and far below where
 * `new Date(now * 1000)` stops being a valid date.
 */
export const MAX_CLOCK_OFFSET_SECONDS = 10 * 365 * 24 * 60 * 60;

export function advanceClock(store: Store, lab: Lab, seconds: number): { now: number; clockOffsetSeconds: number } {
  const clock = store.transaction((tx) => {
    if (currentLab(tx, lab.id).clockOffsetSeconds + seconds > MAX_CLOCK_OFFSET_SECONDS) {
      throw new ApiError('clock-limit', 'A lab clock may run at most 10 years ahead.');
    }
    return tx.labs.advanceClock(lab.id, seconds);
  });
  if (!clock) throw labGone();
  return {
    now: labNowSeconds(clock.clock_offset_seconds, clock.clock_frozen_at_seconds),
    clockOffsetSeconds: clock.clock_offset_seconds,
  };
}

/** Changing jwtAlg needs a key of the new kind, so it rotates the key too (and says so). */
export async function updateSettings(store: Store, lab: Lab, patch: Partial<LabSettings>) {
  // The key first: generating it is async and cannot run inside the transaction.
  const key = patch.jwtAlg ? await generateJwtKey(patch.jwtAlg) : null;
  return store.transaction((tx) => {
    // Merged into the settings as they are now, under the write lock: two
    // overlapping PATCHes ({jwtAlg}, {jwtTtlSeconds}) both keep their change.
    const current = currentLab(tx, lab.id);
    const settings = mergeSettings(current.settings, patch);
    // settings.jwtAlg and the stored key's alg are written together, so they never disagree.
    const keyRotated = key !== null && current.jwtKey.alg !== settings.jwtAlg;
    tx.labs.updateSettings(lab.id, JSON.stringify(settings));
    if (keyRotated) tx.labs.replaceJwtKey(lab.id, key.alg, key.kid, JSON.stringify(key.jwk));
    return { settings, keyRotated };
  });
}
