import 'server-only';
import { getStore, type Store } from '../db';
import { env } from '../env';
import { ApiError } from '../http';
import { findStrategy } from '../auth/registry';
import { findPreset, refusedPresets } from '../presets/registry';
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
  if (!lab) throw new ApiError(404, 'not-found', 'unknown-lab', 'No lab with this id (labs idle for a day are deleted).');
  recordLabActivity(store, lab, env.labIdleSeconds);
  return { store, lab };
}

/** A lab strategy, or a library preset (presets are addressed by their id in the same place: …/{labId}/authjs-jwt/me). */
export function requireStrategy(strategyId: string): Strategy {
  const strategy = findStrategy(strategyId) ?? findPreset(strategyId)?.runnable;
  if (strategy) return strategy;
  if (refusedPresets.some((r) => r.id === strategyId)) {
    throw new ApiError(409, 'conflict', 'preset-out-of-range', 'This preset’s settings fall outside the lab’s allowed ranges: it was refused when loaded.');
  }
  // The name is not echoed back: path input never comes back in an answer.
  throw new ApiError(404, 'not-found', 'unknown-strategy', 'No strategy or preset with this name (GET /api/labs/{labId} lists them).');
}

export function requireLabAndStrategy(labId: string, strategyId: string): { ctx: AuthContext; strategy: Strategy } {
  const { store, lab } = requireLab(labId);
  const strategy = requireStrategy(strategyId);
  return { ctx: { store, lab, now: lab.now() }, strategy };
}
