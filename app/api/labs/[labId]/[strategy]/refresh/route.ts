import { ApiError, apiRoute, errorResponse, jsonResponse } from '@/lib/http';
import { visitLabStrategy } from '@/lib/labs/resolve';
import { clearCookies, readJar, writeCookies } from '@/lib/cookies';
import { refreshCounted } from '@/lib/auth/measured';

type Params = { labId: string; strategy: string };

/**
 * POST /api/labs/{labId}/{strategy}/refresh — trade the refresh cookie for a
 * new access cookie and a rotated refresh cookie. Only strategies that have a
 * refresh credential (jwt-refresh) answer; the others say so with a 404.
 */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { ctx, strategy } = visitLabStrategy(labId, strategyId);
    if (!strategy.refresh) {
      throw new ApiError('no-refresh', `The ${strategy.id} strategy has no refresh token.`);
    }
    const result = await refreshCounted(strategy, ctx, readJar(req, strategy.cookieNames));
    if (!result.ok) {
      const { reason } = result;
      if (reason === 'too-many-refreshes') {
        // Not a refusal of the credential: every cookie stays, and the client is told when to come back.
        throw new ApiError(reason, result.detail, { 'Retry-After': String(result.retryAfterSeconds ?? 1) });
      }
      const res = errorResponse(ApiError.refused(reason, result.detail));
      clearCookies(res, req, ctx.lab.id, strategy.id, result.clear, strategy.cookieSubPaths);
      return res;
    }
    const res = jsonResponse({
      user: { username: result.user.username, role: result.user.role },
      lookups: result.lookups,
      storeStatements: result.storeStatements,
      strategy: strategy.id,
      now: ctx.now,
      expiresAt: result.credential.expiresAt ?? null,
      refreshExpiresAt: result.credential.refreshExpiresAt ?? null,
    });
    writeCookies(res, req, ctx.lab.id, strategy.id, result.cookies);
    return res;
  },
  { stateChanging: true },
);
