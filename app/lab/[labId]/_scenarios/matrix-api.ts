import type { MatrixReport } from '@/lib/scenarios/matrix';
import type { MatrixSet } from '@/lib/db/matrix-runs';
import { answerReason } from '@/lib/ui/reason';

/** The run is someone else's (another tab, another screen): the page waits for it instead. */
export class MatrixBusyError extends Error {
  constructor() {
    super('matrix-running');
  }
}

const BUSY_ATTEMPTS = 6;

/** POST …/matrix from the browser: runs every cell and stores the result as the lab's last run. */
export async function startMatrix(labId: string, set: MatrixSet = 'strategies'): Promise<MatrixReport> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`/api/labs/${labId}/matrix`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set }) });
    const body = (await res.json().catch(() => ({}))) as Partial<MatrixReport> & { reason?: string };
    // A full room: nothing ran, so coming back after Retry-After is safe.
    if (res.status === 503 && body.reason === 'server-busy' && attempt < BUSY_ATTEMPTS) {
      await new Promise((r) => setTimeout(r, retryAfterMs(res.headers.get('retry-after'))));
      continue;
    }
    if (res.status === 409 && body.reason === 'matrix-running') throw new MatrixBusyError();
    if (!res.ok || !Array.isArray(body.results)) throw new Error(answerReason(res.status, body)); // a code: the page translates it
    return body as MatrixReport;
  }
}

/**
 * GET …/matrix: the lab's last stored run, or null when it has none. The lab's state says first
 * whether there is one, so a lab that never ran costs no 404 (a console error on the page).
 */
export async function lastMatrix(labId: string, set: MatrixSet = 'strategies'): Promise<MatrixReport | null> {
  const state = await fetch(`/api/labs/${labId}`, { cache: 'no-store' });
  const lab = (await state.json().catch(() => ({}))) as { lastMatrixRunAt?: unknown };
  if (!state.ok || typeof lab.lastMatrixRunAt !== 'number') return null;
  const res = await fetch(`/api/labs/${labId}/matrix?set=${set}`, { cache: 'no-store' });
  if (res.status === 404) return null;
  const body = (await res.json().catch(() => ({}))) as Partial<MatrixReport> & { reason?: string };
  if (!res.ok || !Array.isArray(body.results)) throw new Error(answerReason(res.status, body));
  return body as MatrixReport;
}

/** Retry-After in seconds, kept between 1 and 30 s whatever the header says. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Math.min(30, Math.max(1, Number.isFinite(seconds) ? seconds : 5)) * 1000;
}
