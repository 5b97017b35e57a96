import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { requireAuth } from '@/lib/auth/flows';
import { readJar, writeCookies } from '@/lib/cookies';

type Params = { labId: string; strategy: string };

/** GET /api/labs/{labId}/{strategy}/me — who the presented credential says you are, and what that cost. */
export const GET = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const v = await requireAuth(ctx, strategy, readJar(req, strategy.cookieNames));
    const res = jsonResponse({
      user: { username: v.user.username, role: v.user.role },
      lookups: v.lookups,
      storeStatements: v.storeStatements,
      strategy: strategy.id,
      now: ctx.now,
      expiresAt: v.credential.expiresAt ?? null,
    });
    // A read that renews the credential (a cache cookie, a re-issued token) sends it back.
    if (v.renew?.length) writeCookies(res, req, labId, strategy.id, v.renew);
    return res;
  },
  { stateChanging: false },
);
