import type { MatrixReport } from '@/lib/scenarios/matrix';
import { answerReason } from '@/lib/ui/reason';

/** POST …/scenarios/{scenario}/run from the browser: the same endpoint curl would use. */
export async function runScenarioRequest(labId: string, scenario: string, strategy?: string): Promise<MatrixReport> {
  const query = strategy ? `?strategy=${encodeURIComponent(strategy)}` : '';
  const res = await fetch(`/api/labs/${labId}/scenarios/${encodeURIComponent(scenario)}/run${query}`, { method: 'POST' });
  const body = (await res.json().catch(() => ({}))) as Partial<MatrixReport> & { reason?: string };
  if (!res.ok || !Array.isArray(body.results)) throw new Error(answerReason(res.status, body)); // a code: the pages translate it
  return body as MatrixReport;
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
