'use client';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';

/**
 * A button whose action asks first, in place: the question and Confirm /
 * Cancel replace the button (no browser dialog to hunt for on a projector).
 * Escape or Cancel goes back; focus moves to Confirm and back to the button.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  className = 'btn btn-small',
  testId,
}: {
  label: string;
  question: string;
  onConfirm: () => Promise<void> | void;
  className?: string;
  testId?: string;
}) {
  const t = useT('workshop');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) buttonRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={buttonRef} type="button" className={className} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="ws-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <span className="text-sm">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="btn btn-small ws-confirm-yes"
        disabled={busy}
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t('confirm')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
