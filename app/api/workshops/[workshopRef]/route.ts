import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { isClosed, workshopByCode } from '@/lib/workshops/room';

/** GET /api/workshops/{joinCode} — what the join page shows before joining. */
export const GET = apiRoute(
  async (_req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const store = getStore();
    const w = workshopByCode(store, workshopRef);
    return jsonResponse({
      title: w.title,
      language: w.language,
      closed: isClosed(w),
      full: store.workshops.participantCount(w.id) >= w.capacity,
    });
  },
  { stateChanging: false },
);
