import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { clearCopies, listCopies } from '@/lib/labs/copies';

/**
 * GET /api/labs/{labId}/copies — the attacker's stolen copies (ids, whose,
 * when, the last replay's answer; never a value). Not journaled: every open
 * screen reads it whenever the journal moves.
 */
export const GET = apiRoute<{ labId: string }>(
  async (_req, { labId }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse({ copies: listCopies(store, lab) });
  },
  { stateChanging: false, journaled: false },
);

/** DELETE /api/labs/{labId}/copies — clears the copies and the timeline (as POST …/copies/clear). */
export const DELETE = apiRoute<{ labId: string }>(
  async (_req, { labId }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse(clearCopies(store, lab));
  },
  { stateChanging: true },
);
