'use client';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDuration } from '@/lib/scenarios/format';
import type { TraceEntry } from '@/lib/scenarios/types';
import { LOOK_STYLE, lookOfAnswer, type LookActor } from '@/lib/ui/outcome-look';
import { phaseKey, traceActorKey } from '@/lib/i18n/keys';
import { RequestPath } from '@/app/_components/RequestPath';
import { shellLineFor } from './trace-lines';

/** The runner's actor roles in the colour language's terms: both of the victim's devices are the victim. */
export function lookActorOf(role: string): LookActor {
  if (role === 'attacker' || role === 'bystander' || role === 'operator') return role;
  if (role.startsWith('victim')) return 'victim';
  return 'other';
}

// Whole class names, so Tailwind finds them in the source.
const ACTOR_CLASS: Record<string, string> = {
  'victim-laptop': 'text-victim',
  'victim-phone': 'text-victim',
  attacker: 'text-attacker',
  operator: 'text-operator',
  bystander: 'text-muted',
};
const ACTOR_ICON: Record<string, string> = { 'victim-laptop': '●', 'victim-phone': '●', attacker: '▲', operator: '⚙', bystander: '○' };

/** Every request of a run (or of one step of it), each with the shell line that repeats it. */
export function TraceTable({ entries, startedAt, compact = false }: { entries: TraceEntry[]; startedAt: number | null; compact?: boolean }) {
  const t = useT('scenarios');
  const locale = useLocale();
  // Traces exist only after a run the browser started, so this never renders on the server.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  if (entries.length === 0) return <p className="text-sm text-muted">{t('noRequests')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm border-collapse" data-testid="trace-table">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="p-1">{t('colSeq')}</th>
            {!compact && <th className="p-1">{t('colPhase')}</th>}
            <th className="p-1">{t('colActor')}</th>
            <th className="p-1">{t('colRequest')}</th>
            <th className="p-1">{t('colStatus')}</th>
            <th className="p-1">{t('colReason')}</th>
            <th className="p-1">{t('colLookups')}</th>
            <th className="p-1">{t('colAt')}</th>
            {!compact && <th className="p-1">{t('colMs')}</th>}
            {!compact && <th className="p-1">{t('colCurl')}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const actor = e.kind === 'copy' ? e.to : e.actor;
            const actorKey = traceActorKey(actor);
            const at = startedAt === null ? e.at : e.at - startedAt;
            const shellLine = <ShellLine label={e.kind === 'copy' ? 'cp' : 'curl'} line={origin ? shellLineFor(e, origin) : ''} />;
            return (
              <tr key={e.seq} className="border-t border-border align-top" data-testid="trace-row" data-actor={actor}>
                <td className="p-1 mono">{e.seq}</td>
                {!compact && <td className="p-1">{t(phaseKey(e.phase))}</td>}
                <td className={`p-1 font-semibold ${ACTOR_CLASS[actor] ?? ''}`}>
                  <span aria-hidden="true">{ACTOR_ICON[actor] ?? ''} </span>
                  {t(actorKey)}
                  {e.kind === 'request' && e.actor === 'bystander' && e.username ? ` (${e.username})` : ''}
                </td>
                {e.kind === 'copy' ? (
                  <td className="p-1" colSpan={3}>
                    {t('copied', { from: t(traceActorKey(e.from)) })}: <span className="mono">{e.cookieNames.join(', ')}</span>
                    {compact && shellLine}
                  </td>
                ) : (
                  <>
                    <td className="p-1 mono break-words" data-col="request">
                      <RequestPath method={e.method} path={e.path} />
                      {compact && shellLine}
                    </td>
                    <td className="p-1">
                      <AnswerBadge actor={e.actor} status={e.status} reason={e.reason} />
                    </td>
                    <td className="p-1 mono">{e.reason ?? '—'}</td>
                  </>
                )}
                <td className="p-1 mono">{e.kind === 'request' ? (e.lookups ?? '—') : '—'}</td>
                <td className="p-1 mono">+{keepNumbersWithUnits(formatDuration(at, locale))}</td>
                {!compact && <td className="p-1 mono whitespace-nowrap text-right">{e.kind === 'request' ? `${e.ms.toFixed(1)} ms` : '—'}</td>}
                {!compact && <td className="p-1">{shellLine}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The shell line that repeats a request (or the `cp` that copies a cookie jar), folded. In a side's
 * narrow trace (`compact`) it sits under the request instead of in a column of its own: one column
 * fewer is what lets eight fit a panel at 1280×720 in presenter mode.
 */
function ShellLine({ label, line }: { label: string; line: string }) {
  return (
    <details>
      <summary className="cursor-pointer text-xs whitespace-nowrap">{label}</summary>
      <code className="mono text-xs break-all block max-w-[30rem] select-all" data-testid="curl-line">
        {line}
      </code>
    </details>
  );
}

/**
 * "14 min 59 s" may wrap between its parts ("14 min" / "59 s"), never between a number and its unit:
 * unwrapped, the lab clock column pushed the curl column out of a side's card at 1280×720.
 */
function keepNumbersWithUnits(duration: string): string {
  return duration.replace(/(\d) (?=\D)/g, '$1\u00a0');
}

/**
 * One answer in the colour language: the attacker's 200 is danger (the copy
 * got in), its 401 defended; a bystander's 401 a cost; everyone else's own
 * answers neutral. The symbol and, for the attacker and bystanders, a word
 * go with the colour.
 */
function AnswerBadge({ actor, status, reason }: { actor: string; status: number; reason: string | null }) {
  const tc = useT('common');
  const look = lookOfAnswer(lookActorOf(actor), status, reason);
  const style = LOOK_STYLE[look];
  const word = look === 'neutral' ? null : tc(`lookShort_${look}`);
  return (
    // In a side's narrow trace (1280×720, presenter mode) the word may go under the status, never the status under itself.
    <span className={`status status-wrap flex-wrap ${style.className}`} data-status={status} data-look={look} title={tc(`look_${look}`)}>
      <span className="whitespace-nowrap">
        <span aria-hidden="true">{style.symbol}</span> {status}
      </span>
      {word && <span className="font-normal whitespace-nowrap">{word}</span>}
    </span>
  );
}
