/**
 * How the pages show a scenario verdict. The runner's verdicts are
 * `blocked`, `works-until-expiry`, `not-applicable` and `error` (a probe got
 * an answer other than 200 / 401 / 403 not-admin). Anything else — a newer
 * server, a hand-edited JSON — is shown as an error, never as a crash and
 * never as a verdict it is not.
 *
 * Pure (no React): the matrix, the scenario stepper and the unit tests share it.
 */
import { LOOK_STYLE } from './outcome-look';

export type ShownVerdict = 'blocked' | 'works-until-expiry' | 'not-applicable' | 'error';

// The site's one colour language (lib/ui/outcome-look.ts): a copy that still works is
// danger, a blocked one defended. Not-applicable has no look there: it is drawn dashed and muted.
export const VERDICT_LOOK: Record<ShownVerdict, { symbol: string; className: string }> = {
  blocked: LOOK_STYLE.defended,
  'works-until-expiry': LOOK_STYLE.danger,
  'not-applicable': { symbol: '–', className: 'status-none' },
  error: LOOK_STYLE.error,
};

export function shownVerdict(verdict: unknown): ShownVerdict {
  return verdict === 'blocked' || verdict === 'works-until-expiry' || verdict === 'not-applicable' ? verdict : 'error';
}

type TraceLike = { kind: string; status?: unknown; reason?: unknown };
type ResultLike = { refusedWith?: { status?: unknown; reason?: unknown } | null; trace?: readonly TraceLike[] | null };

/** An answer that says something about a stolen copy: 2xx, 401, or 403 not-admin. */
function interpretable(status: number, reason: unknown): boolean {
  return (status >= 200 && status < 300) || status === 401 || (status === 403 && reason === 'not-admin');
}

/**
 * For an error verdict: the answer that made the run unable to decide (status
 * and reason), read from the trace — the first request with an answer none of
 * the verdicts can come from, else `refusedWith`. Null when there is none.
 */
export function errorAnswer(result: ResultLike): { status: number; reason: string | null } | null {
  const requests = Array.isArray(result.trace) ? result.trace.filter((e) => e && e.kind === 'request' && typeof e.status === 'number') : [];
  const odd = requests.find((e) => !interpretable(e.status as number, e.reason));
  const pick = odd ?? (result.refusedWith && typeof result.refusedWith.status === 'number' ? result.refusedWith : null);
  if (!pick) return null;
  return { status: pick.status as number, reason: typeof pick.reason === 'string' ? pick.reason : null };
}
