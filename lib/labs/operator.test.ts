import { describe, expect, it } from 'vitest';
import { frozenLab } from '@/tests/support/frozen-lab';
import { advanceClock, rotateJwtKey, updateSettings } from './operator';

/**
 * A handler loads its lab at request start and writes after an await: each
 * test hands the operator a snapshot that another request has since made
 * stale, as overlapping HTTP requests do.
 */
describe('operator writes against a stale lab snapshot', () => {
  it('a {jwtAlg} PATCH still awaiting its key does not undo a {jwtTtlSeconds} PATCH that committed meanwhile', async () => {
    const lab = await frozenLab();
    const snapshot = lab.lab();
    const algChange = updateSettings(lab.store, snapshot, { jwtAlg: 'ES256' }); // awaits key generation
    await updateSettings(lab.store, snapshot, { jwtTtlSeconds: 600 });
    await algChange;
    const now = lab.lab();
    expect(now.settings).toMatchObject({ jwtAlg: 'ES256', jwtTtlSeconds: 600 });
    expect(now.jwtKey.alg).toBe('ES256');
  });

  it('a {jwtTtlSeconds} PATCH that loaded the lab before an alg change keeps settings.jwtAlg equal to the key', async () => {
    const lab = await frozenLab();
    const snapshot = lab.lab();
    expect(await updateSettings(lab.store, snapshot, { jwtAlg: 'EdDSA' })).toMatchObject({ keyRotated: true });
    expect(await updateSettings(lab.store, snapshot, { jwtTtlSeconds: 600 })).toMatchObject({
      settings: { jwtAlg: 'EdDSA', jwtTtlSeconds: 600 },
      keyRotated: false,
    });
    const now = lab.lab();
    expect(now.settings.jwtAlg).toBe('EdDSA');
    expect(now.jwtKey.alg).toBe('EdDSA');
  });

  it('a key rotation that loaded the lab before an alg change makes a key of the new alg', async () => {
    const lab = await frozenLab();
    const snapshot = lab.lab();
    await updateSettings(lab.store, snapshot, { jwtAlg: 'ES256' });
    const rotated = await rotateJwtKey(lab.store, snapshot);
    const now = lab.lab();
    expect(now.jwtKey.alg).toBe('ES256');
    expect(now.jwtKey.kid).toBe(rotated.kid);
  });

  it('two key rotations from one snapshot report two generations, as stored', async () => {
    const lab = await frozenLab();
    const snapshot = lab.lab();
    const first = await rotateJwtKey(lab.store, snapshot);
    const second = await rotateJwtKey(lab.store, snapshot);
    expect([first.keyGeneration, second.keyGeneration]).toEqual([snapshot.keyGeneration + 1, snapshot.keyGeneration + 2]);
    expect(lab.lab().keyGeneration).toBe(second.keyGeneration);
  });

  it('two clock advances from one snapshot report the clock each produced', async () => {
    const lab = await frozenLab();
    const snapshot = lab.lab();
    expect(advanceClock(lab.store, snapshot, 60)).toEqual({ now: snapshot.now() + 60, clockOffsetSeconds: 60 });
    expect(advanceClock(lab.store, snapshot, 60)).toEqual({ now: snapshot.now() + 120, clockOffsetSeconds: 120 });
    expect(lab.lab().now()).toBe(snapshot.now() + 120);
  });
});
