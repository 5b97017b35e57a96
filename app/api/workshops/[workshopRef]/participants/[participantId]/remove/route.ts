import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute } from '@/lib/http';
import { presentedFacilitatorKey } from '@/lib/workshops/cookies';
import { requireParticipant, workshopForFacilitator } from '@/lib/workshops/room';

/** POST /api/workshops/{workshopId}/participants/{participantId}/remove — the participant and their lab are deleted. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef, participantId }: { workshopRef: string; participantId: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    const p = requireParticipant(store, w, participantId);
    store.workshops.removeParticipant(w.id, p.id);
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  },
  { stateChanging: true },
);
