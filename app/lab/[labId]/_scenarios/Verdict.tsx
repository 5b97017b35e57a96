'use client';
import { useLocale, useT } from '@/lib/i18n/client';
import { notApplicableKey } from '@/lib/i18n/keys';
import { isNotApplicableCode } from '@/lib/scenarios/scenario';
import type { Locale } from '@/lib/i18n/config';
import { formatDuration, formatDurationAtLeast } from '@/lib/scenarios/format';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { errorAnswer, shownVerdict, VERDICT_LOOK } from '@/lib/ui/verdict-look';

/** The verdict as a symbol, a word and a colour — never colour alone — with the window as a duration. */
export function VerdictBadge({ result, wrap = false }: { result: ScenarioResult; wrap?: boolean }) {
  const t = useT('scenarios');
  const locale = useLocale();
  // An unknown verdict string (a newer server, an edited JSON) shows as an error, never as a crash.
  const verdict = shownVerdict(result.verdict);
  const look = VERDICT_LOOK[verdict];
  const failed = verdict === 'error' ? errorAnswer(result) : null;
  return (
    <span
      className={`status ${look.className}${wrap ? ' status-wrap' : ''}`}
      data-verdict={verdict}
      data-window={verdict === 'works-until-expiry' ? (result.windowSeconds ?? undefined) : undefined}
      data-status={failed?.status}
    >
      <span aria-hidden="true">{look.symbol}</span>
      {verdictWords(result, t, locale)}
    </span>
  );
}

export function verdictWords(result: ScenarioResult, t: ReturnType<typeof useT<'scenarios'>>, locale: Locale = 'en'): string {
  switch (shownVerdict(result.verdict)) {
    case 'blocked':
      return t('verdict_blocked');
    case 'works-until-expiry':
      // A window is one unit of meaning: "15 min" never breaks across lines (a no-break space).
      return result.windowSeconds !== null
        ? t('verdict_works', { window: unbroken(formatDuration(result.windowSeconds, locale)) })
        : t('verdict_worksOpen', { window: unbroken(formatDurationAtLeast(result.window?.lastWorkingSeconds ?? 0, locale)) });
    case 'not-applicable':
      return t('verdict_na');
    default:
      return t('verdict_error');
  }
}

const unbroken = (text: string) => text.replace(/ /g, '\u00a0');

/** One sentence on what was measured, for the trace panel and the last step of a scenario. */
export function VerdictSummary({ result }: { result: ScenarioResult }) {
  const t = useT('scenarios');
  const locale = useLocale();
  const w = result.window;
  const verdict = shownVerdict(result.verdict);
  let text: string;
  if (verdict === 'not-applicable')
    text = t('summaryNa', { why: naWords(t, result.noteCode, result.strategy) });
  else if (verdict === 'error') {
    const failed = errorAnswer(result);
    text = failed
      ? t('summaryError', { status: failed.status, reason: failed.reason ?? '—' })
      : t('runFailed', { reason: t('errorNoDetail') });
  } else if (verdict === 'blocked') text = t('summaryBlocked', { reason: `${result.refusedWith?.status ?? ''} ${result.refusedWith?.reason ?? ''}`.trim() });
  // Expiry revokes nothing: its window runs from the theft, and the words must not speak of a revoking action.
  else if (result.windowSeconds === null) text = t(result.scenario === 'expiry' ? 'summaryOpenExpiry' : 'summaryOpen', { window: formatDurationAtLeast(w?.lastWorkingSeconds ?? 0, locale) });
  else
    text = t(result.scenario === 'expiry' ? 'summaryWindowExpiry' : 'summaryWindow', {
      window: formatDuration(result.windowSeconds, locale),
      last: w?.lastWorkingSeconds ?? 0,
      refused: w?.firstRefusedSeconds ?? result.windowSeconds,
    });
  const others = Array.isArray(result.collateral?.loggedOut) ? result.collateral.loggedOut.length : 0;
  return (
    <p className="text-sm" data-testid="verdict-summary">
      {text}
      {/* The server's note is English prose: shown as such (and marked so) only on the English page. */}
      {locale === 'en' && result.note && verdict !== 'not-applicable' && (
        <span className="block text-xs text-muted" lang="en" data-testid="server-note">
          {result.note}
        </span>
      )}
      {others > 0 && <strong> {t('collateral', { n: others })}</strong>}
    </p>
  );
}

/** Why a scenario does not apply, from its declared code (never the server's English note); the code itself if unknown. */
function naWords(t: ReturnType<typeof useT<'scenarios'>>, code: string | null, strategy: string): string {
  if (!code) return t('naNoCode');
  return isNotApplicableCode(code) ? t(notApplicableKey(code), { strategy }) : code;
}
