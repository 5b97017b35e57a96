import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { ApiError, apiRoute, jsonResponse, readJsonBody } from '@/lib/http';
import { visitLab } from '@/lib/labs/resolve';
import { selfBaseUrl } from '@/lib/self-url';
import { MatrixCancelledError, type MatrixReport } from '@/lib/scenarios/matrix';
import { lastMatrixRun, noMatrixRun, requireMatrixSet, startMatrixRun } from '@/lib/scenarios/matrix-runs';
import { matrixMarkdown, reviewerReport } from '@/lib/scenarios/report';
import { reportOptions } from '@/lib/scenarios/report-words';
import { formatFromQuery, type ReportFormat } from '@/lib/scenarios/request';

/**
 * The report (Markdown, or JSON with `schemaVersion`) in `?lang=en|ja`, else
 * the `lang` cookie's language.
 */
function answer(report: MatrixReport, format: ReportFormat, words: ReturnType<typeof reportOptions>) {
  if (format === 'json') return jsonResponse(reviewerReport(report, words));
  return new NextResponse(matrixMarkdown(report, words), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** `{ "set": "strategies" | "presets" }`; an empty body (or none) is the strategies. */
const matrixBodySchema = z.object({ set: z.string().max(64).optional() }).strict();

async function requestedSet(req: NextRequest) {
  const hasBody = Number(req.headers.get('content-length') ?? '0') > 0 || req.headers.has('transfer-encoding');
  const body = hasBody ? await readJsonBody(req, matrixBodySchema) : {};
  return requireMatrixSet(body.set ?? req.nextUrl.searchParams.get('set'));
}

/**
 * POST /api/labs/{labId}/matrix[?format=md][&lang=] — runs every scenario
 * against every strategy (or, with `{ "set": "presets" }`, every library preset) now, under the lab's current settings, and keeps the
 * result as the lab's last run. A state change (42 cells of work, a stored
 * result): CSRF-checked, so no `<img>` or cross-site form can start one. 409
 * while this lab's previous run is still going; cancelled when the client goes away.
 */
export const POST = apiRoute<{ labId: string }>(
  async (req: NextRequest, { labId }) => {
    const format = formatFromQuery(req.nextUrl.searchParams);
    const words = reportOptions(req, selfBaseUrl());
    const { store, lab } = visitLab(labId);
    const set = await requestedSet(req);
    try {
      return answer(await startMatrixRun(store, lab, { baseUrl: selfBaseUrl(), signal: req.signal }, set), format, words);
    } catch (err) {
      // Nobody is listening any more; the status only reaches the server's own log.
      if (err instanceof MatrixCancelledError) throw new ApiError('client-gone', 'The client went away.');
      throw err;
    }
  },
  { stateChanging: true },
);

/**
 * GET /api/labs/{labId}/matrix[?set=presets][&format=md][&lang=] — the lab's last matrix
 * run of the set (strategies when none is named), with the date and the settings it ran under; 404 no-matrix-run when
 * there is none. A read never starts work.
 */
export const GET = apiRoute<{ labId: string }>(
  async (req, { labId }) => {
    const format = formatFromQuery(req.nextUrl.searchParams);
    const words = reportOptions(req, selfBaseUrl());
    const { store, lab } = visitLab(labId);
    const report = lastMatrixRun(store, lab.id, requireMatrixSet(req.nextUrl.searchParams.get('set')));
    if (!report) throw noMatrixRun();
    return answer(report, format, words);
  },
  { stateChanging: false },
);
