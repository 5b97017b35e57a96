import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Store } from '../db/store';
import type { Role } from '../db/users';
import type { Lab } from '../labs/lab';
import type { LabSettings } from '../labs/settings';
import { createChildLab } from '../labs/create';
import { hashPassword, RANDOM_SECRET_PARAMS } from '../auth/passwords';

export type CastMember = { username: string; password: string; role: Role };
export type Cast = { victim: CastMember; bystanders: CastMember[] };

/**
 * A throwaway lab for one run: the parent's users and settings, fresh keys,
 * a frozen clock. Each user gets a fresh random password, because the
 * parent's may have been changed by the person (its demo password is then
 * gone) and the runner must be able to log in; being random, they are hashed
 * with RANDOM_SECRET_PARAMS. The victim is given the role the scenario needs
 * (the person may have demoted alice in their own lab).
 */
export async function createScenarioLab(
  store: Store,
  parent: Lab,
  victimRole: Role,
  settings: LabSettings = parent.settings,
): Promise<{ lab: Lab; cast: Cast }> {
  const lab = await createChildLab(store, parent, settings);
  try {
    const rows = store.users.listInLab(lab.id);
    const passwords = rows.map(() => randomBytes(16).toString('base64url'));
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p, RANDOM_SECRET_PARAMS)));
    // An ordinary user for ordinary scenarios, an admin for the demotion; roles are then set explicitly.
    const victimIndex = Math.max(0, rows.findIndex((r) => r.role === victimRole));
    store.transaction((tx) => {
      rows.forEach((row, i) => tx.users.setPassword(lab.id, row.id, hashes[i]!, passwords[i]!));
      tx.users.setRole(lab.id, rows[victimIndex]!.id, victimRole);
    });
    const members = rows.map((row, i) => ({
      username: row.username,
      password: passwords[i]!,
      role: i === victimIndex ? victimRole : row.role,
    }));
    return { lab, cast: { victim: members[victimIndex]!, bystanders: members.filter((_, i) => i !== victimIndex) } };
  } catch (err) {
    store.labs.deleteById(lab.id);
    throw err;
  }
}
