import type { NextRequest } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { requireParticipantCookie } from '@/lib/workshops/room';
import { requireMission } from '@/lib/workshops/views';

/** POST /api/workshops/me/missions/{missionId}/hint — reveals the next hint (never beyond the last). */
export const POST = apiRoute(
  async (req: NextRequest, { missionId }: { missionId: string }) => {
    const store = getStore();
    const p = requireParticipantCookie(store, req);
    const m = requireMission(missionId);
    return jsonResponse({ hintsRevealed: store.workshops.revealHint(p.id, m.missionId, m.hintCount) });
  },
  { stateChanging: true },
);
