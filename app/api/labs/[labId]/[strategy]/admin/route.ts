import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { requireAuth } from '@/lib/auth/flows';
import { readJar, writeCookies } from '@/lib/cookies';

type Params = { labId: string; strategy: string };

/**
 * GET /api/labs/{labId}/{strategy}/admin — 200 when the credential grants the
 * admin role. For a JWT that is the role written into the token at login,
 * whatever the users table says now; for a session it is the current role.
 */
export const GET = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const v = await requireAuth(ctx, strategy, readJar(req, strategy.cookieNames));
    if (v.user.role !== 'admin') throw new ApiError('not-admin', 'This credential does not grant the admin role.');
    const res = jsonResponse({
      admin: true,
      user: { username: v.user.username, role: v.user.role },
      lookups: v.lookups,
      storeStatements: v.storeStatements,
      strategy: strategy.id,
      // As on /me: the lab-clock second the credential stops working on its own (the runner measures windows from it).
      now: ctx.now,
      expiresAt: v.credential.expiresAt ?? null,
    });
    // A read that renews the credential (a cache cookie, a re-issued token) sends it back.
    if (v.renew?.length) writeCookies(res, req, labId, strategy.id, v.renew);
    return res;
  },
  { stateChanging: false },
);
