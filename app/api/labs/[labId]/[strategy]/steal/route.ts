import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab, requireStrategy } from '@/lib/labs/resolve';
import { readJar } from '@/lib/cookies';
import { stealCredential } from '@/lib/labs/copies';

type Params = { labId: string; strategy: string };

/**
 * POST /api/labs/{labId}/{strategy}/steal — the attacker copies the cookies
 * this browser presents for the strategy into the lab's attacker store →
 * { copyId, strategy, username, stolenAt, cookieNames }. The values stay on
 * the server (POST …/replay names the copy). It lives under the strategy's
 * cookie path so the browser sends the cookies; a strategy that keeps one on
 * a sub-path (jwt-refresh) is stolen whole from …/refresh/steal.
 */
export const POST = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { store, lab } = visitLab(labId);
    const strategy = requireStrategy(strategyId);
    return jsonResponse(stealCredential(store, lab, strategy, readJar(req, strategy.cookieNames)), 201);
  },
  { stateChanging: true },
);
