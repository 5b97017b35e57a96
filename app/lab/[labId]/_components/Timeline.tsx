'use client';
import { memo, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { formatLabTime } from '@/lib/ui/format';
import { LOOK_STYLE, lookOfAnswer } from '@/lib/ui/outcome-look';
import { actorLabel, curlOfEntry, lookActorOf } from '@/lib/ui/journal-view';
import { RequestPath } from '@/app/_components/RequestPath';
import { actorWords } from './actor-words';
import { ReasonText } from './StatusBadge';
import type { CopyView, JournalEntry } from './types';

// Plain symbols present in every system font (no emoji font on a workshop LAN machine).
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const ACTOR_ICON = { victim: '●', attacker: '▲', operator: '⚙', other: '◆' } as const;
// Whole class names, so Tailwind finds them in the source.
const ACTOR_CLASS = { victim: 'text-victim', attacker: 'text-attacker', operator: 'text-operator', other: '' } as const;

type RowProps = { entry: JournalEntry; curl: string };

/**
 * The lab journal, newest first: every request made to the lab from any
 * client (this page, another screen, curl), each with the curl line that
 * repeats it. Answers are drawn in the one colour language: the attacker's
 * 200 is danger ("still works"), its 401 defended ("blocked"), everyone
 * else's own requests neutral.
 */
// Memoised: the page re-renders every second (the lab clock); the journal's rows change only when it does.
export const Timeline = memo(function Timeline({ entries, dropped, copies }: { entries: JournalEntry[]; dropped: number; copies: CopyView[] }) {
  const t = useT('lab');
  // Rows exist only after the journal was read in the browser, so the origin is always known when one renders.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  // The attacker's curl lines name each stolen cookie as a shell variable; the copy with the same hash says which cookies.
  const namesOf = (credential: string | null) => copies.find((c) => c.credential === credential)?.cookieNames ?? null;
  return (
    <section className="card" aria-labelledby="timeline-h" data-testid="timeline">
      <h2 id="timeline-h" className="text-lg font-bold">
        {t('timeline')}
      </h2>
      <p className="text-xs text-muted" data-secondary>
        {t('timelineIntro')} {t('curlNote')}
      </p>
      {dropped > 0 && (
        <p className="text-xs text-muted" data-testid="timeline-dropped">
          {t('timelineDropped', { n: dropped })}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t('timelineEmpty')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('timeline')}>
          <table className="w-full text-sm border-collapse timeline-table">
            <thead>
              <tr className="text-left text-xs text-muted">
                <th className="p-1">#</th>
                <th className="p-1">{t('colTime')}</th>
                <th className="p-1">{t('colActor')}</th>
                <th className="p-1">{t('colStrategy')}</th>
                <th className="p-1">{t('colRequest')}</th>
                <th className="p-1">{t('colStatus')}</th>
                <th className="p-1">{t('colReason')}</th>
                <th className="p-1">{t('colLookups')}</th>
                <th className="p-1">{t('colCredential')}</th>
                <th className="p-1">{t('colCurl')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((e) => (
                <Row key={e.seq} entry={e} curl={origin ? curlOfEntry(e, origin, namesOf) : ''} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});

/** An answer's status in the colour language: symbol, status and word, never colour alone. */
function AnswerBadge({ entry }: { entry: JournalEntry }) {
  const tc = useT('common');
  const look = lookOfAnswer(lookActorOf(entry), entry.status, entry.reason);
  const style = LOOK_STYLE[look];
  const word = look === 'danger' || look === 'defended' || look === 'cost' ? tc(`look_${look}`).split(' — ')[0] : null;
  return (
    <span className={`status ${style.className}`} data-status={entry.status} data-look={look} data-testid="answer-badge">
      <span aria-hidden="true">{style.symbol}</span>
      {entry.status}
      {word ? ` ${word}` : ''}
    </span>
  );
}

function Row({ entry: e, curl }: RowProps) {
  const t = useT('lab');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [open, setOpen] = useState(false);
  const who = lookActorOf(e);
  const label = actorLabel(e.actor);
  return (
    <tr className="border-t border-border align-top" data-actor={e.actor ?? 'curl'} data-seq={e.seq} data-testid="timeline-row">
      <td className="p-1 mono" data-col="seq">{e.seq}</td>
      <td className="p-1 mono" data-col="time">{formatLabTime(e.labAt)}</td>
      <td className={`p-1 font-semibold ${ACTOR_CLASS[who === 'bystander' ? 'victim' : who]}`} data-col="actor">
        <span aria-hidden="true">{ACTOR_ICON[who === 'bystander' ? 'victim' : who]} </span>
        {actorWords(t, label)}
      </td>
      <td className="p-1 mono" data-col="strategy">{e.strategy ?? '—'}</td>
      <td className="p-1 mono break-words" data-col="request">
        <RequestPath method={e.method} path={e.path} />
      </td>
      <td className="p-1" data-col="status">
        <AnswerBadge entry={e} />
      </td>
      <td className="p-1" data-col="reason">
        <ReasonText reason={e.reason} />
      </td>
      <td className="p-1 mono" data-col="lookups" data-label={t('colLookups')}>{e.lookups ?? '—'}</td>
      <td className="p-1 mono text-xs" data-col="credential" data-label={t('colCredential')}>{e.credential ? `#${e.credential}` : '—'}</td>
      <td className="p-1" data-col="curl">
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-xs">curl</summary>
          <code className="mono text-xs break-all block max-w-[28rem] select-all" data-testid="curl-line">
            {curl}
          </code>
        </details>
        <button
          type="button"
          className="btn btn-small mt-1"
          onClick={async () => {
            // The clipboard API exists only in secure contexts (HTTPS, localhost): on a workshop LAN over
            // plain HTTP it is missing, so say so and show the line to copy by hand.
            const ok = await copyText(curl);
            setCopied(ok ? 'yes' : 'no');
            if (!ok) setOpen(true);
            window.setTimeout(() => setCopied(null), 2500);
          }}
        >
          {copied === 'yes' ? `✓ ${t('copied')}` : t('copyCurl')}
        </button>
        {copied === 'no' && (
          <p className="text-xs" role="status">
            {t('copyFailed')}
          </p>
        )}
      </td>
    </tr>
  );
}
