import { strategies } from './registry';
import type { AuthContext, AuthUser, CredentialFacts, Strategy, UserEvent } from './types';

/**
 * Tells every strategy about a user-level event, so each revokes what it can
 * (a session row, a version, refresh tokens) — and those that hold no state
 * show that they can do nothing. The caller runs this inside its transaction.
 */
export function broadcastUserEvent(
  ctx: AuthContext,
  user: AuthUser,
  event: UserEvent,
  origin: { strategy: Strategy; presented: CredentialFacts } | null = null,
): void {
  for (const strategy of strategies) {
    strategy.onUserEvent(ctx, user, event, origin && origin.strategy.id === strategy.id ? origin.presented : null);
  }
}
