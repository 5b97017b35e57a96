import { NextResponse } from 'next/server';
import { apiRoute, jsonResponse } from '@/lib/http';
import { requireLab } from '@/lib/labs/resolve';
import { selfBaseUrl } from '@/lib/self-url';
import { runMatrix } from '@/lib/scenarios/matrix';
import { matrixMarkdown } from '@/lib/scenarios/report';
import { formatFromQuery } from '@/lib/scenarios/request';

/**
 * GET /api/labs/{labId}/matrix[?format=md] — every scenario against every
 * strategy, run now (nothing cached: a settings change shows at once), with
 * the settings and package versions it ran under.
 */
export const GET = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const format = formatFromQuery(req.nextUrl.searchParams);
    const { store, lab } = requireLab(labId);
    const report = await runMatrix(store, lab, { baseUrl: selfBaseUrl() });
    if (format === 'json') return jsonResponse(report);
    return new NextResponse(matrixMarkdown(report), {
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  },
  { stateChanging: false },
);
