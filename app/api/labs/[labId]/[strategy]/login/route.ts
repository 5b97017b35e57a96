import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { login } from '@/lib/auth/flows';
import { readJar, writeCookies } from '@/lib/cookies';
import { loginBodySchema } from '@/lib/validation';

type Params = { labId: string; strategy: string };

/** POST /api/labs/{labId}/{strategy}/login — JSON { username, password } → the strategy's cookie; the session the browser presented ends. */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const body = await readJsonBody(req, loginBodySchema);
    const { user, cookies } = await login(ctx, strategy, body, readJar(req, strategy.cookieNames));
    const res = jsonResponse({ user: { username: user.username, role: user.role }, strategy: strategy.id });
    writeCookies(res, req, ctx.lab.id, strategy.id, cookies);
    return res;
  },
  { stateChanging: true },
);
