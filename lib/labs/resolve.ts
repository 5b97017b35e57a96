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
 * A request's visit to the lab named in its URL — it does three things, in
 * this order: sweeps labs idle past their time (so an expired lab is a 404
 * now, not after the next sweep), loads this lab or answers 404 `unknown-lab`,
 * and stamps the lab's last activity (at most once a minute: a write). The
 * same answer for a malformed id and an unknown one: nothing tells a prober
 * which ids exist. Pages that only look (no visit) use findLab.
 */
export function visitLab(labId: string): { store: Store; lab: Lab } {
  const store = getStore();
  sweepIdleLabs(store, env.labIdleSeconds);
  const lab = findLab(store, labId);
  if (!lab) throw new ApiError('unknown-lab', 'No lab with this id (labs idle for a day are deleted).');
  recordLabActivity(store, lab, env.labIdleSeconds);
  return { store, lab };
}

/** A lab strategy, or a library preset (presets are addressed by their id in the same place: …/{labId}/authjs-jwt/me). */
export function requireStrategy(strategyId: string): Strategy {
  const strategy = findStrategy(strategyId) ?? findPreset(strategyId)?.runnable;
  if (strategy) return strategy;
  if (refusedPresets.some((r) => r.id === strategyId)) {
    throw new ApiError('preset-out-of-range', 'This preset’s settings fall outside the lab’s allowed ranges: it was refused when loaded.');
  }
  // The name is not echoed back: path input never comes back in an answer.
  throw new ApiError('unknown-strategy', 'No strategy or preset with this name (GET /api/labs/{labId} lists them).');
}

/** visitLab, plus the strategy named in the URL (404 `unknown-strategy`) and the request's auth context. */
export function visitLabStrategy(labId: string, strategyId: string): { ctx: AuthContext; strategy: Strategy } {
  const { store, lab } = visitLab(labId);
  const strategy = requireStrategy(strategyId);
  return { ctx: { store, lab, now: lab.now() }, strategy };
}
