'use client';
import { useT } from '@/lib/i18n/client';
import { formatDuration } from '@/lib/scenarios/format';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { errorAnswer, shownVerdict, VERDICT_LOOK } from '@/lib/ui/verdict-look';

/** The verdict as a symbol, a word and a colour — never colour alone — with the window as a duration. */
export function VerdictBadge({ result }: { result: ScenarioResult }) {
  const t = useT('scenarios');
  // An unknown verdict string (a newer server, an edited JSON) shows as an error, never as a crash.
  const verdict = shownVerdict(result.verdict);
  const look = VERDICT_LOOK[verdict];
  const failed = verdict === 'error' ? errorAnswer(result) : null;
  return (
    <span
      className={`status ${look.className}`}
      data-verdict={verdict}
      data-window={verdict === 'works-until-expiry' ? (result.windowSeconds ?? undefined) : undefined}
      data-status={failed?.status}
    >
      <span aria-hidden="true">{look.symbol}</span>
      {verdictWords(result, t)}
    </span>
  );
}

export function verdictWords(result: ScenarioResult, t: ReturnType<typeof useT<'scenarios'>>): string {
  switch (shownVerdict(result.verdict)) {
    case 'blocked':
      return t('verdict_blocked');
    case 'works-until-expiry':
      return result.windowSeconds !== null
        ? t('verdict_works', { window: formatDuration(result.windowSeconds) })
        : t('verdict_worksOpen', { window: formatDuration(result.window?.lastWorkingSeconds ?? 0) });
    case 'not-applicable':
      return t('verdict_na');
    default:
      return t('verdict_error');
  }
}

/** One sentence on what was measured, for the trace panel and the last step of a scenario. */
export function VerdictSummary({ result }: { result: ScenarioResult }) {
  const t = useT('scenarios');
  const w = result.window;
  const verdict = shownVerdict(result.verdict);
  let text: string;
  if (verdict === 'not-applicable')
    text = t('summaryNa', { why: result.noteCode ? t(`na_${result.noteCode}` as Parameters<typeof t>[0], { strategy: result.strategy }) : (result.note ?? '') });
  else if (verdict === 'error') {
    const failed = errorAnswer(result);
    text = failed
      ? t('summaryError', { status: failed.status, reason: failed.reason ?? '—' })
      : t('runFailed', { reason: result.note ?? t('verdict_error') });
  } else if (verdict === 'blocked') text = t('summaryBlocked', { reason: `${result.refusedWith?.status ?? ''} ${result.refusedWith?.reason ?? ''}`.trim() });
  else if (result.windowSeconds === null) text = t('summaryOpen', { window: formatDuration(w?.lastWorkingSeconds ?? 0) });
  else
    text = t('summaryWindow', {
      window: formatDuration(result.windowSeconds),
      last: w?.lastWorkingSeconds ?? 0,
      refused: w?.firstRefusedSeconds ?? result.windowSeconds,
    });
  const others = Array.isArray(result.collateral?.loggedOut) ? result.collateral.loggedOut.length : 0;
  return (
    <p className="text-sm" data-testid="verdict-summary" data-verdict={verdict}>
      {text}
      {others > 0 && <strong> {t('collateral', { n: others })}</strong>}
    </p>
  );
}
