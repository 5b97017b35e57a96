import { apiRoute, jsonResponse } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { setBanned } from '@/lib/labs/operator';

/** POST /api/labs/{labId}/users/{username}/ban */
export const POST = apiRoute<{ labId: string; username: string }>(
  async (_req, { labId, username }) => {
    const { store, lab } = visitLab(labId);
    return jsonResponse({ user: setBanned(store, lab, username, true) });
  },
  { stateChanging: true },
);
