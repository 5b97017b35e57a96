import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { selfBaseUrl } from '@/lib/self-url';
import { runMatrix } from '@/lib/scenarios/matrix';
import { requireScenario, strategiesFromQuery } from '@/lib/scenarios/request';

type Params = { labId: string; scenario: string };

/**
 * POST /api/labs/{labId}/scenarios/{scenario}/run[?strategy=] — runs the
 * scenario against every strategy (or one), each in a throwaway copy of the
 * lab, through real requests to this server. The lab itself is not touched.
 */
export const POST = apiRoute<Params>(
  async (req, { labId, scenario: scenarioId }) => {
    const scenario = requireScenario(scenarioId);
    const strategies = strategiesFromQuery(req.nextUrl.searchParams);
    const { store, lab } = visitLab(labId);
    return jsonResponse(await runMatrix(store, lab, { baseUrl: selfBaseUrl() }, { scenarios: [scenario], strategies }));
  },
  { stateChanging: true },
);

/** A run creates throwaway labs and moves their clocks: only POST starts one (Next would answer a bare 405). */
export const GET = apiRoute<Params>(
  async () => {
    throw new ApiError('use-post', 'Start a run with POST.', { Allow: 'POST' });
  },
  { stateChanging: false },
);
