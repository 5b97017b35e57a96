import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../db/testing';
import { createLab } from '../labs/create';
import { login } from './flows';
import { recordSuccess } from './login-throttle';
import { findStrategy } from './registry';

/**
 * "No such user" must cost what "wrong password" costs for a seeded account,
 * or the time of the answer tells which usernames exist. Both verify at the
 * seeded accounts' cheap parameters (~0.2 ms), too little to see through an
 * HTTP round trip, so it is measured here, in-process: a path that skipped the
 * hash for unknown users would be several times faster than a real scrypt.
 */

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn().catch(() => undefined);
  return performance.now() - started;
}

describe('login timing', () => {
  it('an unknown user costs a real scrypt, as a wrong password for a seeded account does', async () => {
    const store = createMemoryStore();
    const { lab } = await createLab(store);
    const jwt = findStrategy('jwt')!;
    const attempt = (username: string) => login({ store, lab, now: lab.now() }, jwt, { username, password: 'not-the-password' });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 80; i++) {
      // Alternate, so whatever else the machine does falls on both sides alike.
      known.push(await timed(() => attempt('bob')));
      unknown.push(await timed(() => attempt(`ghost-${i}`)));
      recordSuccess(store, lab.id, 'bob'); // keep bob below the throttle: this measures hashing, not the lock
    }
    const [k, u] = [median(known.slice(10)), median(unknown.slice(10))]; // the first few warm caches up
    expect(u / k, `median wrong password ${k.toFixed(3)} ms, unknown user ${u.toFixed(3)} ms`).toBeGreaterThan(0.5);
    expect(u / k, `median wrong password ${k.toFixed(3)} ms, unknown user ${u.toFixed(3)} ms`).toBeLessThan(2);
  });
});
