import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { presentedFacilitatorKey } from '@/lib/workshops/cookies';
import { requireParticipant, resetParticipantLab, workshopForFacilitator } from '@/lib/workshops/room';

/** POST /api/workshops/{workshopId}/participants/{participantId}/reset — a fresh start in the same lab. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef, participantId }: { workshopRef: string; participantId: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    const p = requireParticipant(store, w, participantId);
    await resetParticipantLab(store, p);
    return jsonResponse({ participantId: p.id, labId: p.lab_id, reset: true });
  },
  { stateChanging: true },
);
