import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { requireParticipantCookie } from '@/lib/workshops/room';
import { predictionSchema } from '@/lib/workshops/schemas';
import { answerPrediction, requireMission } from '@/lib/workshops/views';

/** POST /api/workshops/me/missions/{missionId}/prediction { answer } — one answer per participant; a second is 409. */
export const POST = apiRoute(
  async (req: NextRequest, { missionId }: { missionId: string }) => {
    const store = getStore();
    const p = requireParticipantCookie(store, req);
    const m = requireMission(missionId);
    const { answer } = await readJsonBody(req, predictionSchema);
    answerPrediction(store, p, m, answer);
    return jsonResponse({ missionId: m.missionId, myAnswer: answer });
  },
  { stateChanging: true },
);
