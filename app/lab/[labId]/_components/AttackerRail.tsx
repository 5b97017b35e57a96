'use client';
import { useT } from '@/lib/i18n/client';
import { LookLegend } from '@/app/_components/LookLegend';
import { formatClockDuration, formatLabTime } from '@/lib/ui/format';
import { ReasonText } from './StatusBadge';
import { classifyReplay, type ReplayOutcome } from '@/lib/ui/replay-outcome';
import { LOOK_STYLE, lookOfAnswer } from '@/lib/ui/outcome-look';
import type { CopyLast, CopyView } from './types';

export type ReplayFailure = { endpoint: string; outcome: ReplayOutcome };

type Props = {
  copies: CopyView[];
  /** Strategies with a refresh endpoint (the lab state's `refreshableStrategies`). */
  refreshable: readonly string[];
  /** The seq of the newest victim or operator change in the journal: older answers may be stale. */
  lastChangeSeq: number;
  notice: string | null;
  labNow: number;
  busyId: number | null;
  /** Replays whose answer was no verdict (the replay endpoint failed), by copy id. */
  failures: Record<number, ReplayFailure>;
  onReplay: (copy: CopyView, endpoint: 'me' | 'admin' | 'refresh') => void;
  onReplayAll: () => void;
  autoReplay: boolean;
  onAutoReplayChange: (on: boolean) => void;
};

/** The attacker: every stolen copy the lab holds, replayable with one click, with its last verdict. */
export function AttackerRail({ copies, refreshable, lastChangeSeq, notice, labNow, busyId, failures, onReplay, onReplayAll, autoReplay, onAutoReplayChange }: Props) {
  const t = useT('lab');
  return (
    <section className="card border-attacker border-2" aria-labelledby="attacker-h" data-testid="attacker-rail">
      <div className="flex items-center justify-between gap-2">
        <h2 id="attacker-h" className="text-lg font-bold text-attacker">
                    {t('attacker')}
        </h2>
        {copies.length > 1 && (
          <button type="button" className="btn btn-small btn-attacker" onClick={onReplayAll} disabled={busyId !== null}>
            {t('replayAll')}
          </button>
        )}
      </div>
      <p className="text-xs text-muted mb-2" data-secondary>
        {t('attackerIntro')}
      </p>
      <label className="flex items-center gap-2 text-sm mb-1">
        <input type="checkbox" checked={autoReplay} onChange={(e) => onAutoReplayChange(e.target.checked)} data-testid="auto-replay" />
        {t('autoReplay')}
      </label>
      <p className="text-sm min-h-[1.4em]" role="status">
        {notice ?? ''}
      </p>
      <h3 className="text-sm font-semibold">{t('stolen')}</h3>
      {copies.length === 0 ? (
        <p className="text-sm text-muted">{t('noStolen')}</p>
      ) : (
        <ol className="flex flex-col gap-2 max-h-[24rem] overflow-auto" data-testid="stolen-list" tabIndex={0} aria-label={t('stolen')}>
          {copies.map((copy) => (
            <CopyItem
              key={copy.copyId}
              copy={copy}
              refreshable={refreshable.includes(copy.strategy)}
              stale={copy.last !== null && copy.last.seq < lastChangeSeq}
              labNow={labNow}
              busy={busyId === copy.copyId}
              failure={failures[copy.copyId] ?? null}
              onReplay={onReplay}
            />
          ))}
        </ol>
      )}
      {/* The legend sits with the verdicts it explains (and keeps the lab page's first screen for the panels). */}
      <div className="mt-3 border-t border-border pt-2">
        <LookLegend />
      </div>
    </section>
  );
}

function CopyItem({
  copy,
  refreshable,
  stale,
  labNow,
  busy,
  failure,
  onReplay,
}: {
  copy: CopyView;
  failure: ReplayFailure | null;
  refreshable: boolean;
  stale: boolean;
  labNow: number;
  busy: boolean;
  onReplay: Props['onReplay'];
}) {
  const t = useT('lab');
  // A failed replay is the newest thing known about this copy; the server's last answer comes back with the next one.
  const last = failure ? null : copy.last;
  const outcome = failure ? failure.outcome : last ? outcomeOf(last) : null;
  const accepted = outcome?.kind === 'works';
  return (
    <li className="border border-border rounded p-2" data-testid={`copy-${copy.copyId}`} data-strategy={copy.strategy}>
      <p className="text-sm font-semibold mono">{t('copyTitle', { n: copy.copyId, strategy: copy.strategy, user: copy.username ?? '?' })}</p>
      <p className="text-xs text-muted" data-secondary>
        {t('stolenAt', { time: formatLabTime(copy.stolenAt) })} · <span className="mono">{copy.cookieNames.join(', ')}</span> ·{' '}
        <span className="mono" title={t('credentialHashTitle')}>
          #{copy.credential}
        </span>
      </p>
      <div className="min-h-[2.8rem] text-sm" aria-live="polite" data-testid="copy-status">
        {failure ? (
          <>
            <OutcomeBadge endpoint={failure.endpoint} outcome={failure.outcome} />{' '}
            <ReasonText reason={failure.outcome.reason} />
            {failure.outcome.kind === 'error' && failure.outcome.source === 'endpoint' && <span className="text-xs"> ({t('replayEndpointFailed')})</span>}
          </>
        ) : last === null || outcome === null ? (
          <span className="status status-none">{t('copyUntested')}</span>
        ) : (
          <>
            <OutcomeBadge endpoint={last.endpoint} outcome={outcome} />{' '}
            {outcome.kind !== 'works' && <ReasonText reason={outcome.reason} />}
            {accepted && last.expiresAt !== null && last.expiresAt > labNow && (
              <span className="font-semibold" data-testid="copy-remaining">
                {t('copyWorksFor', { time: formatClockDuration(last.expiresAt - labNow) })} <span className="font-normal text-muted">{t('onLabClock')}</span>
              </span>
            )}
            {accepted && last.expiresAt !== null && last.expiresAt <= labNow && <span className="text-sm">{t('copyExpiredNow')}</span>}
            {stale && (
              <span className="block text-xs italic" data-testid="copy-stale">
                ↻ {t('copyStale')}
              </span>
            )}
          </>
        )}
      </div>
      <div className="flex flex-wrap gap-1 mt-1">
        <button type="button" className="btn btn-small btn-attacker" disabled={busy} onClick={() => onReplay(copy, 'me')}>
          {t('replayMe')}
        </button>
        <button type="button" className="btn btn-small btn-attacker" disabled={busy} onClick={() => onReplay(copy, 'admin')}>
          {t('replayAdmin')}
        </button>
        {refreshable && (
          <button type="button" className="btn btn-small btn-attacker" disabled={busy} onClick={() => onReplay(copy, 'refresh')}>
            {t('replayRefresh')}
          </button>
        )}
      </div>
    </li>
  );
}

/** What the copy's last replay answer means (works / blocked / not-admin / error): the answer as the server gave it. */
function outcomeOf(last: CopyLast): ReplayOutcome {
  return classifyReplay(last.endpoint, {
    status: 200,
    body: { status: last.status, body: last.reason ? { reason: last.reason } : {}, request: { method: '', path: '' } },
  });
}

const OUTCOME_WORD = { works: 'copyWorks', blocked: 'copyBlocked', 'not-admin': 'copyNotAdmin', error: 'copyError' } as const;

/**
 * The answer to "does the copy still get in?" in the site's one colour language (lookOfAnswer: the
 * attacker getting in is danger, refused is defended) — symbol, word and colour, never colour alone.
 */
function OutcomeBadge({ endpoint, outcome }: { endpoint: string; outcome: ReplayOutcome }) {
  const t = useT('lab');
  const look = LOOK_STYLE[lookOfAnswer('attacker', outcome.status, outcome.reason)];
  const status = outcome.status === 0 ? `0 ${t('networkError')}` : String(outcome.status);
  return (
    <span className={`status ${look.className}`} data-verdict={outcome.kind} data-status={outcome.status}>
      <span aria-hidden="true">{look.symbol}</span>
      {t(OUTCOME_WORD[outcome.kind])} · /{endpoint} {status}
    </span>
  );
}
