import type { Strategy } from './types';
import { jwtStrategy } from './strategies/jwt';
import { sessionStrategy } from './strategies/session';
import { jwtDenylistStrategy } from './strategies/jwt-denylist';
import { jwtVersionStrategy } from './strategies/jwt-version';
import { jwtRefreshStrategy } from './strategies/jwt-refresh';
import { ironStatelessStrategy } from './strategies/iron-stateless';
import { sessionCachedStrategy } from './strategies/session-cached';

/** Every strategy the lab can run. Adding one is a new file in strategies/ and one line here. */
export const strategies: readonly Strategy[] = [
  jwtStrategy,
  sessionStrategy,
  jwtDenylistStrategy,
  jwtVersionStrategy,
  jwtRefreshStrategy,
  ironStatelessStrategy,
  sessionCachedStrategy,
];

export const strategyIds = strategies.map((s) => s.id);

export function findStrategy(id: string): Strategy | undefined {
  return strategies.find((s) => s.id === id);
}
