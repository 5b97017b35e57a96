'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';

/** POST /api/labs, then go to the new lab. Also used as "reset the lab" (a fresh one). */
export function StartLabButton({ label, className = 'btn btn-primary text-lg px-5 py-2' }: { label?: string; className?: string }) {
  const t = useT('home');
  const tr = useT('reasons');
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function start() {
    setState({ busy: true, error: null });
    try {
      const res = await fetch('/api/labs', { method: 'POST', headers: { 'content-type': 'application/json' } });
      const body = (await res.json().catch(() => ({}))) as { labId?: string; reason?: string };
      if (!res.ok || !body.labId) throw new Error(answerReason(res.status, body));
      router.push(`/lab/${body.labId}`);
    } catch (err) {
      // A code (ours, or network-error for the browser's own message), translated where it is shown.
      setState({ busy: false, error: reasonCodeOf(err) });
    }
  }

  return (
    <div>
      <button type="button" className={className} onClick={start} disabled={state.busy}>
        {state.busy ? t('starting') : (label ?? t('start'))}
      </button>
      <p role="status" className="text-bad mt-2 min-h-[1.5em]">
        {state.error ? t('startFailed', { reason: reasonWords(tr, state.error) }) : ''}
      </p>
    </div>
  );
}
