import type { Key } from './dictionaries';
import { durationSettings } from '@/lib/labs/setting-bounds';

/**
 * Dictionary keys made from an id (`scenario_${id}`, `strategy_${id}`, …).
 * The ids come from the registries at run time, so the compiler cannot see
 * the keys: they are built here, in one place, and lib/i18n/keys.test.ts walks
 * every registry and fails when a key an id needs is missing in either language.
 */
export const scenarioKey = (id: string) => `scenario_${id}` as Key<'scenarios'>;
export const questionKey = (id: string) => `question_${id}` as Key<'scenarios'>;
export const phaseKey = (phase: string) => `phase_${phase}` as Key<'scenarios'>;
/** A guided step's label in one scenario: expiry's "revoke" step is one where nobody acts, and is named so. */
export const scenarioPhaseKey = (phase: string, scenario: string) =>
  (scenario === 'expiry' && phase === 'revoke' ? 'phase_revoke_expiry' : `phase_${phase}`) as Key<'scenarios'>;
/** Each guided scenario narrates every step in its own words. */
export const narrationKey = (phase: string, scenario: string) => `step_${phase}_${scenario}` as Key<'scenarios'>;
/** The runner's actor roles (`victim-laptop`) as key suffixes (`actor_victim_laptop`). */
export const traceActorKey = (actor: string) => `actor_${actor.replaceAll('-', '_')}` as Key<'scenarios'>;
export const strategyKey = (id: string) => `strategy_${id}` as Key<'lab'>;
export const settingLabelKey = (name: string) => `setting_${name}` as Key<'lab'>;
export const settingHelpKey = (name: string) => `help_${name}` as Key<'lab'>;

/** Every lab setting, in the order the pages show them. */
export const settingNames = [...durationSettings, 'jwtAlg'] as const;

/** The known settings of a settings object, in display order (unknown keys from a newer server are left out). */
export function settingEntries(settings: Record<string, unknown>): [string, unknown][] {
  return settingNames.filter((name) => name in settings).map((name) => [name, settings[name]]);
}
