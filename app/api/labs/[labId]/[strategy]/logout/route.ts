import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { logout } from '@/lib/auth/flows';
import { clearCookies, readJar } from '@/lib/cookies';

type Params = { labId: string; strategy: string };

/**
 * POST /api/labs/{labId}/{strategy}/logout — always clears this strategy's
 * cookies (never Clear-Site-Data: that would log out the other panel and
 * every other lab). What the server can revoke depends on the strategy.
 */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const { wasAuthenticated } = await logout(ctx, strategy, readJar(req, strategy.cookieNames));
    const res = jsonResponse({ loggedOut: true, wasAuthenticated, strategy: strategy.id });
    clearCookies(res, req, ctx.lab.id, strategy.id, strategy.cookieNames, strategy.cookieSubPaths);
    return res;
  },
  { stateChanging: true },
);
