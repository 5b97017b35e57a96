import type { NextRequest } from 'next/server';
import { clientAddress } from '@/lib/client-address';
import { getStore } from '@/lib/db';
import { env } from '@/lib/env';
import { apiRoute, jsonResponse } from '@/lib/http';
import { requestOrigin, setFacilitatorCookie } from '@/lib/workshops/cookies';
import { createWorkshop, throttle } from '@/lib/workshops/room';
import { createWorkshopSchema } from '@/lib/workshops/schemas';
import { readOptionalJson } from '@/lib/workshops/body';
import { joinPath } from '@/lib/workshops/views';
import { sweepIdleLabs } from '@/lib/labs/sweeper';

/**
 * POST /api/workshops — a new workshop. The facilitator key is in this answer
 * once (and in the cookie set here): only its hash is stored. The console
 * link carries it in the fragment, which browsers never send to a server.
 */
export const POST = apiRoute(
  async (req: NextRequest) => {
    const input = await readOptionalJson(req, createWorkshopSchema);
    const store = getStore();
    sweepIdleLabs(store, env.labIdleSeconds);
    throttle(store, `create:${clientAddress(req)}`, env.workshopsPerClient, 60 * 60_000);
    const { workshop, facilitatorKey } = createWorkshop(store, input);
    const origin = requestOrigin(req);
    const res = jsonResponse(
      {
        workshopId: workshop.id,
        facilitatorKey,
        joinCode: workshop.join_code,
        joinUrl: origin + joinPath(workshop.join_code),
        facilitatorUrl: `${origin}/workshop/${workshop.id}#key=${facilitatorKey}`,
      },
      201,
    );
    setFacilitatorCookie(res, req, workshop.id, facilitatorKey);
    return res;
  },
  { stateChanging: true },
);
