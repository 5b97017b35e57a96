import { describe, expect, it } from 'vitest';
import { issueCredentials } from '@/lib/auth/issue';
import { verifyCounted } from '@/lib/auth/measured';
import { jwtStrategy } from '@/lib/auth/strategies/jwt';
import { strategyIds } from '@/lib/auth/registry';
import { frozenLab, jarOf } from '@/tests/support/frozen-lab';
import { maxSettingSeconds } from '@/lib/labs/setting-bounds';
import { presetDefinitions, type PresetDefinition } from './definitions';
import { findPreset, loadPresets, presets, refusedPresets } from './registry';

const DAY = 86_400;

/**
 * The sources' numbers, written out once more by hand from the pages they
 * name (definitions.ts cites each): a preset whose settings drift from its
 * library's documented default fails here.
 */
const DOCUMENTED: Record<string, { strategy: string; settings: Record<string, number | string> }> = {
  'authjs-jwt': { strategy: 'authjs-jwt', settings: { jwtTtlSeconds: 30 * DAY } }, // session.maxAge 30 days
  'nextjs-guide': { strategy: 'jwt', settings: { jwtTtlSeconds: 7 * DAY, jwtAlg: 'HS256' } }, // setExpirationTime('7d'), HS256
  'iron-default': { strategy: 'iron-stateless', settings: { jwtTtlSeconds: 14 * DAY } }, // fourteenDaysInSeconds
  'better-auth-cached': { strategy: 'session-cached', settings: { sessionIdleSeconds: 7 * DAY, sessionAbsoluteSeconds: 90 * DAY, sessionCacheSeconds: 300 } },
  'clerk-like': { strategy: 'jwt-refresh', settings: { accessTtlSeconds: 60, refreshTtlSeconds: 7 * DAY } }, // 60 s token, 7-day session
  'firebase-id-token': { strategy: 'firebase-id-token', settings: { jwtTtlSeconds: 3600 } }, // ID tokens last an hour
  'firebase-check-revoked': { strategy: 'firebase-id-token', settings: { jwtTtlSeconds: 3600 } },
};

/** The settings each strategy reads: a preset must source every one of them. */
const READS: Record<PresetDefinition['strategy'], string[]> = {
  'authjs-jwt': ['jwtTtlSeconds'],
  jwt: ['jwtTtlSeconds', 'jwtAlg'],
  'iron-stateless': ['jwtTtlSeconds'],
  'session-cached': ['sessionIdleSeconds', 'sessionAbsoluteSeconds', 'sessionCacheSeconds'],
  'jwt-refresh': ['accessTtlSeconds', 'refreshTtlSeconds'],
  'firebase-id-token': ['jwtTtlSeconds'],
};

describe('library presets', () => {
  it('each preset’s settings equal its source’s numbers, and every preset loads', () => {
    expect(refusedPresets).toEqual([]);
    expect(Object.fromEntries(presets.map((p) => [p.id, { strategy: p.strategy, settings: Object.fromEntries(Object.keys(DOCUMENTED[p.id]?.settings ?? {}).map((k) => [k, p.settings[k as never]])) }]))).toEqual(DOCUMENTED);
  });

  it('every number names its source (an https URL) and says why; every setting its strategy reads is one of them', () => {
    for (const def of presetDefinitions) {
      expect(Object.keys(def.numbers).sort(), def.id).toEqual([...READS[def.strategy]].sort());
      for (const [key, n] of Object.entries(def.numbers)) {
        expect(n!.source, `${def.id}.${key}`).toMatch(/^https:\/\/[^\s]+$/);
        expect(n!.why.length, `${def.id}.${key}`).toBeGreaterThan(20);
      }
      expect(def.source.docsUrl).toMatch(/^https:\/\//);
      expect(def.source.issueUrl).toMatch(/^https:\/\/github\.com\//);
      expect(def.source.version.length).toBeGreaterThan(0);
    }
  });

  it('a preset outside the lab’s allowed ranges is refused at load, never clamped', () => {
    const tooLong: PresetDefinition = {
      ...presetDefinitions[0]!,
      // An id no preset has (a definition from a newer file, say): the loader must still refuse it.
      id: 'too-long' as PresetDefinition['id'],
      numbers: { jwtTtlSeconds: { value: maxSettingSeconds.jwtTtlSeconds + 1, source: 'https://example.org', why: 'one second past the longest lifetime allowed' } },
    };
    const { presets: ok, refused } = loadPresets([tooLong, presetDefinitions[1]!]);
    expect(ok.map((p) => p.id)).toEqual(['nextjs-guide']);
    expect(refused).toEqual([{ id: 'too-long', reason: 'preset-out-of-range', detail: expect.stringContaining('jwtTtlSeconds') }]);
  });

  it('preset ids never shadow a lab strategy', () => {
    for (const p of presets) expect(strategyIds).not.toContain(p.id);
  });

  it('a preset runs with its own settings, and its credential is not accepted by the strategy it is built on', async () => {
    const lab = await frozenLab(); // the lab's own jwtTtlSeconds: 15 min
    const guide = findPreset('nextjs-guide')!.runnable;
    const jar = jarOf(await issueCredentials(lab.ctx(), guide, lab.users.bob));
    const ok = await verifyCounted(guide, lab.ctx(), jar);
    expect(ok).toMatchObject({ ok: true, lookups: 0, credential: { expiresAt: lab.ctx().now + 7 * DAY } });
    expect(await verifyCounted(jwtStrategy, lab.ctx(), jar)).toMatchObject({ ok: false, reason: 'bad-claims' });
    const plain = jarOf(await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob));
    expect(await verifyCounted(guide, lab.ctx(), plain)).toMatchObject({ ok: false, reason: 'bad-claims' });
  });
});
