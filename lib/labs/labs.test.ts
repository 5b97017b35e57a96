import { afterEach, describe, expect, it } from 'vitest';
import { setRealClockForTests } from '../clock';
import { createMemoryStore } from '../db/testing';
import { verifyPassword } from '../auth/passwords';
import { createChildLab, createLab } from './create';
import { findLab, LAB_ID_PATTERN } from './lab';
import { defaultSettings } from './settings';
import { sweepIdleLabs } from './sweeper';
import { advanceClock } from './operator';

afterEach(() => setRealClockForTests(null));

describe('labs', () => {
  it('creates a lab with an unguessable id, an admin and two users whose passwords are hashed, and its own secrets', async () => {
    const store = createMemoryStore();
    const { lab, users } = await createLab(store);
    expect(lab.id).toMatch(LAB_ID_PATTERN);
    expect(Buffer.from(lab.id, 'base64url')).toHaveLength(16); // 128 bits
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'user').length).toBeGreaterThanOrEqual(2);
    for (const u of users) {
      const row = store.users.findByName(lab.id, u.username)!;
      expect(row.password_hash).not.toContain(u.password);
      // Printed demo passwords are hashed at the seeded-account cost (docs/SECURITY.md, "Passwords").
      expect(row.password_hash).toMatch(/^scrypt\$N=64,r=8,p=1\$/);
      expect(await verifyPassword(u.password, row.password_hash)).toBe(true);
      expect(await verifyPassword(`${u.password}x`, row.password_hash)).toBe(false);
    }
    expect(lab.settings).toEqual(defaultSettings);
    const other = (await createLab(store)).lab;
    expect(other.id).not.toBe(lab.id);
    expect(other.ironPassword).not.toBe(lab.ironPassword);
    expect(other.jwtKey.jwk).not.toEqual(lab.jwtKey.jwk);
  }, 60_000); // a dozen real scrypt hashes

  it('runs its clock at real time plus a stored offset, moved only by advanceClock', async () => {
    const store = createMemoryStore();
    let realMs = 1_800_000_000_000;
    setRealClockForTests(() => realMs);
    const { lab } = await createLab(store);
    expect(lab.now()).toBe(1_800_000_000);
    advanceClock(store, lab, 900);
    expect(findLab(store, lab.id)!.now()).toBe(1_800_000_900);
    realMs += 5_000;
    expect(findLab(store, lab.id)!.now()).toBe(1_800_000_905);
  });

  it('gives a child lab the parent settings and users, its own keys, and a frozen clock', async () => {
    const store = createMemoryStore();
    const { lab: parent } = await createLab(store);
    let realMs = 1_800_000_000_000;
    setRealClockForTests(() => realMs);
    const child = await createChildLab(store, parent);
    const frozenAt = child.now();
    realMs += 60_000;
    expect(findLab(store, child.id)!.now()).toBe(frozenAt);
    expect(store.users.listInLab(child.id).map((u) => u.username)).toEqual(store.users.listInLab(parent.id).map((u) => u.username));
    expect(child.jwtKey.jwk).not.toEqual(parent.jwtKey.jwk);
  });

  it('sweeps labs idle for longer than the limit, with everything they own, and keeps the others', async () => {
    const store = createMemoryStore();
    let realMs = 1_800_000_000_000;
    setRealClockForTests(() => realMs);
    const { lab: idle } = await createLab(store);
    realMs += 23 * 3600_000;
    const { lab: fresh } = await createLab(store);
    expect(sweepIdleLabs(store, 24 * 3600, true)).toBe(0);
    realMs += 2 * 3600_000; // idle is now 25 h old, fresh 2 h
    expect(sweepIdleLabs(store, 24 * 3600, true)).toBe(1);
    expect(findLab(store, idle.id)).toBeNull();
    expect(store.users.listInLab(idle.id)).toHaveLength(0);
    expect(findLab(store, fresh.id)).not.toBeNull();
  });
});
