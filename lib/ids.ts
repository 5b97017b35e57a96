/**
 * The registries' ids as literal types: the one list each of scenarios and
 * strategies, client-safe (no strategy code), so pages and dictionaries can
 * be typed by them.
 *
 * Everything keyed by an id is checked against these lists by the compiler:
 * the registries (lib/auth/registry.ts, lib/scenarios/registry.ts are
 * `Record<Id, …>`), each strategy's and scenario's own `id`, the dictionary
 * keys made from ids (lib/i18n/keys.ts), the explanation tables
 * (lib/explain/). Adding an id here makes `tsc` name every place that still
 * lacks it.
 */
export const SCENARIO_IDS = ['logout', 'stolen-token', 'password-change', 'role-change', 'ban', 'key-rotation', 'expiry'] as const;
export const STRATEGY_IDS = ['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless', 'session-cached'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const isScenarioId = (id: string): id is ScenarioId => (SCENARIO_IDS as readonly string[]).includes(id);
export const isStrategyId = (id: string): id is StrategyId => (STRATEGY_IDS as readonly string[]).includes(id);

/**
 * The library presets (lib/presets/definitions.ts): each runs as a strategy of
 * its own, addressed by its id where a strategy's would be (…/{labId}/authjs-jwt/me).
 */
export const PRESET_IDS = [
  'authjs-jwt',
  'nextjs-guide',
  'iron-default',
  'better-auth-cached',
  'clerk-like',
  'firebase-id-token',
  'firebase-check-revoked',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];
/** What a runnable strategy's id may be: one of the lab's strategies, or a preset. */
export type RunnableId = StrategyId | PresetId;
export const isPresetId = (id: string): id is PresetId => (PRESET_IDS as readonly string[]).includes(id);
