'use client';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { strategyDescriptionOf } from '@/lib/i18n/keys';
import { formatDuration } from '@/lib/scenarios/format';
import { callApi } from './api';
import { lookupsOf, reasonOf, formatClockDuration } from '@/lib/ui/format';
import { causeOfRefusal, lastAcceptedOf, actorLabel, type Cause } from '@/lib/ui/journal-view';
import { actorWords } from './actor-words';
import { ReasonText, StatusBadge } from './StatusBadge';
import { TokenInspector } from './TokenInspector';
import type { ApiResult, CredentialView, JournalEntry, LabUser, PresetChoice, Role } from './types';
import { focusKeeper } from '@/lib/ui/focus';

async function readCredential(labId: string, strategy: string): Promise<CredentialView | null> {
  const res = await callApi('GET', `/api/labs/${labId}/${strategy}/credential`);
  if (res.status !== 200) return null;
  const view = res.body as unknown as CredentialView;
  // Some cookies live deeper (jwt-refresh's refresh cookie): read from there to see the whole jar, as malware would.
  const sub = view.subPaths?.[0];
  if (!sub) return view;
  const deeper = await callApi('GET', `/api/labs/${labId}/${strategy}/${sub}/credential`);
  return deeper.status === 200 ? (deeper.body as unknown as CredentialView) : view;
}

export type RunRequest = (actor: string, strategy: string, method: string, action: string, json?: unknown) => Promise<ApiResult>;

type Props = {
  index: number;
  labId: string;
  strategy: string;
  strategies: string[];
  /** Library presets the picker offers beside the strategies (a panel can be "Auth.js default"). */
  presets?: PresetChoice[];
  onStrategyChange: (strategy: string) => void;
  users: LabUser[];
  passwords: Record<string, string>;
  onPasswordChanged: (username: string, password: string) => void;
  run: RunRequest;
  /** Asks the lab to copy this panel's credential into the attacker store (subPath: where the browser sends all of it). */
  onSteal: (subPath: string | null) => Promise<void>;
  /** The seq of the newest journal entry that may have changed what the server holds: the panel asks again on it. */
  changeSeq: number;
  /** The lab journal as the page holds it: what the panel reads a refusal's cause from. */
  entries: readonly JournalEntry[];
  labNow: number;
};

/** What the server says now about the credential this panel's browser presents. */
type Standing =
  | { kind: 'unknown' }
  | { kind: 'none' }
  | { kind: 'accepted'; username: string; role: Role; expiresAt: number | null }
  | { kind: 'refused'; status: number; reason: string | null; credential: string | null; username: string | null; expiresAt: number | null };

/**
 * One of the two side-by-side logins: a strategy, its victim actions, the
 * answer to the last one, what the server says about its credential now, and
 * the inspector of what the browser holds. Every request says who made it
 * (X-Lab-Actor: panel-N) so the journal can name it.
 */
export function StrategyPanel(props: Props) {
  const { index, labId, strategy, strategies, users, passwords, run, changeSeq, entries, labNow } = props;
  const actor = `panel-${index}`;
  const t = useT('lab');
  const tp = useT('presets');
  const locale = useLocale();
  const pickerId = useId();
  const pwId = useId();
  const [standing, setStanding] = useState<Standing>({ kind: 'unknown' });
  const [last, setLast] = useState<{ label: string; status: number; reason: string | null; lookups: number | null } | null>(null);
  const [view, setView] = useState<CredentialView | null>(null);
  const [busy, setBusy] = useState(false);
  const [newPassword, setNewPassword] = useState('correct-horse-battery');
  // What the panel last knew of its credential while the server accepted it: a refusal's "who, expired when".
  const lastGood = useRef<{ credential: string | null; username: string; expiresAt: number | null } | null>(null);
  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);

  // Only the newest re-check may write: answers can come back out of order.
  const checkNo = useRef(0);
  /**
   * Asks the server about this browser's credential: the inspector's read (not journaled, changes
   * nothing), then — when there is a cookie — GET /me as this panel. A GET by the panel itself never
   * makes anyone re-check, so re-checks cannot feed each other.
   */
  const recheck = useCallback(async () => {
    const no = ++checkNo.current;
    const v = await readCredential(labId, strategy);
    if (no !== checkNo.current) return;
    setView(v);
    const credential = v?.cookies[0]?.hash ?? null;
    if (!v || v.cookies.length === 0) {
      setStanding({ kind: 'none' });
      return;
    }
    const res = await callApi('GET', `/api/labs/${labId}/${strategy}/me`, undefined, actor);
    if (no !== checkNo.current) return;
    const user = res.body.user as { username?: string; role?: Role } | undefined;
    const expiresAt = typeof res.body.expiresAt === 'number' ? res.body.expiresAt : null;
    if (res.status === 200 && user?.username && user.role) {
      lastGood.current = { credential, username: user.username, expiresAt };
      setStanding({ kind: 'accepted', username: user.username, role: user.role, expiresAt });
      return;
    }
    const known = lastGood.current?.credential === credential ? lastGood.current : null;
    const fromToken = v.cookies[0]?.jwt?.payload;
    const tokenExp = typeof fromToken?.exp === 'number' ? fromToken.exp : null;
    const tokenUser = typeof fromToken?.username === 'string' ? fromToken.username : null;
    setStanding({
      kind: 'refused',
      status: res.status,
      reason: reasonOf(res.body),
      credential,
      username: known?.username ?? tokenUser ?? lastAcceptedOf(entriesRef.current, credential)?.username ?? null,
      expiresAt: known?.expiresAt ?? tokenExp,
    });
  }, [labId, strategy, actor]);

  useEffect(() => {
    // Asked from a promise callback: the answer arrives from the network, never during this render's effect.
    void Promise.resolve().then(recheck);
  }, [recheck, changeSeq]);

  async function act(label: string, method: string, action: string, json?: unknown) {
    const giveFocusBack = focusKeeper();
    setBusy(true);
    try {
      const res = await run(actor, strategy, method, action, json);
      setLast({ label, status: res.status, reason: reasonOf(res.body), lookups: lookupsOf(res.body) });
      await recheck();
      return res;
    } finally {
      setBusy(false);
      giveFocusBack();
    }
  }

  const identity = standing.kind === 'accepted' ? standing : null;

  async function changePassword() {
    if (!identity) return;
    const current = passwords[identity.username] ?? '';
    const res = await act(t('changePassword'), 'POST', 'password', { currentPassword: current, newPassword });
    if (res.status === 200) props.onPasswordChanged(identity.username, newPassword);
  }

  const preset = props.presets?.find((p) => p.id === strategy) ?? null;
  const describe = preset
    ? tp('presetNote', {
        library: preset.source.library,
        version: preset.source.version,
        settings: Object.entries(preset.settings)
          .map(([k, v]) => `${k} ${typeof v === 'number' ? formatDuration(v, locale) : String(v)}`)
          .join(', '),
      })
    : strategyDescriptionOf(t, strategy);
  return (
    <section className="card flex flex-col gap-2 min-w-0" aria-labelledby={`${pickerId}-h`} data-testid={`panel-${index}`} data-strategy={strategy}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${pickerId}-h`} className="text-lg font-bold whitespace-nowrap">
          {t('panel', { n: index })}
        </h2>
        <label htmlFor={pickerId} className="flex items-center gap-2 text-sm min-w-0">
          <span className="whitespace-nowrap">{t('strategy')}</span>
          <select
            id={pickerId}
            // A preset's long name must not widen the panel past a phone's screen.
            className="field mono font-semibold min-w-0 max-w-full"
            value={strategy}
            onChange={(e) => {
              setStanding({ kind: 'unknown' });
              setLast(null);
              props.onStrategyChange(e.target.value);
            }}
          >
            <optgroup label={tp('pickerGroupStrategies')}>
              {strategies.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </optgroup>
            {props.presets && props.presets.length > 0 && (
              <optgroup label={tp('pickerGroupPresets')}>
                {props.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {(tp as (k: string) => string)(`name_${p.id}`)} ({p.id})
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      </div>
      <p className="text-sm text-muted min-h-[2.6em]" data-secondary>
        {describe.startsWith('strategy_') ? t('strategy_other') : describe}
      </p>

      <fieldset>
        <legend className="text-sm font-semibold">{t('loginAs')}</legend>
        <ul className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1">
          {users.map((u) => (
            <li key={u.username} className="contents">
              <button
                type="button"
                className="btn btn-small justify-start"
                disabled={busy}
                onClick={() => void act(t('loginLabel', { user: u.username }), 'POST', 'login', { username: u.username, password: passwords[u.username] ?? '' })}
                data-testid={`login-${u.username}`}
              >
                <span className="font-semibold">{u.username}</span>
                <span>({t(u.role === 'admin' ? 'role_admin' : 'role_user')})</span>
              </button>
              <span className="mono text-xs text-muted truncate" data-secondary>
                {passwords[u.username] ? t('passwordShown', { password: passwords[u.username]! }) : t('passwordUnknown')}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>

      <StandingLine standing={standing} entries={entries} strategy={strategy} labNow={labNow} />

      <div className="flex flex-wrap gap-1">
        <button type="button" className="btn" disabled={busy} onClick={() => void act('GET /me', 'GET', 'me')}>
          {t('me')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void act('GET /admin', 'GET', 'admin')}>
          {t('admin')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void act(t('logout'), 'POST', 'logout')}>
          {t('logout')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void act(t('logoutAll'), 'POST', 'logout-all')}>
          {t('logoutAll')}
        </button>
        {view?.subPaths?.includes('refresh') && (
          <button type="button" className="btn" disabled={busy} onClick={() => void act('POST /refresh', 'POST', 'refresh')}>
            {t('refreshToken')}
          </button>
        )}
      </div>
      <form
        className="flex flex-wrap items-end gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          void changePassword();
        }}
      >
        <label htmlFor={pwId} className="text-sm flex flex-col">
          {t('newPassword')}
          <input id={pwId} className="field mono w-48" value={newPassword} minLength={8} onChange={(e) => setNewPassword(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn" disabled={busy || !identity}>
          {t('changePassword')}
        </button>
      </form>

      <div className="min-h-[3.2rem]" aria-live="polite" data-testid="last-response">
        <p className="text-xs text-muted">{t('lastResponse')}</p>
        {last ? (
          <p className="text-sm flex flex-wrap items-center gap-x-2">
            <span className="mono">{last.label}</span>
            <StatusBadge status={last.status} />
            <ReasonText reason={last.reason} />
            {last.lookups !== null && <span className="text-muted">· {t('lookups', { n: last.lookups })}</span>}
          </p>
        ) : (
          <p className="text-sm text-muted">{t('noRequestYet')}</p>
        )}
      </div>

      <button
        type="button"
        className="btn btn-attacker self-start"
        onClick={async () => {
          // The server copies what this browser presents into the lab's attacker store; the page never holds it.
          await props.onSteal(view?.subPaths?.includes('refresh') ? 'refresh' : null);
        }}
        data-testid="steal"
      >
        {t('steal')}
      </button>

      <TokenInspector view={view} labNow={labNow} />
    </section>
  );
}

/**
 * The server's answer about this panel's credential, as of the last re-check. Never "Signed in"
 * beside a credential the server refuses: a refusal shows its reason and, when the journal knows
 * it, what ended the credential.
 */
function StandingLine({ standing, entries, strategy, labNow }: { standing: Standing; entries: readonly JournalEntry[]; strategy: string; labNow: number }) {
  const t = useT('lab');
  if (standing.kind === 'accepted') {
    return (
      <p className="text-sm font-semibold min-h-[1.6em]" data-testid="identity" data-standing="accepted" data-user={standing.username} data-role={standing.role}>
        <span aria-hidden="true">● </span>
        {t('loggedInAs', { user: standing.username, role: t(standing.role === 'admin' ? 'role_admin' : 'role_user') })}
      </p>
    );
  }
  if (standing.kind === 'refused') {
    const since = lastAcceptedOf(entries, standing.credential)?.seq ?? 0;
    const cause = causeOfRefusal({ reason: standing.reason, username: standing.username, strategy, sinceSeq: since, expiresAt: standing.expiresAt, labNow, entries });
    return (
      <div className="text-sm min-h-[1.6em]" data-testid="identity" data-standing="refused" data-reason={standing.reason ?? ''}>
        <p className="font-semibold">
          <span aria-hidden="true">✗ </span>
          {standing.username ? t('refusedNowUser', { user: standing.username, status: standing.status }) : t('refusedNow', { status: standing.status })}{' '}
          <ReasonText reason={standing.reason} />
        </p>
        {cause && (
          <p data-testid="refusal-cause" data-cause={cause.kind === 'event' ? cause.event : cause.kind}>
            {causeWords(t, cause)}
          </p>
        )}
      </div>
    );
  }
  return (
    <p className="text-sm font-semibold min-h-[1.6em]" data-testid="identity" data-standing={standing.kind}>
      {standing.kind === 'none' ? t('notLoggedIn') : t('checking')}
    </p>
  );
}

function causeWords(t: ReturnType<typeof useT<'lab'>>, cause: Cause): string {
  if (cause.kind === 'expired') return t('causeExpired', { time: formatClockDuration(cause.agoSeconds) });
  const who = actorLabel(cause.actor);
  const actor = actorWords(t, who);
  if (cause.kind === 'key-rotation') return t('causeKeyRotated', { actor });
  return t('causeEvent', { event: t(`event_${cause.event}`), actor });
}
