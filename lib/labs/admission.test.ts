import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../db/testing';
import { ApiError } from '../http';
import { admitLabCreation, type LabLimits } from './admission';
import { createLab } from './create';

const limits: LabLimits = { labLimit: 5, labsPerClient: 2, creationsPerClientPerMinute: 10, labIdleSeconds: 3600 };

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('lab admission (issue 13.1)', () => {
  it('caps live labs per client with 429 too-many-labs and a Retry-After until its oldest lab expires; another client is not affected', async () => {
    const store = createMemoryStore();
    await createLab(store, { client: '10.0.0.1' }, limits);
    await createLab(store, { client: '10.0.0.1' }, limits);
    const err = await refusal(createLab(store, { client: '10.0.0.1' }, limits));
    expect([err.status, err.error, err.reason]).toEqual([429, 'too-many-requests', 'too-many-labs']);
    const retry = Number(err.headers['Retry-After']);
    expect(retry).toBeGreaterThan(3500);
    expect(retry).toBeLessThanOrEqual(3600);
    await createLab(store, { client: '10.0.0.2' }, limits);
  });

  it('a deleted (expired) lab frees its client’s place', async () => {
    const store = createMemoryStore();
    const { lab } = await createLab(store, { client: '10.0.0.1' }, limits);
    await createLab(store, { client: '10.0.0.1' }, limits);
    store.labs.deleteById(lab.id);
    await createLab(store, { client: '10.0.0.1' }, limits);
  });

  it('workshop labs never count against the joining client: a room of joiners behind one address is not refused by the per-client cap', async () => {
    const store = createMemoryStore();
    const roomLimits = { ...limits, labLimit: 1000, labsPerClient: 2, creationsPerClientPerMinute: 2 };
    for (let i = 0; i < 30; i++) await createLab(store, { workshop: 'w1' }, roomLimits);
    // The NAT's own address still has its whole share for "Start a lab".
    await createLab(store, { client: '192.168.1.1' }, roomLimits);
    await createLab(store, { client: '192.168.1.1' }, roomLimits);
    expect((await refusal(createLab(store, { client: '192.168.1.1' }, roomLimits))).reason).toBe('too-many-lab-creations');
  });

  it('past the global cap every owner, workshops included, is answered 503 lab-limit-reached', async () => {
    const store = createMemoryStore();
    for (let i = 0; i < 5; i++) await createLab(store, { workshop: `w${i}` }, limits);
    for (const owner of [{ client: '10.0.0.9' }, { workshop: 'w9' }, null]) {
      const err = await refusal(createLab(store, owner, limits));
      expect([err.status, err.error, err.reason]).toEqual([503, 'unavailable', 'lab-limit-reached']);
      expect(Number(err.headers['Retry-After'])).toBeGreaterThan(0);
    }
  });

  it('parallel creations are counted under the write lock: a burst cannot overshoot the cap', async () => {
    const store = createMemoryStore();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createLab(store, { client: '10.0.0.1' }, limits)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(() => admitLabCreation(store, { client: '10.0.0.1' }, limits)).toThrow(ApiError);
  });
});
