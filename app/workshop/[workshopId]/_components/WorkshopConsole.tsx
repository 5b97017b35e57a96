'use client';
import { usePolling } from '@/app/_components/usePolling';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import type { ConsoleView } from '@/lib/ui/workshop-dto';
import { JoinPanel } from './JoinPanel';
import { ProgressGrid } from './ProgressGrid';
import { PredictionsPanel } from './PredictionsPanel';
import { ConfirmButton } from './ConfirmButton';
import { SaveLinkNotice } from './SaveLinkNotice';

/** The console asks the server every second while it is visible: a solve shows within about 1–2 s. */
const POLL_MS = 1000;
const PROJECTOR_KEY = 'rl-workshop-projector';

type Phase = 'exchanging' | 'ready' | 'key-rejected' | 'not-facilitator';

async function post(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, body };
}

/**
 * The facilitator's console. Opened from the link `/workshop/{id}#key=…`:
 * the fragment never reaches a server; the page POSTs the key once for an
 * HttpOnly facilitator cookie, shows the link so it can be saved, and removes
 * the fragment from the address bar and history. Then it polls
 * GET …/console every second while the tab is visible (polling, not SSE:
 * one cheap read per console per second holds a room of 100 with a core to
 * spare, and needs no long-lived connection through a LAN's proxies).
 */
export function WorkshopConsole({ workshopId }: { workshopId: string }) {
  const t = useT('workshop');
  const tr = useT('reasons');
  const locale = useLocale();
  const [phase, setPhase] = useState<Phase>('exchanging');
  const [savedLink, setSavedLink] = useState<string | null>(null);
  const [view, setView] = useState<ConsoleView | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Only read on the client; the server renders the "opening" line, never the grid, so no hydration mismatch.
  const [hideNames, setHideNames] = useState(() => typeof window !== 'undefined' && window.localStorage.getItem(PROJECTOR_KEY) === '1');
  const base = `/api/workshops/${encodeURIComponent(workshopId)}`;

  const toggleNames = (next: boolean) => {
    setHideNames(next);
    window.localStorage.setItem(PROJECTOR_KEY, next ? '1' : '0');
  };

  // The key exchange: once, on the first render, if the fragment carries a key.
  const exchanged = useRef(false);
  useEffect(() => {
    if (exchanged.current) return;
    exchanged.current = true;
    const match = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
    const key = match ? decodeURIComponent(match[1]!) : null;
    const link = `${window.location.origin}${window.location.pathname}#key=${encodeURIComponent(key ?? '')}`;
    // Out of the address bar and the history entry at once: a screenshot or a shoulder should not catch it.
    if (key) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    (async () => {
      // No key in the link: this browser may hold the facilitator cookie already (it created the workshop).
      if (!key) {
        setPhase('ready');
        return;
      }
      try {
        const res = await fetch(`${base}/facilitator`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key }),
        });
        if (res.status === 204 || res.status === 200) {
          setSavedLink(link);
          setPhase('ready');
        } else setPhase('key-rejected');
      } catch {
        setPhase('key-rejected');
      }
    })();
  }, [base]);

  const load = useCallback(async () => {
    try {
      const res = await fetch(`${base}/console`, { cache: 'no-store' });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 200) {
        setView(body as unknown as ConsoleView);
        setStale(null);
      } else if (res.status === 404 || res.status === 401 || res.status === 403) {
        setPhase((p) => (p === 'ready' ? 'not-facilitator' : p));
      } else setStale(answerReason(res.status, body));
    } catch (err) {
      setStale(reasonCodeOf(err));
    }
  }, [base]);

  usePolling(load, POLL_MS, phase === 'ready');

  const act = useCallback(
    async (path: string) => {
      setFailure(null);
      try {
        const { status, body } = await post(`${base}${path}`);
        if (status >= 400) setFailure(answerReason(status, body));
      } catch (err) {
        setFailure(reasonCodeOf(err));
      }
      await load();
    },
    [base, load],
  );

  if (phase === 'exchanging') {
    return <p role="status">{t('keyExchanging')}</p>;
  }
  if (phase === 'key-rejected' || phase === 'not-facilitator') {
    return (
      <p className="card text-lg" role="alert" data-testid="console-refused">
        {phase === 'key-rejected' ? t('keyRejected') : t('notFacilitator')}
      </p>
    );
  }

  const w = view?.workshop;
  const summary = (format: 'md' | 'json', names = false) =>
    `${base}/summary?format=${format}&lang=${locale}${names ? '&names=1' : ''}`;

  return (
    <div className="flex flex-col gap-4" data-testid="workshop-console">
      {savedLink && <SaveLinkNotice link={savedLink} onDismiss={() => setSavedLink(null)} />}
      {view && w && (
        <>
          <div className="ws-console-top">
            <JoinPanel joinCode={w.joinCode} joinUrl={w.joinUrl} closed={w.closed} />
            <section className="card flex flex-col gap-2" aria-labelledby="ws-title">
              <h1 id="ws-title" className="text-2xl font-bold" data-testid="workshop-title">
                {w.title || t('untitled')}
              </h1>
              <p className="text-xl font-bold" data-testid="joined-count">
                {w.capacity ? t('joinedOfCapacity', { count: w.participantCount, capacity: w.capacity }) : t('joined', { count: w.participantCount })}
              </p>
              <p className="text-sm" role="status" data-testid="live">
                {stale ? <span className="text-bad">{t('stale', { reason: reasonWords(tr, stale) })}</span> : <span className="text-muted">{t('live')}</span>}
              </p>
              <label className="flex items-center gap-2 font-bold">
                <input type="checkbox" checked={hideNames} onChange={(e) => toggleNames(e.target.checked)} data-testid="projector-view" className="size-5" />
                {t('projectorView')}
              </label>
              <div className="flex flex-wrap gap-2 items-center" data-secondary>
                <span className="text-sm font-bold">{t('exportTitle')}:</span>
                <a href={summary('md')} className="text-sm" data-testid="export-md">
                  {t('exportMd')}
                </a>
                <a href={summary('json')} className="text-sm" data-testid="export-json">
                  {t('exportJson')}
                </a>
                <a href={summary('md', true)} className="text-sm">
                  {t('exportWithNames')}
                </a>
              </div>
              <p className="text-xs text-muted" data-secondary>
                {t('exportNote')}
              </p>
              {!w.closed && (
                <div data-secondary>
                  <ConfirmButton label={t('close')} question={t('closeConfirm')} onConfirm={() => act('/close')} testId="close-workshop" />
                </div>
              )}
              {failure && (
                <p role="alert" className="text-bad text-sm">
                  {t('actionFailed', { reason: reasonWords(tr, failure) })}
                </p>
              )}
            </section>
          </div>
          <section aria-labelledby="ws-grid-title" className="flex flex-col gap-2">
            <h2 id="ws-grid-title" className="text-xl font-bold">
              {t('gridTitle')}
            </h2>
            <ProgressGrid
              view={view}
              hideNames={hideNames}
              onReset={(id) => act(`/participants/${encodeURIComponent(id)}/reset`)}
              onRemove={(id) => act(`/participants/${encodeURIComponent(id)}/remove`)}
            />
          </section>
          <PredictionsPanel view={view} onReveal={(missionId) => act(`/missions/${encodeURIComponent(missionId)}/reveal`)} />
        </>
      )}
    </div>
  );
}
