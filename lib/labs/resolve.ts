import 'server-only';
import { getStore, type Store } from '../db';
import { env } from '../env';
import { ApiError } from '../http';
import { findStrategy } from '../auth/registry';
import type { AuthContext, Strategy } from '../auth/types';
import { findLab, type Lab } from './lab';
import { recordLabActivity, sweepIdleLabs } from './sweeper';

/**
 * Loads the lab named in the URL, or answers 404. The same answer for a
 * malformed id and an unknown one: nothing tells a prober which ids exist.
 */
export function requireLab(labId: string): { store: Store; lab: Lab } {
  const store = getStore();
  sweepIdleLabs(store, env.labIdleSeconds);
  const lab = findLab(store, labId);
  if (!lab) throw new ApiError('unknown-lab', 'No lab with this id (labs idle for a day are deleted).');
  recordLabActivity(store, lab, env.labIdleSeconds);
  return { store, lab };
}

export function requireStrategy(strategyId: string): Strategy {
  const strategy = findStrategy(strategyId);
  // The name is not echoed back: path input never comes back in an answer.
  if (!strategy) throw new ApiError('unknown-strategy', 'No strategy with this name (GET /api/labs/{labId} lists them).');
  return strategy;
}

export function requireLabAndStrategy(labId: string, strategyId: string): { ctx: AuthContext; strategy: Strategy } {
  const { store, lab } = requireLab(labId);
  const strategy = requireStrategy(strategyId);
  return { ctx: { store, lab, now: lab.now() }, strategy };
}
