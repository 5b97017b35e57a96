import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { labView } from '@/lib/labs/view';
import { scenarioIds } from '@/lib/scenarios/registry';

/** GET /api/labs/{labId} — users, clock, settings, strategies, scenarios. */
export const GET = apiRoute<{ labId: string }>(
  async (_req, { labId }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse(labView(store, lab, scenarioIds));
  },
  { stateChanging: false },
);
