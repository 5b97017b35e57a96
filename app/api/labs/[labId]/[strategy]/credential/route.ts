import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab, requireStrategy } from '@/lib/labs/resolve';
import { readJar } from '@/lib/cookies';
import { credentialView } from '@/lib/labs/credential-view';

type Params = { labId: string; strategy: string };

/**
 * GET /api/labs/{labId}/{strategy}/credential — the cookies this browser
 * presented for the strategy, laid open for the token inspector: a JWT's
 * decoded header and payload, its signature abbreviated, sizes, the hash the
 * journal names it by, and the server row a session id points at. Never a
 * value: the cookies are HttpOnly, and page script must not get them from
 * here either (stealing a copy is POST …/steal, which keeps it on the server).
 * It lives under the strategy's cookie path so the browser sends the cookies.
 */
export const GET = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { store, lab } = visitLab(labId);
    const strategy = requireStrategy(strategyId);
    return jsonResponse(credentialView(store, lab, strategy, readJar(req, strategy.cookieNames)));
  },
  // Not journaled: it verifies nothing and changes nothing, and every open panel reads it after every change.
  { stateChanging: false, journaled: false },
);
