'use client';
import { useT } from '@/lib/i18n/client';
import { LOOK_STYLE, lookOfAnswer, type LookActor } from '@/lib/ui/outcome-look';
import { reasonWords } from '@/lib/ui/reason';

/**
 * An HTTP status as a word, a symbol and a colour — never colour alone. The
 * colour follows the site's one language (lib/ui/outcome-look.ts): only the
 * attacker's answers are wins or losses; a victim's own request — its login,
 * its logout, its refusal — is neutral, whatever its status.
 */
export function StatusBadge({ status, actor = 'victim' }: { status: number | null; actor?: LookActor }) {
  const t = useT('lab');
  if (status === null) return <span className="status status-none">—</span>;
  if (status === 0) return <span className={`status ${LOOK_STYLE.error.className}`}>! {t('networkError')}</span>;
  const ok = status >= 200 && status < 300;
  const look = lookOfAnswer(actor, status, null);
  return (
    <span className={`status ${LOOK_STYLE[look].className}`} data-status={status} data-look={look}>
      <span aria-hidden="true">{LOOK_STYLE[look].symbol}</span>
      {status} {ok ? t('status_ok') : t('status_fail')}
    </span>
  );
}

/** A failure reason with its plain-words explanation (the one reader: lib/ui/reason.ts). */
export function ReasonText({ reason }: { reason: string | null }) {
  const tr = useT('reasons');
  if (!reason) return <span className="text-muted">—</span>;
  const explained = reasonWords(tr, reason);
  return (
    <span>
      <code className="mono font-semibold" data-reason={reason}>
        {reason}
      </code>
      {explained !== reason && <span className="text-muted"> — {explained}</span>}
    </span>
  );
}
