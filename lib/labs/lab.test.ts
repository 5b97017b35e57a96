import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../db/testing';
import { generateJwtKey } from '../auth/keys';
import { findLab } from './lab';
import { defaultSettings } from './settings';
import { frozenLab } from '@/tests/support/frozen-lab';

describe('labFromRow', () => {
  it('parses the settings and the key once per stored text, shared and frozen', async () => {
    const store = createMemoryStore();
    const a = await frozenLab({}, store);
    const b = await frozenLab({}, store);
    // Same settings text: one parsed object, not a parse per request.
    expect(findLab(store, a.labId)!.settings).toBe(findLab(store, b.labId)!.settings);
    expect(findLab(store, a.labId)!.jwtKey.jwk).toBe(findLab(store, a.labId)!.jwtKey.jwk);
    expect(Object.isFrozen(findLab(store, a.labId)!.settings)).toBe(true);
    expect(Object.isFrozen(findLab(store, a.labId)!.jwtKey.jwk)).toBe(true);
  });

  it('never serves stale settings or keys: new stored text is parsed afresh', async () => {
    const store = createMemoryStore();
    const { labId } = await frozenLab({}, store);
    const before = findLab(store, labId)!;

    store.labs.updateSettings(labId, JSON.stringify({ ...defaultSettings, accessTtlSeconds: 42 }));
    expect(findLab(store, labId)!.settings.accessTtlSeconds).toBe(42);
    store.labs.updateSettings(labId, JSON.stringify(defaultSettings));
    expect(findLab(store, labId)!.settings).toEqual(defaultSettings);

    const key = await generateJwtKey('ES256');
    store.labs.replaceJwtKey(labId, key.alg, key.kid, JSON.stringify(key.jwk));
    const after = findLab(store, labId)!;
    expect(after.jwtKey).toEqual(key);
    expect(after.jwtKey.jwk).not.toEqual(before.jwtKey.jwk);
  });

  it('still refuses stored settings that do not parse, every time', async () => {
    const store = createMemoryStore();
    const { labId } = await frozenLab({}, store);
    store.labs.updateSettings(labId, JSON.stringify({ ...defaultSettings, jwtAlg: 'none' }));
    expect(() => findLab(store, labId)).toThrow();
    expect(() => findLab(store, labId)).toThrow();
  });
});
