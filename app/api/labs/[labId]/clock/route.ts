import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { advanceClock } from '@/lib/labs/operator';
import { clockBodySchema } from '@/lib/validation';

/** POST /api/labs/{labId}/clock — time travel, forward only, for this lab alone. */
export const POST = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const { store, lab } = visitLab(labId);
    const { advanceSeconds } = await readJsonBody(req, clockBodySchema);
    return jsonResponse(advanceClock(store, lab, advanceSeconds));
  },
  { stateChanging: true },
);
