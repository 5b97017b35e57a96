import type { Scenario } from './scenario';
import { SCENARIO_IDS, type ScenarioId } from '../ids';
import { logoutScenario } from './logout';
import { stolenTokenScenario } from './stolen-token';
import { passwordChangeScenario } from './password-change';
import { roleChangeScenario } from './role-change';
import { banScenario } from './ban';
import { keyRotationScenario } from './key-rotation';
import { expiryScenario } from './expiry';

/**
 * Every scenario, by id. Adding one is a new file here, its id in lib/ids.ts
 * and one line below; `satisfies` makes a missing or unknown id a type error.
 */
const byId = {
  logout: logoutScenario,
  'stolen-token': stolenTokenScenario,
  'password-change': passwordChangeScenario,
  'role-change': roleChangeScenario,
  ban: banScenario,
  'key-rotation': keyRotationScenario,
  expiry: expiryScenario,
} satisfies Record<ScenarioId, Scenario>;

/** In the order the matrix shows them (SCENARIO_IDS). */
export const scenarios: readonly Scenario[] = SCENARIO_IDS.map((id) => byId[id]);

export const scenarioIds: readonly ScenarioId[] = SCENARIO_IDS;

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
