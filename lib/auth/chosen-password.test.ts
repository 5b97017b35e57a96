import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../db/testing';
import { createLab } from '../labs/create';
import { jarOf } from '@/tests/support/frozen-lab';

/**
 * Seeded demo accounts are hashed cheaply (their passwords are printed on the
 * page), but a password a person chooses through a password change gets the
 * full OWASP set — and only the explicit, test-only switch changes that.
 * docs/SECURITY.md, "Passwords and login throttling".
 */

const OWASP = /^scrypt\$N=8192,r=8,p=10\$/;
const SEEDED = /^scrypt\$N=64,r=8,p=1\$/;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** flows, registry and passwords as the server would load them under the current environment. */
async function load() {
  const [{ changePassword, login }, { findStrategy }, { verifyPassword }] = await Promise.all([
    import('./flows'),
    import('./registry'),
    import('./passwords'),
  ]);
  return { changePassword, login, jwt: findStrategy('jwt')!, verifyPassword };
}

/** A real lab (cheap seeded hashes) where bob, logged in with jwt, changes his password. */
async function bobChangesHisPassword(newPassword: string) {
  const { changePassword, login, jwt, verifyPassword } = await load();
  const store = createMemoryStore();
  const { lab, users } = await createLab(store);
  const ctx = () => ({ store, lab, now: lab.now() });
  const bob = users.find((u) => u.username === 'bob')!;
  expect(store.users.findByName(lab.id, 'bob')!.password_hash).toMatch(SEEDED);
  const { cookies } = await login(ctx(), jwt, { username: 'bob', password: bob.password });
  await changePassword(ctx(), jwt, jarOf(cookies), { currentPassword: bob.password, newPassword });
  const row = store.users.findByName(lab.id, 'bob')!;
  return { row, verifyPassword, oldPassword: bob.password };
}

describe('a password a person chooses', () => {
  it('is hashed with the full OWASP parameters (N=8192, r=8, p=10), though the seeded accounts are cheap', async () => {
    vi.stubEnv('UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING', '');
    vi.resetModules();
    const { row, verifyPassword, oldPassword } = await bobChangesHisPassword('a passphrase bob chose');
    expect(row.password_hash).toMatch(OWASP);
    expect(row.demo_password).toBeNull(); // never kept in clear
    expect(await verifyPassword('a passphrase bob chose', row.password_hash)).toBe(true);
    expect(await verifyPassword(oldPassword, row.password_hash)).toBe(false);
  }, 60_000);

  it('is hashed cheaply only under the explicit test-only switch UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING=1', async () => {
    vi.stubEnv('UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING', '1');
    vi.resetModules();
    const { row, verifyPassword } = await bobChangesHisPassword('a passphrase bob chose');
    expect(row.password_hash).toMatch(SEEDED);
    expect(await verifyPassword('a passphrase bob chose', row.password_hash)).toBe(true);
  });

  it('the switch takes "1", "0" or nothing: any other value stops the server at boot', async () => {
    for (const value of ['true', 'yes', 'on', ' 1']) {
      vi.stubEnv('UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING', value);
      vi.resetModules();
      await expect(import('./passwords')).rejects.toThrow(/UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING is a test-only switch/);
    }
  });
});
