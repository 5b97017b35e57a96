import type { Transaction } from '../db/store';
import type { AuthContext, AuthUser, CookieWrite, LabContext, Strategy } from './types';

/** The lab and its clock without the store: what `record` and `mint` get, at run time as by type. */
export const labContextOf = (ctx: AuthContext): LabContext => ({ lab: ctx.lab, now: ctx.now, credentialScope: ctx.credentialScope });

/**
 * Records a fresh credential with `tx` (the caller's transaction) and returns
 * the step that mints it, to be awaited after the transaction has committed:
 * what `record` decided travels to `mint` here and nowhere else.
 */
export function recordCredentials(tx: Transaction, ctx: AuthContext, strategy: Strategy, user: AuthUser): () => Promise<CookieWrite[]> {
  const labCtx = labContextOf(ctx);
  const recorded = strategy.record(tx, labCtx, user);
  return () => strategy.mint(labCtx, user, recorded);
}

/** Issues credentials on their own: record in one transaction, then mint. (Login does more inside its transaction: lib/auth/flows.ts.) */
export async function issueCredentials(ctx: AuthContext, strategy: Strategy, user: AuthUser): Promise<CookieWrite[]> {
  const mint = ctx.store.transaction((tx) => recordCredentials(tx, ctx, strategy, user));
  return mint();
}
