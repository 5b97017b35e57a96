import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { presentedFacilitatorKey } from '@/lib/workshops/cookies';
import { workshopForFacilitator } from '@/lib/workshops/room';
import { requireMission, revealPrediction } from '@/lib/workshops/views';

/** POST /api/workshops/{workshopId}/missions/{missionId}/reveal — participants now see the room's answers. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef, missionId }: { workshopRef: string; missionId: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    return jsonResponse(revealPrediction(store, w, requireMission(missionId)));
  },
  { stateChanging: true },
);
