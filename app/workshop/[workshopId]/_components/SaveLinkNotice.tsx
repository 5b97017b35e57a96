'use client';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';

/**
 * The console link with the facilitator key, shown once (it lives only in
 * this page's memory; a reload will not show it again). Copy puts it on the
 * clipboard; the field is read-only and selected on focus for a manual copy.
 */
export function SaveLinkNotice({ link, onDismiss }: { link: string; onDismiss: () => void }) {
  const t = useT('workshop');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} className="card ws-save-link" aria-labelledby="ws-save-link-title" data-testid="save-link">
      <h2 id="ws-save-link-title" className="text-lg font-bold">
        {t('keyHeading')}
      </h2>
      <p className="text-sm mb-2">{t('keyNote')}</p>
      <div className="flex flex-wrap gap-2 items-center">
        <input
          readOnly
          value={link}
          className="field mono flex-1 min-w-0"
          aria-label={t('keyHeading')}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="facilitator-link"
        />
        <button
          type="button"
          className="btn btn-primary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied('yes');
            } catch {
              setCopied('failed');
            }
          }}
        >
          {t('copyLink')}
        </button>
        <button type="button" className="btn" onClick={onDismiss}>
          {t('dismissKey')}
        </button>
      </div>
      <p role="status" className="text-sm min-h-[1.5em]">
        {copied === 'yes' ? `✓ ${t('copied')}` : copied === 'failed' ? t('copyFailed') : ''}
      </p>
    </section>
  );
}
