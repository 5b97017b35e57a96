/**
 * The scenario and strategy ids as literal types, so the explanation tables
 * can be typed per (scenario, strategy) pair: a missing pair is a compile
 * error. ids.test.ts keeps these lists equal to the registries' (a new
 * scenario or strategy fails that test until it is explained).
 */
export const SCENARIO_IDS = ['logout', 'stolen-token', 'password-change', 'role-change', 'ban', 'key-rotation', 'expiry'] as const;
export const STRATEGY_IDS = ['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless', 'session-cached'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
export type StrategyId = (typeof STRATEGY_IDS)[number];

export const isScenarioId = (id: string): id is ScenarioId => (SCENARIO_IDS as readonly string[]).includes(id);
export const isStrategyId = (id: string): id is StrategyId => (STRATEGY_IDS as readonly string[]).includes(id);
