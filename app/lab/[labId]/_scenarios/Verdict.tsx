'use client';
import { useT } from '@/lib/i18n/client';
import { formatDuration } from '@/lib/scenarios/format';
import type { ScenarioResult } from '@/lib/scenarios/types';

// Plain symbols present in every system font (no emoji font on a workshop LAN machine).
const LOOK = {
  blocked: { symbol: '✓', className: 'status-ok' },
  'works-until-expiry': { symbol: '✗', className: 'status-bad' },
  'not-applicable': { symbol: '–', className: 'status-none' },
  error: { symbol: '!', className: 'status-warn' },
} as const;

/** The verdict as a symbol, a word and a colour — never colour alone — with the window as a duration. */
export function VerdictBadge({ result }: { result: ScenarioResult }) {
  const t = useT('scenarios');
  const look = LOOK[result.verdict];
  return (
    <span className={`status ${look.className}`} data-verdict={result.verdict} data-window={result.windowSeconds ?? undefined}>
      <span aria-hidden="true">{look.symbol}</span>
      {verdictWords(result, t)}
    </span>
  );
}

export function verdictWords(result: ScenarioResult, t: ReturnType<typeof useT<'scenarios'>>): string {
  switch (result.verdict) {
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
  let text: string;
  if (result.verdict === 'not-applicable')
    text = t('summaryNa', { why: result.noteCode ? t(`na_${result.noteCode}` as Parameters<typeof t>[0], { strategy: result.strategy }) : (result.note ?? '') });
  else if (result.verdict === 'error') text = t('runFailed', { reason: result.note ?? '' });
  else if (result.verdict === 'blocked') text = t('summaryBlocked', { reason: `${result.refusedWith?.status ?? ''} ${result.refusedWith?.reason ?? ''}`.trim() });
  else if (result.windowSeconds === null) text = t('summaryOpen', { window: formatDuration(w?.lastWorkingSeconds ?? 0) });
  else
    text = t('summaryWindow', {
      window: formatDuration(result.windowSeconds),
      last: w?.lastWorkingSeconds ?? 0,
      refused: w?.firstRefusedSeconds ?? result.windowSeconds,
    });
  const others = result.collateral.loggedOut.length;
  return (
    <p className="text-sm" data-testid="verdict-summary">
      {text}
      {others > 0 && <strong> {t('collateral', { n: others })}</strong>}
    </p>
  );
}
