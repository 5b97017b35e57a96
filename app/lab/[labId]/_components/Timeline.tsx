'use client';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { formatLabTime } from '@/lib/ui/format';
import { ReasonText, StatusBadge } from './StatusBadge';
import type { TimelineEntry } from './types';

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

const ACTOR_ICON = { victim: '●', attacker: '▲', operator: '⚙' } as const;
// Whole class names, so Tailwind finds them in the source.
const ACTOR_CLASS = { victim: 'text-victim', attacker: 'text-attacker', operator: 'text-operator' } as const;

/** Every request the page made, newest first, each with the curl line that repeats it. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT('lab');
  return (
    <section className="card" aria-labelledby="timeline-h" data-testid="timeline">
      <h2 id="timeline-h" className="text-lg font-bold">
        {t('timeline')}
      </h2>
      <p className="text-xs text-muted" data-secondary>
        {t('timelineIntro')} {t('curlNote')}
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t('timelineEmpty')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('timeline')}>
          <table className="w-full text-sm border-collapse">
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
                <th className="p-1">{t('colCurl')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((e) => (
                <Row key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Row({ entry: e }: { entry: TimelineEntry }) {
  const t = useT('lab');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <tr className="border-t border-border align-top" data-actor={e.actor} data-testid="timeline-row">
      <td className="p-1 mono">{e.id}</td>
      <td className="p-1 mono">{formatLabTime(e.at)}</td>
      <td className={`p-1 font-semibold ${ACTOR_CLASS[e.actor]}`}>
        <span aria-hidden="true">{ACTOR_ICON[e.actor]} </span>
        {t(`actor_${e.actor}`)}
      </td>
      <td className="p-1 mono">{e.strategy ?? '—'}</td>
      <td className="p-1 mono break-all">
        {e.method} {e.path.replace(/^\/api\/labs\/[^/]+/, '…')}
      </td>
      <td className="p-1">
        <StatusBadge status={e.status} />
      </td>
      <td className="p-1">
        <ReasonText reason={e.reason} />
      </td>
      <td className="p-1 mono">{e.lookups ?? '—'}</td>
      <td className="p-1">
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-xs">curl</summary>
          <code className="mono text-xs break-all block max-w-[28rem] select-all" data-testid="curl-line">
            {e.curl}
          </code>
        </details>
        <button
          type="button"
          className="btn btn-small mt-1"
          onClick={async () => {
            // The clipboard API exists only in secure contexts (HTTPS, localhost): on a workshop LAN over
            // plain HTTP it is missing, so say so and show the line to copy by hand.
            const ok = await copyText(e.curl);
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
