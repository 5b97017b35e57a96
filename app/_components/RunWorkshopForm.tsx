'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { locales, type Locale } from '@/lib/i18n/config';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ja: '日本語' };

/**
 * The trainer's entry on `/`: one click creates a workshop (the options are
 * folded away and optional), then the console opens with the facilitator key
 * in the URL fragment — the console exchanges it for a cookie, shows the link
 * once so it can be saved, and removes it from the address bar.
 */
export function RunWorkshopForm() {
  const t = useT('workshop');
  const tr = useT('reasons');
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const expected = Number(form.get('expectedParticipants'));
    const body = {
      ...(title ? { title } : {}),
      language: String(form.get('language') ?? locale),
      ...(Number.isInteger(expected) && expected > 0 ? { expectedParticipants: expected } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/workshops', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => ({}))) as { workshopId?: string; facilitatorKey?: string; reason?: string };
      if (res.status !== 201 || !answer.workshopId || !answer.facilitatorKey) throw new Error(answerReason(res.status, answer));
      // Same origin as this page (the server's facilitatorUrl may name another address of this machine);
      // a full navigation so the console reads the fragment on its first render.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose (see above)
      window.location.assign(`/workshop/${encodeURIComponent(answer.workshopId)}#key=${encodeURIComponent(answer.facilitatorKey)}`);
    } catch (err) {
      setBusy(false);
      setError(reasonCodeOf(err));
    }
  }

  return (
    <form onSubmit={create} className="card" aria-labelledby="run-workshop-title" data-testid="run-workshop">
      <h2 id="run-workshop-title" className="text-xl font-bold mb-1">
        {t('runTitle')}
      </h2>
      <p className="mb-3 text-sm">{t('runLead')}</p>
      <details className="mb-3">
        <summary className="cursor-pointer text-sm">{t('runOptions')}</summary>
        <div className="grid gap-3 mt-2 sm:grid-cols-3">
          <label className="flex flex-col gap-1 text-sm">
            {t('fieldTitle')}
            <input name="title" className="field" maxLength={80} autoComplete="off" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t('fieldLanguage')}
            <select name="language" className="field" defaultValue={locale}>
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t('fieldExpected')}
            <input name="expectedParticipants" type="number" min={1} max={200} step={1} className="field" aria-describedby="expected-help" />
            <span id="expected-help" className="text-xs text-muted">
              {t('fieldExpectedHelp')}
            </span>
          </label>
        </div>
      </details>
      <button type="submit" className="btn btn-primary text-lg px-5 py-2" disabled={busy}>
        {busy ? t('creating') : t('create')}
      </button>
      <p role="status" className="text-bad mt-2 min-h-[1.5em]">
        {error ? t('createFailed', { reason: reasonWords(tr, error) }) : ''}
      </p>
      <p className="text-sm">
        <Link href="/join">{t('joinInstead')}</Link>
      </p>
    </form>
  );
}
