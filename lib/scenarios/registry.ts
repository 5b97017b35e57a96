import type { Scenario } from './scenario';
import { logoutScenario } from './logout';
import { stolenTokenScenario } from './stolen-token';
import { passwordChangeScenario } from './password-change';
import { roleChangeScenario } from './role-change';
import { banScenario } from './ban';
import { keyRotationScenario } from './key-rotation';
import { expiryScenario } from './expiry';

/** Every scenario, in the order the matrix shows them. Adding one is a new file here and one line below. */
export const scenarios: readonly Scenario[] = [
  logoutScenario,
  stolenTokenScenario,
  passwordChangeScenario,
  roleChangeScenario,
  banScenario,
  keyRotationScenario,
  expiryScenario,
];

export const scenarioIds: readonly string[] = scenarios.map((s) => s.id);

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
