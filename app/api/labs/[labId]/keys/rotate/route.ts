import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { rotateJwtKey } from '@/lib/labs/operator';

/** POST /api/labs/{labId}/keys/rotate — the only way to revoke a stateless token early: revoke them all. */
export const POST = apiRoute<{ labId: string }>(
  async (_req, { labId }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse({ rotated: true, ...(await rotateJwtKey(store, lab)) });
  },
  { stateChanging: true },
);
