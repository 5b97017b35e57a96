import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { setRole } from '@/lib/labs/operator';
import { roleBodySchema } from '@/lib/validation';

/** POST /api/labs/{labId}/users/{username}/role — promote or demote. */
export const POST = apiRoute<{ labId: string; username: string }>(
  async (req, { labId, username }) => {
    const { store, lab } = visitLab(labId);
    const { role } = await readJsonBody(req, roleBodySchema);
    return jsonResponse({ user: setRole(store, lab, username, role) });
  },
  { stateChanging: true },
);
