import { apiRoute, jsonResponse } from '@/lib/http';
import { requireLab } from '@/lib/labs/resolve';
import { setBanned } from '@/lib/labs/operator';

/** POST /api/labs/{labId}/users/{username}/ban */
export const POST = apiRoute<{ labId: string; username: string }>(
  async (_req, { labId, username }) => {
    const { store, lab } = requireLab(labId);
    return jsonResponse({ user: setBanned(store, lab, username, true) });
  },
  { stateChanging: true },
);
