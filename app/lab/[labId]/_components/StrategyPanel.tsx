'use client';
import { useCallback, useEffect, useId, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { callApi } from './api';
import { lookupsOf, reasonOf } from '@/lib/ui/format';
import { ReasonText, StatusBadge } from './StatusBadge';
import { TokenInspector } from './TokenInspector';
import type { ApiResult, CredentialView, LabUser, PanelIdentity, Role } from './types';
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

export type RunRequest = (actor: 'victim', strategy: string, method: string, action: string, json?: unknown) => Promise<ApiResult>;

type Props = {
  index: number;
  labId: string;
  strategy: string;
  strategies: string[];
  onStrategyChange: (strategy: string) => void;
  users: LabUser[];
  passwords: Record<string, string>;
  onPasswordChanged: (username: string, password: string) => void;
  run: RunRequest;
  onSteal: (strategy: string, view: CredentialView, username: string | null) => void;
  /** Bumped by the page after anything that may change what the server holds (operator actions). */
  refreshKey: number;
  labNow: number;
};

/**
 * One of the two side-by-side logins: a strategy, its victim actions, the
 * answer to the last one, and the inspector of what the browser now holds.
 */
export function StrategyPanel(props: Props) {
  const { index, labId, strategy, strategies, users, passwords, run, refreshKey, labNow } = props;
  const t = useT('lab');
  const pickerId = useId();
  const pwId = useId();
  const [identity, setIdentity] = useState<PanelIdentity>(null);
  const [last, setLast] = useState<{ label: string; status: number; reason: string | null; lookups: number | null } | null>(null);
  const [view, setView] = useState<CredentialView | null>(null);
  const [busy, setBusy] = useState(false);
  const [newPassword, setNewPassword] = useState('correct-horse-battery');

  // Not on the timeline: it reads, it changes nothing (see lib/labs/credential-view.ts).
  const inspect = useCallback(async () => {
    setView(await readCredential(labId, strategy));
  }, [labId, strategy]);

  useEffect(() => {
    let live = true;
    void readCredential(labId, strategy).then((v) => {
      if (live) setView(v);
    });
    return () => {
      live = false;
    };
  }, [labId, strategy, refreshKey]);

  async function act(label: string, method: string, action: string, json?: unknown) {
    const giveFocusBack = focusKeeper();
    setBusy(true);
    try {
      const res = await run('victim', strategy, method, action, json);
      setLast({ label, status: res.status, reason: reasonOf(res.body), lookups: lookupsOf(res.body) });
      const user = res.body.user as { username?: string; role?: Role } | undefined;
      if (res.status === 200 && user?.username && user.role) setIdentity({ username: user.username, role: user.role });
      if (res.status === 401) setIdentity(null);
      if (action === 'logout' && res.status === 200) setIdentity(null);
      if (action === 'logout-all' && res.status === 200) setIdentity(null);
      await inspect();
      return res;
    } finally {
      setBusy(false);
      giveFocusBack();
    }
  }

  async function changePassword() {
    if (!identity) return;
    const current = passwords[identity.username] ?? '';
    const res = await act(t('changePassword'), 'POST', 'password', { currentPassword: current, newPassword });
    if (res.status === 200) props.onPasswordChanged(identity.username, newPassword);
  }

  const describe = (t as (k: string) => string)(`strategy_${strategy}`);
  return (
    <section className="card flex flex-col gap-2 min-w-0" aria-labelledby={`${pickerId}-h`} data-testid={`panel-${index}`} data-strategy={strategy}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${pickerId}-h`} className="text-lg font-bold">
          {t('panel', { n: index })}
        </h2>
        <label htmlFor={pickerId} className="flex items-center gap-2 text-sm">
          <span>{t('strategy')}</span>
          <select
            id={pickerId}
            className="field mono font-semibold"
            value={strategy}
            onChange={(e) => {
              setIdentity(null);
              setLast(null);
              props.onStrategyChange(e.target.value);
            }}
          >
            {strategies.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
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

      <p className="text-sm font-semibold min-h-[1.6em]" data-testid="identity">
        {identity ? t('loggedInAs', { user: identity.username, role: t(identity.role === 'admin' ? 'role_admin' : 'role_user') }) : t('notLoggedIn')}
      </p>

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
          // Reads what the browser holds right now, as malware would, and hands the copy to the attacker rail.
          const v = await readCredential(labId, strategy);
          setView(v);
          if (v) props.onSteal(strategy, v, identity?.username ?? v.sessionRow?.username ?? null);
        }}
        data-testid="steal"
      >
        {t('steal')}
      </button>

      <TokenInspector view={view} labNow={labNow} />
    </section>
  );
}
