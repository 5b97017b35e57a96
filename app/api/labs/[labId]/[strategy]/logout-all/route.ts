import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { logoutEverywhere } from '@/lib/auth/flows';
import { clearCookies, readJar } from '@/lib/cookies';

type Params = { labId: string; strategy: string };

/** POST /api/labs/{labId}/{strategy}/logout-all — sign out everywhere, as far as each strategy can. */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const user = await logoutEverywhere(ctx, strategy, readJar(req, strategy.cookieNames));
    const res = jsonResponse({ loggedOutEverywhere: true, user: { username: user.username, role: user.role }, strategy: strategy.id });
    clearCookies(res, req, ctx.lab.id, strategy.id, strategy.cookieNames, strategy.cookieSubPaths);
    return res;
  },
  { stateChanging: true },
);
