import { isReasonCode } from '@/lib/errors/reasons';
import type { Translate } from '@/lib/i18n/translate';

/**
 * The one reader of reason codes (`{ error, reason }` answers, `network-error`,
 * `http-503`…): the code's words from the `reasons` dictionary, or the code
 * itself when it has none (`http-502`, a code from a newer server) — never an
 * English sentence from the server or the browser, and never nothing.
 *
 * Pure: takes the page's t() for the `reasons` namespace.
 */
export function reasonWords(t: Translate<'reasons'>, code: string | null | undefined): string {
  if (!code) return '';
  return isReasonCode(code) ? t(code) : code;
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
