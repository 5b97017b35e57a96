import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getStore } from '@/lib/db';
import { ApiError, apiRoute, jsonResponse } from '@/lib/http';
import { presentedFacilitatorKey } from '@/lib/workshops/cookies';
import { workshopForFacilitator } from '@/lib/workshops/room';
import { summaryMarkdown } from '@/lib/workshops/summary';
import { summaryData } from '@/lib/workshops/views';

const querySchema = z.object({
  format: z.enum(['json', 'md']).default('json'),
  lang: z.enum(['en', 'ja']).optional(),
  names: z.enum(['0', '1']).default('0'),
});

/** GET /api/workshops/{workshopId}/summary?format=json|md&lang=en|ja&names=1 — counts and predictions; never a secret. */
export const GET = apiRoute(
  async (req: NextRequest, { workshopRef }: { workshopRef: string }) => {
    const store = getStore();
    const w = workshopForFacilitator(store, workshopRef, presentedFacilitatorKey(req, workshopRef));
    const q = querySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!q.success) throw new ApiError(400, 'bad-request', 'invalid-query', 'format: json|md, lang: en|ja, names: 0|1');
    const data = summaryData(store, w, q.data.names === '1');
    if (q.data.format === 'json') return jsonResponse(data);
    return new NextResponse(summaryMarkdown(data, q.data.lang ?? w.language), {
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  },
  { stateChanging: false },
);
