'use client';
import { useT } from '@/lib/i18n/client';
import { spacedJoinCode } from '@/lib/ui/join-code';
import { QrCode } from '@/app/_components/QrCode';

/** What the room copies from the projector: the code, large, the join URL, and a QR code of it. */
export function JoinPanel({ joinCode, joinUrl, closed }: { joinCode: string; joinUrl: string; closed: boolean }) {
  const t = useT('workshop');
  const bare = joinUrl.replace(/\/join\/[^/]*$/, '/join');
  return (
    <section className="card ws-join" aria-labelledby="ws-join-code-label" data-testid="join-panel">
      <div className="ws-join-text">
        <h2 id="ws-join-code-label" className="text-sm font-bold uppercase tracking-wide">
          {t('joinCodeLabel')}
        </h2>
        <p className="ws-join-code mono" data-testid="join-code" aria-label={joinCode.split('').join(' ')}>
          {spacedJoinCode(joinCode)}
        </p>
        <p className="text-sm font-bold">{t('joinAt')}</p>
        <p className="ws-join-url mono break-all" data-testid="join-url">
          {joinUrl}
        </p>
        <p className="text-sm text-muted" data-secondary>
          {t('joinOr', { url: bare })}
        </p>
        {closed && (
          <p className="status status-none mt-2" data-testid="closed-badge">
            {t('closedBadge')}
          </p>
        )}
      </div>
      <QrCode text={joinUrl} label={t('qrLabel', { url: joinUrl })} className="ws-qr" />
    </section>
  );
}
