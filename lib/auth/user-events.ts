import type { Transaction } from '../db/store';
import { strategies } from './registry';
import { labContextOf } from './issue';
import { presetOnlyStrategies } from '../presets/registry';
import type { AuthContext, AuthUser, CredentialFacts, Strategy, UserEvent } from './types';

/**
 * Tells every strategy about a user-level event, so each revokes what it can
 * (a session row, a version, refresh tokens) — and those that hold no state
 * show that they can do nothing. `tx` is the caller's transaction: the change
 * and every revocation commit together.
 */
export function broadcastUserEvent(
  tx: Transaction,
  ctx: AuthContext,
  user: AuthUser,
  event: UserEvent,
  origin: { strategy: Strategy; presented: CredentialFacts } | null = null,
): void {
  const labCtx = labContextOf(ctx);
  // The preset-only strategies hold state of their own (Firebase's "tokens valid after" mark); the presets
  // built on the lab's strategies share those strategies' tables, which the lab's strategies already revoke.
  for (const strategy of [...strategies, ...presetOnlyStrategies]) {
    strategy.onUserEvent(tx, labCtx, user, event, origin && origin.strategy.id === strategy.id ? origin.presented : null);
  }
}
