'use client';
import { useEffect, useState } from 'react';
import { LOOK_STYLE } from '@/lib/ui/outcome-look';
import { useT } from '@/lib/i18n/client';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';

const STORAGE_KEY = 'demo_access_token';
const REPORT_EVENT = 'revocation-lab:injected-report';

type Report = { localStorage: Record<string, string>; documentCookie: string };

/** Loads /demo/injected.js as a new script element: allowed by the page's 'strict-dynamic' CSP, no inline code. */
function runInjectedScript() {
  const script = document.createElement('script');
  script.src = `/demo/injected.js?run=${Date.now()}`;
  script.async = true;
  script.onload = () => script.remove();
  document.body.appendChild(script);
}

function plantInLocalStorage(token: string) {
  window.localStorage.setItem(STORAGE_KEY, token);
}

/**
 * The same value in localStorage, in a script-readable cookie and in an
 * HttpOnly cookie (both set by the server on /learn); an injected script
 * reports which ones it can read. Nothing is simulated: it is this page's
 * real storage, read by a real script.
 */
export function StorageDemo() {
  const t = useT('learn');
  const tr = useT('reasons');
  const [token, setToken] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onReport = (e: Event) => setReport((e as CustomEvent<Report>).detail);
    window.addEventListener(REPORT_EVENT, onReport);
    return () => window.removeEventListener(REPORT_EVENT, onReport);
  }, []);

  async function plant() {
    let res: Response;
    try {
      res = await fetch('/api/learn/storage-demo', { method: 'POST', headers: { 'content-type': 'application/json' } });
    } catch (err) {
      setError(reasonCodeOf(err));
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { token?: string; reason?: string };
    if (!res.ok || !body.token) {
      setError(answerReason(res.status, body));
      return;
    }
    plantInLocalStorage(body.token);
    setToken(body.token);
    setReport(null);
    setError(null);
  }

  const cookieHas = (name: string) => !!report && report.documentCookie.split(/;\s*/).some((c) => token !== null && c === `${name}=${token}`);
  const rows = [
    { label: t('storageLocal'), read: !!report && token !== null && report.localStorage[STORAGE_KEY] === token, id: 'local' },
    { label: t('storageReadable'), read: cookieHas('rl_demo_readable'), id: 'readable' },
    { label: t('storageHttpOnly'), read: cookieHas('rl_demo_httponly'), id: 'httponly' },
  ];

  return (
    <section className="card flex flex-col gap-2" aria-labelledby="storage-h" data-testid="storage-demo">
      <h3 id="storage-h" className="text-xl font-bold">
        {t('storageTitle')}
      </h3>
      <p>{t('storageIntro')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={() => void plant()}>
          {t('storagePlant')}
        </button>
        <button type="button" className="btn btn-primary" onClick={runInjectedScript} disabled={!token}>
          {t('storageRun')}
        </button>
      </div>
      {error && (
        <p className="text-bad" data-testid="storage-error" data-reason={error}>
          {t('failed', { reason: reasonWords(tr, error) })}
        </p>
      )}
      {token && (
        <p className="mono text-xs break-all" data-testid="storage-token">
          {token}
        </p>
      )}
      <ul className="flex flex-col gap-1 min-h-[6rem]" aria-live="polite">
        {report === null ? (
          <li className="text-sm text-muted">{t('storageWaiting')}</li>
        ) : (
          rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2" data-testid={`storage-${r.id}`} data-read={r.read ? 'yes' : 'no'}>
              <span className="font-semibold min-w-[14rem]">{r.label}</span>
              {/* The injected script reading the token is the attacker getting in: danger; kept out: defended. */}
              <span className={`status ${LOOK_STYLE[r.read ? 'danger' : 'defended'].className}`}>
                <span aria-hidden="true">{LOOK_STYLE[r.read ? 'danger' : 'defended'].symbol}</span>
                {r.read ? t('storageStolen') : t('storageSafe')}
              </span>
            </li>
          ))
        )}
      </ul>
      <p className="text-sm font-semibold">{t('storageLesson')}</p>
    </section>
  );
}
