import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { requireLab, requireStrategy } from '@/lib/labs/resolve';
import { replayBodySchema, replayStolenCookies } from '@/lib/labs/replay';

/**
 * POST /api/labs/{labId}/replay — JSON { strategy, endpoint: 'me'|'admin'|'refresh', cookies: [{name, value}] }.
 * The attacker's move: the server sends the stolen cookies to the lab's own
 * endpoint over real HTTP and answers with what came back.
 */
export const POST = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const { lab } = requireLab(labId);
    const body = await readJsonBody(req, replayBodySchema);
    const strategy = requireStrategy(body.strategy);
    return jsonResponse(await replayStolenCookies(lab.id, strategy, body));
  },
  { stateChanging: true },
);
