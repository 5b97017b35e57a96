import type { Key } from './dictionaries';
import type { Translate } from './translate';
import { isScenarioId, isStrategyId, type ScenarioId, type StrategyId } from '@/lib/ids';
import type { ActorRole, Phase } from '@/lib/scenarios/types';
import type { NotApplicableCode } from '@/lib/scenarios/scenario';
import type { Role } from '@/lib/db/users';
import { durationSettings } from '@/lib/labs/setting-bounds';

/**
 * Dictionary keys made from an id (`scenario_${id}`, `strategy_${id}`, …).
 * Each function takes the id's literal type and returns a Key of its
 * namespace without a cast, so the compiler checks that the template's every
 * instance exists: a scenario, strategy, phase, actor or setting added without
 * its words fails `tsc` right here (and in both languages: defineNamespace
 * makes the Japanese table carry exactly the English keys).
 * Ids that arrive as plain strings (JSON from the server) are narrowed first
 * (isScenarioId, isStrategyId in lib/ids.ts).
 */
export const scenarioKey = (id: ScenarioId): Key<'scenarios'> => `scenario_${id}`;
/** A scenario's name for an id that arrived as a plain string (JSON): its words, or the id itself (a newer server's scenario). */
export const scenarioNameOf = (t: Translate<'scenarios'>, id: string): string => (isScenarioId(id) ? t(scenarioKey(id)) : id);
export const questionKey = (id: ScenarioId): Key<'scenarios'> => `question_${id}`;
export const phaseKey = (phase: Phase | 'verdict'): Key<'scenarios'> => `phase_${phase}`;
/** A guided step's label in one scenario: expiry's "revoke" step is one where nobody acts, and is named so. */
export const scenarioPhaseKey = (phase: Phase | 'verdict', scenario: ScenarioId): Key<'scenarios'> =>
  scenario === 'expiry' && phase === 'revoke' ? 'phase_revoke_expiry' : phaseKey(phase);
/** Each guided scenario narrates every step in its own words. */
export const narrationKey = (phase: Phase | 'verdict', scenario: ScenarioId): Key<'scenarios'> => `step_${phase}_${scenario}`;

/** The runner's actor roles (`victim-laptop`) as key suffixes (`actor_victim_laptop`). */
const actorKeys = {
  'victim-laptop': 'actor_victim_laptop',
  'victim-phone': 'actor_victim_phone',
  attacker: 'actor_attacker',
  operator: 'actor_operator',
  bystander: 'actor_bystander',
} as const satisfies Record<ActorRole, Key<'scenarios'>>;
export const traceActorKey = (actor: ActorRole): Key<'scenarios'> => actorKeys[actor];

export const notApplicableKey = (code: NotApplicableCode): Key<'scenarios'> => `na_${code}`;

export const strategyKey = (id: StrategyId): Key<'lab'> => `strategy_${id}`;
/** A strategy's one-line description for an id that arrived as a plain string: the id itself if unknown. */
export const strategyDescriptionOf = (t: Translate<'lab'>, id: string): string => (isStrategyId(id) ? t(strategyKey(id)) : id);
export const roleKey = (role: Role): Key<'lab'> => `role_${role}`;

/** Every lab setting, in the order the pages show them. */
export const settingNames = [...durationSettings, 'jwtAlg'] as const;
export type SettingName = (typeof settingNames)[number];

export const settingLabelKey = (name: SettingName): Key<'lab'> => `setting_${name}`;
export const settingHelpKey = (name: SettingName): Key<'lab'> => `help_${name}`;

/** The known settings of a settings object, in display order (unknown keys from a newer server are left out). */
export function settingEntries(settings: Record<string, unknown>): [SettingName, unknown][] {
  return settingNames.filter((name) => name in settings).map((name) => [name, settings[name]]);
}
