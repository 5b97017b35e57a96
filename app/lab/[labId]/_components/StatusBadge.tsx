'use client';
import { useT } from '@/lib/i18n/client';

/** An HTTP status as a word, a symbol and a colour — never colour alone. */
export function StatusBadge({ status }: { status: number | null }) {
  const t = useT('lab');
  if (status === null) return <span className="status status-none">—</span>;
  if (status === 0) return <span className="status status-bad">✗ {t('networkError')}</span>;
  const ok = status >= 200 && status < 300;
  return (
    <span className={`status ${ok ? 'status-ok' : status === 403 ? 'status-warn' : 'status-bad'}`} data-status={status}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span>
      {status} {ok ? t('status_ok') : t('status_fail')}
    </span>
  );
}

/** A failure reason with its plain-words explanation. */
export function ReasonText({ reason }: { reason: string | null }) {
  const t = useT('lab');
  if (!reason) return <span className="text-muted">{t('reason_none')}</span>;
  const key = `reason_${reason}` as Parameters<typeof t>[0];
  const explained = t(key);
  return (
    <span>
      <code className="mono font-semibold" data-reason={reason}>
        {reason}
      </code>
      {explained !== key && explained !== reason && <span className="text-muted"> — {explained}</span>}
    </span>
  );
}
