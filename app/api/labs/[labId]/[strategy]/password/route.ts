import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { changePassword } from '@/lib/auth/flows';
import { readJar, writeCookies } from '@/lib/cookies';
import { passwordChangeBodySchema } from '@/lib/validation';

type Params = { labId: string; strategy: string };

/** POST /api/labs/{labId}/{strategy}/password — JSON { currentPassword, newPassword }, authenticated. */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    const jar = readJar(req, strategy.cookieNames);
    const body = await readJsonBody(req, passwordChangeBodySchema);
    const { user, cookies } = await changePassword(ctx, strategy, jar, body);
    const res = jsonResponse({ passwordChanged: true, user: { username: user.username, role: user.role }, strategy: strategy.id });
    writeCookies(res, req, ctx.lab.id, strategy.id, cookies);
    return res;
  },
  { stateChanging: true },
);
