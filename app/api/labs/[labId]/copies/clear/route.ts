import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { clearCopies } from '@/lib/labs/copies';

/** POST /api/labs/{labId}/copies/clear — the page's "clear stolen copies and timeline": every copy goes, the timeline restarts. */
export const POST = apiRoute<{ labId: string }>(
  async (_req, { labId }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse(clearCopies(store, lab));
  },
  { stateChanging: true },
);
