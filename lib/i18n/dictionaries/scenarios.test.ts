import { describe, expect, it } from 'vitest';
import { scenarioIds } from '../../scenarios/registry';
import { scenarios } from './scenarios';

const STEPS = ['setup', 'steal', 'check', 'revoke', 'replay', 'collateral', 'time-travel', 'verdict'];

describe('the guided scenarios\' narration', () => {
  it.each(['en', 'ja'] as const)('%s: every scenario narrates every step in its own words', (locale) => {
    const table = scenarios[locale] as Record<string, string>;
    for (const step of STEPS) {
      const said = scenarioIds.map((scenario) => table[`step_${step}_${scenario}`]);
      for (const [i, text] of said.entries()) expect(text, `step_${step}_${scenarioIds[i]}`).toBeTruthy();
      expect(new Set(said).size, `step ${step}: two scenarios share a narration`).toBe(scenarioIds.length);
    }
  });

  it('the expiry scenario never speaks of a revoking action', () => {
    for (const locale of ['en', 'ja'] as const) {
      const table = scenarios[locale] as Record<string, string>;
      for (const key of [...STEPS.map((s) => `step_${s}_expiry`), 'summaryWindowExpiry', 'summaryOpenExpiry', 'phase_revoke_expiry']) {
        expect(table[key], key).not.toMatch(/revok|取り消し|失効/i);
      }
    }
  });
});
