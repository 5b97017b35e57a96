'use client';
import { useT } from '@/lib/i18n/client';
import { StartLabButton } from '@/app/_components/StartLabButton';
import { formatClockDuration, formatLabTime } from '@/lib/ui/format';
import type { LabState } from './types';
import { SettingsEditor } from './SettingsEditor';

export type OperatorAction =
  | { kind: 'role'; username: string; role: 'admin' | 'user' }
  | { kind: 'ban' | 'unban'; username: string }
  | { kind: 'rotate' }
  | { kind: 'clock'; seconds: number };

const CLOCK_STEPS = [
  { seconds: 60, key: 'clockMinutes', n: 1 },
  { seconds: 300, key: 'clockMinutes', n: 5 },
  { seconds: 900, key: 'clockMinutes', n: 15 },
  { seconds: 3600, key: 'clockHours', n: 1 },
] as const;

/** The operator: roles, bans, the signing key, the lab clock, and a reset. */
export function OperatorRail({
  lab,
  labNow,
  busy,
  onAction,
  onClear,
  onSettingsSaved,
}: {
  lab: LabState;
  labNow: number;
  busy: boolean;
  onAction: (a: OperatorAction) => void;
  /** Clears the lab's stolen copies and its timeline (POST …/copies/clear). */
  onClear: () => void;
  /** After a settings change is saved: the page reloads the lab state. */
  onSettingsSaved?: () => void | Promise<void>;
}) {
  const t = useT('lab');
  return (
    <section className="card border-operator border-2" aria-labelledby="operator-h" data-testid="operator-rail">
      <h2 id="operator-h" className="text-lg font-bold text-operator">
        <span aria-hidden="true">⚙ </span>
        {t('operator')}
      </h2>
      <p className="text-xs text-muted mb-2" data-secondary>
        {t('operatorIntro')}
      </p>

      <h3 className="text-sm font-semibold">{t('users')}</h3>
      <ul className="flex flex-col gap-1 mb-2">
        {lab.users.map((u) => (
          <li key={u.username} className="flex flex-wrap items-center gap-1 text-sm" data-testid={`user-${u.username}`}>
            <span className="mono font-semibold min-w-[4.5rem]">{u.username}</span>
            <span className="text-xs">
              {t(u.role === 'admin' ? 'role_admin' : 'role_user')}
              {u.banned && <strong className="text-bad"> · ✗ {t('banned')}</strong>}
            </span>
            <span className="ml-auto flex gap-1">
              <button
                type="button"
                className="btn btn-small btn-operator"
                disabled={busy}
                onClick={() => onAction({ kind: 'role', username: u.username, role: u.role === 'admin' ? 'user' : 'admin' })}
              >
                {u.role === 'admin' ? t('demote') : t('promote')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-operator"
                disabled={busy}
                onClick={() => onAction({ kind: u.banned ? 'unban' : 'ban', username: u.username })}
              >
                {u.banned ? t('unban') : t('ban')}
              </button>
            </span>
          </li>
        ))}
      </ul>

      <button type="button" className="btn btn-operator mb-1" disabled={busy} onClick={() => onAction({ kind: 'rotate' })}>
        {t('rotateKey')}
      </button>
      <p className="text-xs mono mb-2" data-testid="key-info">
        {t('keyInfo', { kid: lab.jwt.kid.slice(0, 10), gen: lab.jwt.keyGeneration, alg: lab.jwt.alg })}
      </p>

      <h3 className="text-sm font-semibold">{t('moveClock')}</h3>
      <p className="text-sm mono" data-testid="lab-clock">
                {formatLabTime(labNow)}{' '}
        <span className="text-muted">
          ({lab.clockOffsetSeconds > 0 ? t('clockAhead', { time: formatClockDuration(lab.clockOffsetSeconds) }) : t('clockInSync')})
        </span>
      </p>
      <div className="flex flex-wrap gap-1 mb-3">
        {CLOCK_STEPS.map((step) => (
          <button key={step.seconds} type="button" className="btn btn-small btn-operator" disabled={busy} onClick={() => onAction({ kind: 'clock', seconds: step.seconds })}>
            {t(step.key, { n: step.n })}
          </button>
        ))}
      </div>
      <SettingsEditor labId={lab.labId} settings={lab.settings} onSaved={() => onSettingsSaved?.()} />
      {/* Side by side, each wrapping inside its half: in Japanese at 1280×720 the clear button's label is wider than the rail. */}
      <div className="grid grid-cols-2 gap-1">
        <StartLabButton label={t('resetLab')} className="btn btn-small btn-wrap w-full" />
        <button type="button" className="btn btn-small btn-wrap w-full self-start" onClick={onClear} data-testid="clear-copies">
          {t('clearCopies')}
        </button>
      </div>
    </section>
  );
}
