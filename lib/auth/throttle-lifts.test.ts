import { afterEach, describe, expect, it } from 'vitest';
import { setRealClockForTests } from '../clock';
import { createMemoryStore } from '../db/testing';
import { createLab } from '../labs/create';
import { findLab } from '../labs/lab';
import { advanceClock } from '../labs/operator';
import { login } from './flows';
import { findStrategy } from './registry';

/**
 * The login flow under a locked account, on an injected real-time clock: the
 * answer names the wait in Retry-After, the right password is refused until
 * exactly then and works from that second on. (The API suite checks the 429
 * and its header over HTTP; this is the part that would otherwise need a real
 * 30 s sleep.)
 */

let nowMs = 1_800_000_000_000;
afterEach(() => setRealClockForTests(null));

async function labWithBob() {
  setRealClockForTests(() => nowMs);
  const store = createMemoryStore();
  const { lab, users } = await createLab(store);
  const password = users.find((u) => u.username === 'bob')!.password;
  const attempt = (pw: string) => {
    const now = findLab(store, lab.id)!; // read again: the lab clock may have moved
    return login({ store, lab: now, now: now.now() }, findStrategy('jwt')!, { username: 'bob', password: pw });
  };
  return { store, lab, password, attempt };
}

const locked = (retryAfter: string) => ({ status: 429, reason: 'too-many-failed-logins', headers: { 'Retry-After': retryAfter } });

describe('a throttled login', () => {
  it('is refused, right password included, for exactly the Retry-After it names; then the right password works again', async () => {
    const { password, attempt } = await labWithBob();
    for (let i = 0; i < 5; i++) await expect(attempt(`wrong-${i}`)).rejects.toMatchObject({ status: 401, reason: 'invalid-credentials' });
    await expect(attempt(password)).rejects.toMatchObject(locked('30'));
    nowMs += 29_000;
    await expect(attempt(password)).rejects.toMatchObject(locked('1'));
    nowMs += 1_000;
    await expect(attempt(password)).resolves.toMatchObject({ user: { username: 'bob' } });
    // The success reset the count: one more typo does not lock again.
    await expect(attempt('wrong-again')).rejects.toMatchObject({ status: 401, reason: 'invalid-credentials' });
    await expect(attempt(password)).resolves.toMatchObject({ user: { username: 'bob' } });
  });

  it('moving the lab clock a day ahead does not lift it: only real time does', async () => {
    const { store, lab, password, attempt } = await labWithBob();
    for (let i = 0; i < 5; i++) await attempt(`wrong-${i}`).catch(() => undefined);
    advanceClock(store, lab, 24 * 60 * 60);
    await expect(attempt(password)).rejects.toMatchObject(locked('30'));
    nowMs += 30_000;
    await expect(attempt(password)).resolves.toMatchObject({ user: { username: 'bob' } });
  });
});
