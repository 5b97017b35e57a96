import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { replayBodySchema } from '@/lib/labs/replay';
import { replayCopy } from '@/lib/labs/copies';

/**
 * POST /api/labs/{labId}/replay — JSON { copyId, endpoint: 'me'|'admin'|'refresh', tamper? }.
 * The attacker's move: the server sends the stolen copy (held by the lab, made
 * by POST …/steal) to the lab's own endpoint over real HTTP and answers with
 * what came back: { status, body, request, copy }. Never the copy's value.
 */
export const POST = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const { store, lab } = visitLab(labId);
    const body = await readJsonBody(req, replayBodySchema);
    return jsonResponse(await replayCopy(store, lab, body));
  },
  { stateChanging: true },
);
