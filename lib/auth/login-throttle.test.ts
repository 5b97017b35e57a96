import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, insertBareLab } from '../db/testing';
import { setRealClockForTests } from '../clock';
import { lockedForSeconds, MAX_FAILURES, recordFailure, recordSuccess } from './login-throttle';

/** The throttle on a fake real-time clock: lock lengths, the cap, the window, and no permanent lockout. */

let nowMs = 1_800_000_000_000;
const advance = (seconds: number) => (nowMs += seconds * 1000);
afterEach(() => setRealClockForTests(null));

function storeWithLab() {
  setRealClockForTests(() => nowMs);
  const store = createMemoryStore();
  for (const id of ['lab-a', 'lab-b']) insertBareLab(store, id);
  return store;
}

describe('login throttle', () => {
  it(`locks after ${MAX_FAILURES} failures for 30 s, then doubles per failure, capped at 15 minutes`, () => {
    const store = storeWithLab();
    for (let i = 1; i < MAX_FAILURES; i++) {
      recordFailure(store, 'lab-a', 'bob');
      expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(0);
    }
    recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(30);
    advance(29);
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(1);
    advance(1);
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(0);
    recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(60);
    for (let i = 0; i < 20; i++) recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(15 * 60);
  });

  it('is never permanent: after the window a failure starts counting from one again', () => {
    const store = storeWithLab();
    for (let i = 0; i < 30; i++) recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(15 * 60);
    advance(15 * 60 + 1);
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(0);
    recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(0);
  });

  it('a success clears the count; locks are per lab and per username', () => {
    const store = storeWithLab();
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(store, 'lab-a', 'bob');
    recordSuccess(store, 'lab-a', 'bob');
    recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(0);
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(store, 'lab-a', 'bob');
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBeGreaterThan(0);
    expect(lockedForSeconds(store, 'lab-b', 'bob')).toBe(0);
    expect(lockedForSeconds(store, 'lab-a', 'carol')).toBe(0);
  });

  it("runs on real time: moving the lab's clock does not lift a lock", () => {
    const store = storeWithLab();
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(store, 'lab-a', 'bob');
    store.labs.advanceClock('lab-a', 365 * 24 * 60 * 60);
    expect(lockedForSeconds(store, 'lab-a', 'bob')).toBe(30);
  });
});
