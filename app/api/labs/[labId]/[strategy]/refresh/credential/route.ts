import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { visitLab, requireStrategy } from '@/lib/labs/resolve';
import { readJar } from '@/lib/cookies';
import { credentialView } from '@/lib/labs/credential-view';

type Params = { labId: string; strategy: string };

/**
 * GET /api/labs/{labId}/{strategy}/refresh/credential — the inspector for a
 * strategy that keeps a cookie on its …/refresh sub-path (jwt-refresh): from
 * here the browser sends both the access and the refresh cookie, which is
 * what malware reading the whole cookie jar would get.
 */
export const GET = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { store, lab } = visitLab(labId);
    const strategy = requireStrategy(strategyId);
    if (!Object.values(strategy.cookieSubPaths ?? {}).includes('refresh')) {
      throw new ApiError('no-refresh', `The ${strategy.id} strategy keeps no cookie on /refresh.`);
    }
    return jsonResponse(credentialView(store, lab, strategy, readJar(req, strategy.cookieNames)));
  },
  // Not journaled: it verifies nothing and changes nothing, and every open panel reads it after every change.
  { stateChanging: false, journaled: false },
);
