import type { NextRequest } from 'next/server';
import { clientAddress } from '@/lib/client-address';
import { getStore } from '@/lib/db';
import { apiRoute, jsonResponse } from '@/lib/http';
import { readOptionalJson } from '@/lib/workshops/body';
import { PARTICIPANT_COOKIE, setParticipantCookie } from '@/lib/workshops/cookies';
import { joinWorkshop, workshopByCode } from '@/lib/workshops/room';
import { joinSchema } from '@/lib/workshops/schemas';
import { labUrl } from '@/lib/workshops/views';

/** POST /api/workshops/{joinCode}/join — a lab of one's own and the participant cookie; a rejoin gets the same back. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const store = getStore();
    const w = workshopByCode(store, workshopRef);
    const input = await readOptionalJson(req, joinSchema);
    const { participant, cookie, created } = await joinWorkshop(store, w, {
      name: input.name,
      presentedCookie: req.cookies.get(PARTICIPANT_COOKIE)?.value,
      client: clientAddress(req),
    });
    const res = jsonResponse(
      { participantId: participant.id, labId: participant.lab_id, labUrl: labUrl(participant.lab_id) },
      created ? 201 : 200,
    );
    if (cookie) setParticipantCookie(res, req, cookie);
    return res;
  },
  { stateChanging: true },
);
