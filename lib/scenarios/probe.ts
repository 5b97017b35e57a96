/**
 * How the runner reads one answer to a replayed credential. Only the
 * verifier's own "no" — a 401, or a 403 `not-admin` from /admin — is a
 * refusal. Anything else (429, 503, 500, 404…) says nothing about the
 * credential, so it must never be shown as "blocked".
 */
export type ProbeAnswer = 'works' | 'refused' | 'unexpected';

export function classifyProbeAnswer(status: number, reason: unknown): ProbeAnswer {
  if (status === 200) return 'works';
  if (status === 401 || (status === 403 && reason === 'not-admin')) return 'refused';
  return 'unexpected';
}
