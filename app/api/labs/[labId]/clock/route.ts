import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { requireLab } from '@/lib/labs/resolve';
import { advanceClock } from '@/lib/labs/operator';
import { clockBodySchema } from '@/lib/validation';

/** POST /api/labs/{labId}/clock — time travel, forward only, for this lab alone. */
export const POST = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const { store, lab } = requireLab(labId);
    const { advanceSeconds } = await readJsonBody(req, clockBodySchema);
    return jsonResponse(advanceClock(store, lab, advanceSeconds));
  },
  { stateChanging: true },
);
