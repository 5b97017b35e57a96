import type { Strategy } from './types';
import { STRATEGY_IDS, type StrategyId } from '../ids';
import { jwtStrategy } from './strategies/jwt';
import { sessionStrategy } from './strategies/session';
import { jwtDenylistStrategy } from './strategies/jwt-denylist';
import { jwtVersionStrategy } from './strategies/jwt-version';
import { jwtRefreshStrategy } from './strategies/jwt-refresh';
import { ironStatelessStrategy } from './strategies/iron-stateless';
import { sessionCachedStrategy } from './strategies/session-cached';

/**
 * Every strategy the lab can run, by id. Adding one is a new file in
 * strategies/, its id in lib/ids.ts and one line here; `satisfies` makes a
 * missing or unknown id a type error, and the compiler then names every
 * dictionary and table that still lacks it.
 */
const byId = {
  jwt: jwtStrategy,
  session: sessionStrategy,
  'jwt-denylist': jwtDenylistStrategy,
  'jwt-version': jwtVersionStrategy,
  'jwt-refresh': jwtRefreshStrategy,
  'iron-stateless': ironStatelessStrategy,
  'session-cached': sessionCachedStrategy,
} satisfies Record<StrategyId, Strategy>;

/** In the order of STRATEGY_IDS (the pickers' and the matrix's). */
export const strategies: readonly Strategy[] = STRATEGY_IDS.map((id) => byId[id]);

export const strategyIds: readonly StrategyId[] = STRATEGY_IDS;

export function findStrategy(id: string): Strategy | undefined {
  return strategies.find((s) => s.id === id);
}

/**
 * A strategy with a refresh endpoint (POST …/{id}/refresh): derived from the
 * presence of its `refresh` method, never declared apart from it.
 */
export const isRefreshable = (strategy: Strategy): strategy is Strategy & Required<Pick<Strategy, 'refresh'>> =>
  typeof strategy.refresh === 'function';
