import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { requireParticipantCookie } from '@/lib/workshops/room';
import { participantView } from '@/lib/workshops/views';

/** GET /api/workshops/me — the participant's missions, computed from their own lab's journal on each call. */
export const GET = apiRoute(
  async (req: NextRequest) => {
    const store = getStore();
    return jsonResponse(participantView(store, requireParticipantCookie(store, req)));
  },
  { stateChanging: false },
);
