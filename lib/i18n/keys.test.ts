import { describe, expect, it } from 'vitest';
import { dictionaries } from './dictionaries';
import { narrationKey, phaseKey, questionKey, scenarioPhaseKey, scenarioKey, settingHelpKey, settingLabelKey, settingNames, strategyKey, traceActorKey } from './keys';
import { scenarioIds } from '@/lib/scenarios/registry';
import { strategyIds } from '@/lib/auth/registry';
import { labSettingsSchema } from '@/lib/labs/settings';
import type { ActorRole, Phase } from '@/lib/scenarios/types';

/**
 * Every key a page builds from an id in a registry exists in both languages.
 * The compiler already refuses a missing one (keys.ts returns typed keys
 * without a cast; keys.typetest.ts shows it); this walks the registries at
 * run time too, so a table built some other way cannot slip past.
 */
const has = (ns: keyof typeof dictionaries, key: string) => {
  for (const locale of ['en', 'ja'] as const) {
    const table = dictionaries[ns][locale] as Record<string, string>;
    expect(table[key], `${ns}.${locale}: ${key}`).toEqual(expect.any(String));
  }
};

const PHASES: readonly (Phase | 'verdict')[] = ['setup', 'steal', 'check', 'revoke', 'replay', 'collateral', 'time-travel', 'verdict'];
const ACTOR_ROLES: readonly ActorRole[] = ['victim-laptop', 'victim-phone', 'attacker', 'operator', 'bystander'];

describe('dictionary keys made from registry ids', () => {
  it.each(scenarioIds)('scenario %s has a name and a question', (id) => {
    has('scenarios', scenarioKey(id));
    has('scenarios', questionKey(id));
  });

  it.each(strategyIds)('strategy %s has its one-line description', (id) => {
    has('lab', strategyKey(id));
  });

  it.each(scenarioIds)('scenario %s narrates every step in its own words and names every step', (id) => {
    for (const phase of PHASES) {
      has('scenarios', narrationKey(phase, id));
      has('scenarios', scenarioPhaseKey(phase, id));
    }
  });

  it('every phase and actor role of a trace has its word', () => {
    for (const phase of PHASES) has('scenarios', phaseKey(phase));
    for (const actor of ACTOR_ROLES) has('scenarios', traceActorKey(actor));
  });

  it('every lab setting (from the server schema) has a label and a line on what it governs', () => {
    expect([...settingNames].sort()).toEqual(Object.keys(labSettingsSchema.shape).sort());
    for (const name of settingNames) {
      has('lab', settingLabelKey(name));
      has('lab', settingHelpKey(name));
    }
  });

  it('a key that is not there is reported (the check can fail)', () => {
    expect(() => has('scenarios', 'scenario_no-such-scenario')).toThrow();
  });
});
