import { afterEach, describe, expect, it, vi } from 'vitest';
import { setRealClockForTests } from '../clock';
import { createMemoryStore } from '../db/testing';
import type { Store } from '../db/store';
import { findLab } from './lab';
import { visitLab } from './resolve';
import { activityStampIntervalMs, recordLabActivity, sweepIdleLabs } from './sweeper';
import { frozenLab } from '@/tests/support/frozen-lab';

const DAY_SECONDS = 24 * 3600;
// lib/db/index.ts keeps the process's one store here; visitLab reads it through getStore().
const holder = globalThis as unknown as { __revocationLabStore?: Store };
const storeBefore = holder.__revocationLabStore;

afterEach(() => {
  setRealClockForTests(null);
  holder.__revocationLabStore = storeBefore;
  vi.restoreAllMocks();
});

/** A lab whose last-activity stamp is the fake real clock's now. */
async function labUsedAt(nowMs: number, store = createMemoryStore()) {
  const { labId } = await frozenLab({}, store);
  store.labs.touch(labId, nowMs, nowMs);
  return { store, labId };
}

describe('lab activity stamp', () => {
  it('is rewritten by visitLab only once the stored stamp is over a minute old, not on every request', async () => {
    let realMs = 1_800_000_000_000;
    setRealClockForTests(() => realMs);
    const { store, labId } = await labUsedAt(realMs);
    holder.__revocationLabStore = store;
    const touch = vi.spyOn(store.labs, 'touch');

    for (let i = 0; i < 60; i++) {
      realMs += 1000;
      visitLab(labId);
    }
    expect(touch).not.toHaveBeenCalled();
    expect(findLab(store, labId)!.lastUsedAtMs).toBe(1_800_000_000_000);

    realMs += 1000; // the stamp is now over a minute old
    visitLab(labId);
    expect(touch).toHaveBeenCalledTimes(1);
    expect(findLab(store, labId)!.lastUsedAtMs).toBe(realMs);
    realMs += 1000;
    visitLab(labId);
    expect(touch).toHaveBeenCalledTimes(1);
  });

  it('never moves the stamp backwards when another request wrote a newer one since the row was read', async () => {
    const t0 = 1_800_000_000_000;
    const { store, labId } = await labUsedAt(t0);
    const staleRead = findLab(store, labId)!;
    expect(recordLabActivity(store, staleRead, DAY_SECONDS, t0 + 120_000)).toBe(true);
    expect(recordLabActivity(store, staleRead, DAY_SECONDS, t0 + 90_000)).toBe(true); // read before the first write
    expect(findLab(store, labId)!.lastUsedAtMs).toBe(t0 + 120_000);
  });

  it('keeps a lab in use from being swept, and lets an idle one go, at the default and at a short idle limit', async () => {
    for (const idleSeconds of [DAY_SECONDS, 30]) {
      let realMs = 1_800_000_000_000;
      setRealClockForTests(() => realMs);
      const { store, labId } = await labUsedAt(realMs);
      const stepMs = activityStampIntervalMs(idleSeconds) / 2;
      expect(activityStampIntervalMs(idleSeconds)).toBeLessThanOrEqual((idleSeconds * 1000) / 10);

      // In use for twice the idle limit, a request every half interval, the sweep run before each.
      const endMs = realMs + 2 * idleSeconds * 1000;
      while (realMs < endMs) {
        realMs += stepMs;
        expect(sweepIdleLabs(store, idleSeconds, true)).toBe(0);
        recordLabActivity(store, findLab(store, labId)!, idleSeconds);
      }
      expect(realMs - findLab(store, labId)!.lastUsedAtMs).toBeLessThanOrEqual(activityStampIntervalMs(idleSeconds));

      // Then nobody comes back: gone once the limit has passed since the last stamp, not before.
      realMs = findLab(store, labId)!.lastUsedAtMs + idleSeconds * 1000;
      expect(sweepIdleLabs(store, idleSeconds, true)).toBe(0);
      realMs += 1;
      expect(sweepIdleLabs(store, idleSeconds, true)).toBe(1);
      expect(findLab(store, labId)).toBeNull();
    }
  });
});
