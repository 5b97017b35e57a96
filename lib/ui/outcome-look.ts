/**
 * The site's one colour language. Every place that draws an answer to a
 * request or a verdict (timeline, guided steps, attacker rail, matrix,
 * exports) picks its look here, so a room reads the same colour the same way
 * on every screen:
 *
 * - `danger`   — the attacker got in ("still works"): the lesson's bad news.
 * - `defended` — the attacker was refused ("blocked").
 * - `cost`     — a bystander was logged out as collateral of a revocation.
 * - `neutral`  — a victim's, bystander's or operator's own request (success or
 *                not): it says nothing about the attack, so it is not coloured
 *                as a win or a loss.
 * - `error`    — the experiment could not decide (an unexpected status).
 *
 * Colour is never the only signal: each look has a symbol and a word (the
 * word comes from the `common` dictionary, `look_{name}`).
 *
 * Pure (no React): pages, exports and unit tests share it.
 */
export type Look = 'danger' | 'defended' | 'cost' | 'neutral' | 'error';

export const LOOKS: readonly Look[] = ['danger', 'defended', 'cost', 'neutral', 'error'];

// Plain symbols present in every system font (no emoji font on a workshop LAN machine).
export const LOOK_STYLE: Record<Look, { symbol: string; className: string }> = {
  danger: { symbol: '⚠', className: 'look-danger' },
  defended: { symbol: '✓', className: 'look-defended' },
  cost: { symbol: '↯', className: 'look-cost' },
  neutral: { symbol: '·', className: 'look-neutral' },
  error: { symbol: '!', className: 'look-error' },
};

/** Who made a request, as far as the colour language cares. */
export type LookActor = 'attacker' | 'victim' | 'bystander' | 'operator' | 'other';

/**
 * The look of one answer. Only the attacker's answers are wins or losses:
 * a 2xx lets the stolen copy in (danger); a 401, or a 403 `not-admin` from an
 * admin-only endpoint, keeps it out (defended). A bystander's 401 after a
 * revocation is collateral (cost). Everyone else's answers are neutral.
 */
export function lookOfAnswer(actor: LookActor, status: number, reason: string | null | undefined): Look {
  if (actor === 'attacker') {
    if (status >= 200 && status < 300) return 'danger';
    if (status === 401 || (status === 403 && reason === 'not-admin')) return 'defended';
    return 'error';
  }
  if (actor === 'bystander' && status === 401) return 'cost';
  return 'neutral';
}

/** The look of a scenario verdict (the runner's `verdict` field). */
export function lookOfVerdict(verdict: unknown): Look | null {
  if (verdict === 'works-until-expiry') return 'danger';
  if (verdict === 'blocked') return 'defended';
  if (verdict === 'not-applicable') return null;
  return 'error';
}
