import { apiRoute, jsonResponse } from '@/lib/http';
import { requireLab, requireStrategy } from '@/lib/labs/resolve';
import { readJar } from '@/lib/cookies';
import { credentialView } from '@/lib/labs/credential-view';

type Params = { labId: string; strategy: string };

/**
 * GET /api/labs/{labId}/{strategy}/credential — the cookies this browser
 * presented for the strategy, decoded for display, with the server row they
 * point at. The page labels it "what malware on this machine would see": the
 * cookies are HttpOnly, so this is the only way page script sees them. It
 * lives under the strategy's cookie path so the browser sends the cookies.
 * (SameSite=Strict and the absence of CORS headers keep other sites out.)
 */
export const GET = apiRoute<Params>(
  async (req, { labId, strategy: strategyId }) => {
    const { store, lab } = requireLab(labId);
    const strategy = requireStrategy(strategyId);
    return jsonResponse(credentialView(store, lab, strategy, readJar(req, strategy.cookieNames)));
  },
  { stateChanging: false },
);
