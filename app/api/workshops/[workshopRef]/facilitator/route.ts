import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { getStore } from '@/lib/db';
import { apiRoute, readJsonBody } from '@/lib/http';
import { setFacilitatorCookie } from '@/lib/workshops/cookies';
import { workshopForFacilitator } from '@/lib/workshops/room';
import { facilitatorKeySchema } from '@/lib/workshops/schemas';

/** POST /api/workshops/{workshopId}/facilitator { key } — trades the link's key for the console cookie. */
export const POST = apiRoute(
  async (req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const { key } = await readJsonBody(req, facilitatorKeySchema);
    const w = workshopForFacilitator(getStore(), workshopRef, key);
    const res = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
    setFacilitatorCookie(res, req, w.id, key);
    return res;
  },
  { stateChanging: true },
);
