import { NextResponse } from 'next/server';
import { apiRoute, jsonResponse } from '@/lib/http';
import { requireLab } from '@/lib/labs/resolve';
import { selfBaseUrl } from '@/lib/self-url';
import { runMatrix } from '@/lib/scenarios/matrix';
import { matrixMarkdown, reviewerReport } from '@/lib/scenarios/report';
import { reportOptions } from '@/lib/scenarios/report-words';
import { formatFromQuery } from '@/lib/scenarios/request';

/**
 * GET /api/labs/{labId}/matrix[?format=md] — every scenario against every
 * strategy, run now (nothing cached: a settings change shows at once), with
 * the settings and package versions it ran under. The report (Markdown, or
 * JSON with `schemaVersion`) is in `?lang=en|ja`, else the `lang` cookie's language.
 */
export const GET = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const format = formatFromQuery(req.nextUrl.searchParams);
    const words = reportOptions(req, selfBaseUrl());
    const { store, lab } = requireLab(labId);
    const report = await runMatrix(store, lab, { baseUrl: selfBaseUrl() });
    if (format === 'json') return jsonResponse(reviewerReport(report, words));
    return new NextResponse(matrixMarkdown(report, words), {
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  },
  { stateChanging: false },
);
