import type { MatrixReport } from '@/lib/scenarios/matrix';
import { answerReason } from '@/lib/ui/reason';

/** POST …/scenarios/{scenario}/run from the browser: the same endpoint curl would use. */
export async function runScenarioRequest(labId: string, scenario: string, strategy?: string): Promise<MatrixReport> {
  const query = strategy ? `?strategy=${encodeURIComponent(strategy)}` : '';
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`/api/labs/${labId}/scenarios/${encodeURIComponent(scenario)}/run${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    const body = (await res.json().catch(() => ({}))) as Partial<MatrixReport> & { reason?: string };
    // A full room: the server's line of scenario runs is full. It says when to come back; do so a few times
    // rather than show a failure the participant can do nothing about. Nothing ran, so retrying is safe.
    if (res.status === 503 && body.reason === 'server-busy' && attempt < BUSY_ATTEMPTS) {
      await new Promise((r) => setTimeout(r, retryAfterMs(res.headers.get('retry-after'))));
      continue;
    }
    if (!res.ok || !Array.isArray(body.results)) throw new Error(answerReason(res.status, body)); // a code: the pages translate it
    return body as MatrixReport;
  }
}

const BUSY_ATTEMPTS = 6;

/** Retry-After in seconds, kept between 1 and 30 s whatever the header says. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Math.min(30, Math.max(1, Number.isFinite(seconds) ? seconds : 5)) * 1000;
}

/** Hands a text to the browser as a file download (built here, so it is what the page shows). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
