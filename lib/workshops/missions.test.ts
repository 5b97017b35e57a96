import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/dictionaries';
import { MISSIONS } from './missions';

describe('missions', () => {
  it('are the contract’s eight, in order', () => {
    expect(MISSIONS.map((m) => [m.order, m.missionId])).toEqual(
      ['stolen-jwt-survives-logout', 'sign-out-everywhere', 'demote-admin', 'password-change', 'ban', 'key-rotation', 'expiry', 'find-the-strategy'].map(
        (id, i) => [i + 1, id],
      ),
    );
  });
  it.each(MISSIONS.map((m) => m.missionId))('%s has its title, goal, every hint, its question and every option in English and Japanese', (id) => {
    const m = MISSIONS.find((x) => x.missionId === id)!;
    const keys = [
      `mission_${id}_title`,
      `mission_${id}_goal`,
      `mission_${id}_question`,
      ...Array.from({ length: m.hintCount }, (_, i) => `mission_${id}_hint_${i + 1}`),
      ...m.options.map((o) => `mission_${id}_option_${o}`),
    ];
    for (const lang of ['en', 'ja'] as const) {
      const table = dictionaries.missions[lang] as Record<string, string>;
      for (const k of keys) expect(table[k], `${lang}: ${k}`).toEqual(expect.any(String));
    }
    expect(m.hintCount).toBeLessThanOrEqual(3);
  });
});
