'use client';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { base64UrlToBytes } from '@/lib/jwt-display';
import type { useDemoLab } from './useDemoLab';

type Demo = ReturnType<typeof useDemoLab>;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * bob's JWT payload and the start of bob's session id, both decoded with
 * base64url and nothing else. The server shows only the id's first
 * characters: page script never gets an HttpOnly cookie's value, here either.
 */
export function PayloadDemo({ demo }: { demo: Demo }) {
  const t = useT('learn');
  const [shown, setShown] = useState(false);
  const jwt = demo.lab?.jwt ?? null;
  const shownChars = demo.lab ? demo.lab.session.preview.replace(/…$/, '') : '';
  let sessionBytes = '';
  try {
    // Whole bytes only: 4 base64url characters carry 3 bytes.
    sessionBytes = shownChars ? `${hex(base64UrlToBytes(shownChars.slice(0, shownChars.length - (shownChars.length % 4))))} …` : '';
  } catch {
    sessionBytes = '';
  }
  return (
    <section className="card flex flex-col gap-2" aria-labelledby="payload-h" data-testid="payload-demo">
      <h3 id="payload-h" className="text-xl font-bold">
        {t('payloadTitle')}
      </h3>
      <p>{t('payloadIntro')}</p>
      <button
        type="button"
        className="btn btn-primary self-start"
        onClick={async () => {
          await demo.prepare();
          setShown(true);
        }}
      >
        {t('prepare')}
      </button>
      {shown && jwt && demo.lab && (
        <div className="grid gap-3 md:grid-cols-2">
          <div>
            <p className="text-sm font-semibold">{t('payloadJwt')}</p>
            <pre className="mono text-xs bg-surface-2 p-2 rounded overflow-auto" data-testid="payload-jwt" tabIndex={0} aria-label={t('payloadJwt')}>
              {JSON.stringify(jwt.payload, null, 2)}
            </pre>
          </div>
          <div>
            <p className="text-sm font-semibold">{t('payloadSession')}</p>
            <p className="mono text-xs break-all">
              {demo.lab.session.preview} ({demo.lab.session.length})
            </p>
            <p className="mono text-xs break-all bg-surface-2 p-2 rounded" data-testid="payload-session">
              {sessionBytes}
            </p>
            <p className="text-sm mt-1">{t('payloadSessionNothing')}</p>
          </div>
        </div>
      )}
      <p className="text-sm font-semibold">{t('payloadLesson')}</p>
    </section>
  );
}
