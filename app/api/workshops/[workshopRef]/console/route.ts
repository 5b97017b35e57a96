import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { presentedFacilitatorKey, requestOrigin } from '@/lib/workshops/cookies';
import { workshopForFacilitator } from '@/lib/workshops/room';
import { consoleView } from '@/lib/workshops/views';

/** GET /api/workshops/{workshopId}/console — the room, polled every second by the console. */
export const GET = apiRoute(
  async (req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    return jsonResponse(consoleView(store, w, requestOrigin(req)));
  },
  { stateChanging: false },
);
