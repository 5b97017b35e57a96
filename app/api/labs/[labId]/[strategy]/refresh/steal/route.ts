import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { visitLab, requireStrategy } from '@/lib/labs/resolve';
import { readJar } from '@/lib/cookies';
import { stealCredential } from '@/lib/labs/copies';

type Params = { labId: string; strategy: string };

/**
 * POST /api/labs/{labId}/{strategy}/refresh/steal — steal for a strategy that
 * keeps a cookie on its …/refresh sub-path (jwt-refresh): from here the
 * browser sends both the access and the refresh cookie, which is what malware
 * reading the whole cookie jar would take.
 */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { store, lab } = visitLab(labId);
    const strategy = requireStrategy(strategyId);
    if (!Object.values(strategy.cookieSubPaths ?? {}).includes('refresh')) {
      throw new ApiError('no-refresh', `The ${strategy.id} strategy keeps no cookie on /refresh.`);
    }
    return jsonResponse(stealCredential(store, lab, strategy, readJar(req, strategy.cookieNames)), 201);
  },
  { stateChanging: true },
);
