'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { LANG_COOKIE, isLocale } from '@/lib/i18n/config';
import { preferenceCookie } from '@/lib/ui/prefs';
import type { Key } from '@/lib/i18n/dictionaries';
import { isWellFormedJoinCode, normalizeJoinCode, retryAfterSeconds, spacedJoinCode } from '@/lib/ui/join-code';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';

type WorkshopInfo = { title: string | null; language: string; closed: boolean; full: boolean };
type Problem = { reason: string; retryAfter?: number | null };

/**
 * Reasons a join can fail for, said in the join page's own words (the generic reason words are
 * written for the lab). Typed against the workshop dictionary: a key missing there fails tsc.
 */
const JOIN_REASON_KEYS = {
  'unknown-workshop': 'reason_unknown-workshop',
  'workshop-closed': 'reason_workshop-closed',
  'workshop-full': 'reason_workshop-full',
  'too-many-joins': 'reason_too-many-joins',
  throttled: 'reason_throttled',
  'http-429': 'reason_http-429',
  'invalid-code': 'reason_invalid-code',
  'invalid-body': 'reason_invalid-body',
  'network-error': 'reason_network-error',
} as const satisfies Record<string, Key<'workshop'>>;
type JoinReason = keyof typeof JOIN_REASON_KEYS;
const isJoinReason = (reason: string): reason is JoinReason => Object.hasOwn(JOIN_REASON_KEYS, reason);

function hasLanguageChoice(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith(`${LANG_COOKIE}=`));
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  return (await res.json().catch(() => ({}))) as Record<string, unknown>;
}

/**
 * `/join` and `/join/{code}`: a code (prefilled from the URL), an optional
 * name, one button. A browser that already joined this workshop holds the
 * participant cookie, so it goes straight back to its lab — a reload or a
 * reopened tab never makes a second participant.
 */
export function JoinForm({ initialCode, maybeParticipant = false }: { initialCode?: string; maybeParticipant?: boolean }) {
  const t = useT('workshop');
  const tr = useT('reasons');
  const locale = useLocale();
  const router = useRouter();
  const [code, setCode] = useState(initialCode ? spacedJoinCode(normalizeJoinCode(initialCode)) : '');
  const [name, setName] = useState('');
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejoining, setRejoining] = useState(false);

  // /join/{code}: already in this workshop → back to the lab; else read the workshop's title and state.
  useEffect(() => {
    if (!initialCode) return;
    const wanted = normalizeJoinCode(initialCode);
    let cancelled = false;
    (async () => {
      try {
        // Asked only when the server saw a participant cookie: a first visit makes no request that must 404.
        const me = maybeParticipant ? await fetch('/api/workshops/me', { cache: 'no-store' }) : null;
        if (me?.status === 200) {
          const body = (await readJson(me)) as { labId?: string; workshop?: { joinCode?: string } };
          if (body.labId && normalizeJoinCode(body.workshop?.joinCode ?? '') === wanted) {
            if (cancelled) return;
            setRejoining(true);
            window.location.replace(`/lab/${encodeURIComponent(body.labId)}`);
            return;
          }
        }
        if (!isWellFormedJoinCode(wanted)) {
          if (!cancelled) setProblem({ reason: 'invalid-code' });
          return;
        }
        const res = await fetch(`/api/workshops/${encodeURIComponent(wanted)}`, { cache: 'no-store' });
        const body = await readJson(res);
        if (cancelled) return;
        if (res.status !== 200) {
          setProblem({ reason: answerReason(res.status, body) });
          return;
        }
        const workshop = body as unknown as WorkshopInfo;
        setInfo(workshop);
        if (workshop.closed) setProblem({ reason: 'workshop-closed' });
        else if (workshop.full) setProblem({ reason: 'workshop-full' });
        // The room's language is the default for a browser that never chose one.
        if (isLocale(workshop.language) && workshop.language !== locale && !hasLanguageChoice()) {
          document.cookie = preferenceCookie(LANG_COOKIE, workshop.language);
          document.documentElement.lang = workshop.language;
          router.refresh();
        }
      } catch (err) {
        if (!cancelled) setProblem({ reason: reasonCodeOf(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [initialCode, maybeParticipant, locale, router]);

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const normalized = normalizeJoinCode(code);
    if (!isWellFormedJoinCode(normalized)) {
      setProblem({ reason: 'invalid-code' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const trimmed = name.trim();
      const res = await fetch(`/api/workshops/${encodeURIComponent(normalized)}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(trimmed ? { name: trimmed } : {}),
      });
      const body = (await readJson(res)) as { labId?: string; reason?: string };
      if ((res.status !== 200 && res.status !== 201) || typeof body.labId !== 'string') {
        setProblem({ reason: answerReason(res.status, body), retryAfter: retryAfterSeconds(res.headers.get('retry-after')) });
        setBusy(false);
        return;
      }
      if (!hasLanguageChoice() && info && isLocale(info.language)) document.cookie = preferenceCookie(LANG_COOKIE, info.language);
      // A full load, not router.push: the root layout (html lang, the strings) must be rendered anew in the room's language.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose (see above)
      window.location.assign(`/lab/${encodeURIComponent(body.labId)}`);
    } catch (err) {
      setProblem({ reason: reasonCodeOf(err) });
      setBusy(false);
    }
  }

  if (rejoining) {
    return (
      <p role="status" className="card" data-testid="rejoining">
        {t('rejoining')}
      </p>
    );
  }

  const message = problem
    ? isJoinReason(problem.reason)
      ? t(JOIN_REASON_KEYS[problem.reason])
      : reasonWords(tr, problem.reason)
    : '';
  const blocked = problem?.reason === 'workshop-closed' || problem?.reason === 'workshop-full';

  return (
    <form onSubmit={join} className="card flex flex-col gap-4" noValidate data-testid="join-form">
      {info?.title && (
        <p className="text-lg font-bold" data-testid="join-workshop-title">
          {t('joinTitleNamed', { title: info.title })}
        </p>
      )}
      <label className="flex flex-col gap-1">
        <span className="font-bold">{t('codeLabel')}</span>
        <input
          name="code"
          className="field ws-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={16}
          required
          aria-describedby="code-help"
          aria-invalid={problem?.reason === 'invalid-code' || problem?.reason === 'unknown-workshop'}
        />
        <span id="code-help" className="text-sm text-muted">
          {t('codeHelp')}
        </span>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-bold">{t('nameLabel')}</span>
        <input
          name="name"
          className="field ws-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoComplete="nickname"
          aria-describedby="name-help"
        />
        <span id="name-help" className="text-sm text-muted">
          {t('nameHelp')}
        </span>
      </label>
      <div>
        <button type="submit" className="btn btn-primary text-lg px-6 py-2" disabled={busy || blocked}>
          {busy ? t('joining') : t('join')}
        </button>
      </div>
      <p role="status" className="text-bad min-h-[1.5em] font-bold" data-testid="join-problem" data-reason={problem?.reason ?? ''}>
        {message}
        {problem?.retryAfter ? ` ${t('retryIn', { seconds: problem.retryAfter })}` : ''}
      </p>
    </form>
  );
}
