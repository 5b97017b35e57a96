import { countStoreStatements, type StoreStatements } from '../db/lookup-scope';
import type { AuthContext, CookieJar, RefreshResult, StoreCost, Strategy, Verification } from './types';

/** `lookups` is the reads (see StoreCost); the writes are reported beside it, never folded in. */
export function storeCostOf(statements: StoreStatements): StoreCost {
  return { lookups: statements.reads, storeStatements: statements };
}

/**
 * A strategy's verify with the store statements it actually ran counted
 * around it. The count covers the strategy's own work only: finding the lab
 * (which every strategy, even `jwt`, pays in this sandbox) happens before.
 */
export async function verifyCounted(strategy: Strategy, ctx: AuthContext, jar: CookieJar): Promise<Verification> {
  const { value, statements } = await countStoreStatements(() => strategy.verify(ctx, jar));
  return { ...value, ...storeCostOf(statements) };
}

/** A strategy's refresh, counted the same way. */
export async function refreshCounted(strategy: Strategy, ctx: AuthContext, jar: CookieJar): Promise<RefreshResult> {
  if (!strategy.refresh) throw new Error(`${strategy.id} has no refresh`);
  const { value, statements } = await countStoreStatements(() => strategy.refresh!(ctx, jar));
  return { ...value, ...storeCostOf(statements) };
}
