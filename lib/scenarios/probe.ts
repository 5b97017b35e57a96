/**
 * The one rule for what an answer to a stolen copy means, shared by the
 * scenario runner (lib/scenarios/runner.ts) and the lab page's replays
 * (lib/ui/replay-outcome.ts), so a verdict in the matrix and a badge in the
 * attacker rail can never disagree.
 *
 * Only the verifier's own "no" is a refusal: a 401, or on /admin a 403
 * `not-admin` (the copy still signs in, but no longer opens admin pages — the
 * role-change question). Anything else (429, 503, 500, 404…) says nothing
 * about the credential, so it must never be shown as "blocked".
 *
 * Pure: no server imports.
 */
export type CopyEndpoint = 'me' | 'admin' | 'refresh';

export type CopyAnswer = 'works' | 'refused' | 'not-admin' | 'unexpected';

export function classifyCopyAnswer(endpoint: CopyEndpoint, status: number, reason: unknown): CopyAnswer {
  if (status >= 200 && status < 300) return 'works';
  if (status === 401) return 'refused';
  if (status === 403 && reason === 'not-admin' && endpoint === 'admin') return 'not-admin';
  return 'unexpected';
}
