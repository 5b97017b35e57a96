import type { NextRequest } from 'next/server';
import { realNowMs } from '@/lib/clock';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { presentedFacilitatorKey } from '@/lib/workshops/cookies';
import { workshopForFacilitator } from '@/lib/workshops/room';

/** POST /api/workshops/{workshopId}/close — no more joins; labs stay for the retention time, then go with the workshop. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    store.workshops.close(w.id, realNowMs());
    return jsonResponse({ closed: true });
  },
  { stateChanging: true },
);
