/**
 * Reason codes (`{ error, reason }` answers, `network-error`, `http-503`…)
 * in plain words: the dictionary entry `reason_<code>` of the namespace
 * given, falling back to the code itself — never an English sentence from
 * the server or the browser, and never nothing.
 *
 * Pure: takes the page's t() (which answers the key itself when it has no entry).
 */
export function reasonWords(t: (key: never) => string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `reason_${code}`;
  const words = (t as (key: string) => string)(key);
  return words && words !== key ? words : code;
}

/** A fetch failure as a code: a code thrown by our own code stays; a browser TypeError ("Failed to fetch") is `network-error`. */
export function reasonCodeOf(err: unknown): string {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(message) ? message : 'network-error';
}

/** The reason of an API answer, or `http-<status>` when it gives none. */
export function answerReason(status: number, body: { reason?: unknown } | null | undefined): string {
  return typeof body?.reason === 'string' && body.reason !== '' ? body.reason : `http-${status}`;
}
