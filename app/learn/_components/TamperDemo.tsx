'use client';
import { useId, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { StatusBadge, ReasonText } from '@/app/lab/[labId]/_components/StatusBadge';
import type { useDemoLab } from './useDemoLab';

type Demo = ReturnType<typeof useDemoLab>;

/**
 * Edits bob's real JWT as an attacker without the key would (the lab's stolen
 * copy, edited on the server), then sends it to /admin through the replay endpoint — a real HTTP request verified by
 * the real code. The verdict on screen is the server's.
 */
export function TamperDemo({ demo }: { demo: Demo }) {
  const t = useT('learn');
  const headerId = useId();
  const payloadId = useId();
  const [header, setHeader] = useState('');
  const [payload, setPayload] = useState('');
  const [dropSignature, setDropSignature] = useState(false);
  const [result, setResult] = useState<{ status: number; reason: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function original() {
    const lab = await demo.prepare();
    if (!lab) return null;
    return { lab, d: lab.jwt };
  }

  async function preset(kind: 'admin' | 'none' | 'reset') {
    const o = await original();
    if (!o) return;
    const h = { ...o.d.header, ...(kind === 'none' ? { alg: 'none' } : {}) };
    const p = { ...o.d.payload, ...(kind === 'admin' ? { role: 'admin' } : {}) };
    setHeader(JSON.stringify(h, null, 2));
    setPayload(JSON.stringify(p, null, 2));
    setDropSignature(kind === 'none');
    setResult(null);
  }

  async function send() {
    const o = await original();
    if (!o) return;
    let tamper: { header?: Record<string, unknown>; payload?: Record<string, unknown>; dropSignature?: boolean } | undefined;
    try {
      const h = header ? (JSON.parse(header) as Record<string, unknown>) : o.d.header;
      const p = payload ? (JSON.parse(payload) as Record<string, unknown>) : o.d.payload;
      // Unchanged JSON sends the stolen token as it is, so "back to the original" sends the real one.
      // The edit is made on the server, on the lab's copy: the page never holds the token.
      const headerChanged = JSON.stringify(h) !== JSON.stringify(o.d.header);
      const payloadChanged = JSON.stringify(p) !== JSON.stringify(o.d.payload);
      tamper =
        headerChanged || payloadChanged || dropSignature
          ? { ...(headerChanged ? { header: h } : {}), ...(payloadChanged ? { payload: p } : {}), ...(dropSignature ? { dropSignature: true } : {}) }
          : undefined;
    } catch {
      setError(t('tamperInvalidJson'));
      return;
    }
    setError(null);
    const res = await demo.call('POST', `/api/labs/${o.lab.labId}/replay`, { copyId: o.lab.jwtCopyId, endpoint: 'admin', ...(tamper ? { tamper } : {}) });
    const inner = res.status === 200 ? (res.body as { status: number; body: Record<string, unknown> }) : { status: res.status, body: res.body };
    setResult({ status: inner.status, reason: typeof inner.body.reason === 'string' ? inner.body.reason : null });
  }

  return (
    <section className="card flex flex-col gap-2" aria-labelledby="tamper-h" data-testid="tamper-demo">
      <h3 id="tamper-h" className="text-xl font-bold">
        {t('tamperTitle')}
      </h3>
      <p>{t('tamperIntro')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={() => void preset('admin')}>
          {t('tamperPresetAdmin')}
        </button>
        <button type="button" className="btn" onClick={() => void preset('none')}>
          {t('tamperPresetNone')}
        </button>
        <button type="button" className="btn" onClick={() => void preset('reset')}>
          {t('tamperReset')}
        </button>
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        <label htmlFor={headerId} className="text-sm font-semibold flex flex-col">
          {t('tamperHeader')}
          <textarea id={headerId} className="field mono text-xs h-28" value={header} onChange={(e) => setHeader(e.target.value)} spellCheck={false} />
        </label>
        <label htmlFor={payloadId} className="text-sm font-semibold flex flex-col">
          {t('tamperPayload')}
          <textarea id={payloadId} className="field mono text-xs h-28" value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3 min-h-[2.5rem]">
        {/* Disabled while the demo lab is being prepared: it sends what the boxes hold at the click. */}
        <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={demo.busy}>
          {t('tamperSend')}
        </button>
        <p aria-live="polite" className="text-sm flex flex-wrap items-center gap-2" data-testid="tamper-result">
          {error}
          {result && (
            <>
              <span>{t('tamperResult')}:</span>
              <StatusBadge status={result.status} actor="attacker" />
              <ReasonText reason={result.reason} />
            </>
          )}
        </p>
      </div>
      <p className="text-sm font-semibold">{t('tamperLesson')}</p>
    </section>
  );
}
