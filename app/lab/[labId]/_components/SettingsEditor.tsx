'use client';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDuration } from '@/lib/scenarios/format';
import { reasonWords } from '@/lib/ui/reason';
import { DURATION_UNITS, splitDuration, toSeconds, type DurationUnit } from '@/lib/ui/duration-input';
import { durationSettings, jwtAlgs, maxSettingSeconds, MIN_SETTING_SECONDS, type DurationSetting } from '@/lib/labs/setting-bounds';
import { settingHelpKey, settingLabelKey, type SettingName } from '@/lib/i18n/keys';
import { callApi } from './api';

type Draft = Record<DurationSetting, { amount: string; unit: DurationUnit }> & { jwtAlg: string };

const UNIT_KEY = { days: 'unit_days', hours: 'unit_hours', minutes: 'unit_minutes', seconds: 'unit_seconds' } as const;

function draftOf(settings: Record<string, unknown>): Draft {
  const draft = { jwtAlg: String(settings.jwtAlg ?? 'HS256') } as Draft;
  for (const name of durationSettings) {
    const { amount, unit } = splitDuration(Number(settings[name] ?? 0));
    draft[name] = { amount: String(amount), unit };
  }
  return draft;
}

type Message = { kind: 'ok' | 'refused'; text: string } | null;

/**
 * The lab's settings, edited through PATCH /api/labs/{labId}/settings: one
 * line each on what it governs, durations in readable units, and the
 * server's refusal in words (a value out of range names its range). After a
 * save the page reloads the lab (`onSaved`), so every panel follows.
 */
export function SettingsEditor({ labId, settings, onSaved }: { labId: string; settings: Record<string, unknown>; onSaved: () => void | Promise<void> }) {
  const t = useT('lab');
  const tr = useT('reasons');
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // The button is disabled while saving, and a disabled button cannot take focus: focus goes back
  // to it once React has re-enabled it (an effect after the commit), not on a timer that can run
  // before the commit on a busy machine.
  const refocusAfterSave = useRef(false);
  useEffect(() => {
    if (saving || !refocusAfterSave.current) return;
    refocusAfterSave.current = false;
    saveButton.current?.focus();
  }, [saving]);
  const details = useRef<HTMLDetailsElement>(null);

  // A link to /lab/{id}#settings (from the matrix page) opens the editor and brings it into view.
  // Closed otherwise: the operator's buttons stay within a projector's 720 px.
  useEffect(() => {
    if (window.location.hash !== '#settings' || !details.current) return;
    details.current.open = true;
    details.current.scrollIntoView({ block: 'center' });
  }, []);

  const label = (name: SettingName) => t(settingLabelKey(name));
  const range = (name: DurationSetting) =>
    t('settingOutOfRange', { name: label(name), min: formatDuration(MIN_SETTING_SECONDS, locale), max: formatDuration(maxSettingSeconds[name], locale) });

  async function save() {
    const patch: Record<string, unknown> = {};
    for (const name of durationSettings) {
      const seconds = toSeconds(draft[name].amount, draft[name].unit);
      if (seconds === null) {
        setMessage({ kind: 'refused', text: t('settingNotWhole', { name: label(name) }) });
        return;
      }
      if (seconds !== settings[name]) patch[name] = seconds;
    }
    if (draft.jwtAlg !== settings.jwtAlg) patch.jwtAlg = draft.jwtAlg;
    if (Object.keys(patch).length === 0) {
      setMessage({ kind: 'ok', text: t('settingsUnchanged') });
      return;
    }
    setSaving(true);
    try {
      const res = await callApi('PATCH', `/api/labs/${labId}/settings`, patch);
      if (res.status === 200) {
        setMessage({ kind: 'ok', text: res.body.keyRotated === true ? t('settingsSavedKeyRotated') : t('settingsSaved') });
        const saved = res.body.settings;
        if (saved && typeof saved === 'object') setDraft(draftOf(saved as Record<string, unknown>));
        await onSaved();
      } else {
        setMessage({ kind: 'refused', text: t('settingsRefused', { reason: refusalWords(res.body) }) });
      }
    } finally {
      // The button was disabled during the request: focus goes back to it, not to <body> (the effect above).
      refocusAfterSave.current = true;
      setSaving(false);
    }
  }

  /** The server's refusal in the page's words: a setting out of range names its range. */
  function refusalWords(body: Record<string, unknown>): string {
    const detail = typeof body.detail === 'string' ? body.detail : '';
    const field = detail.split(':')[0]?.trim() as DurationSetting;
    if (body.reason === 'invalid-body' && (durationSettings as readonly string[]).includes(field)) return range(field);
    return reasonWords(tr, typeof body.reason === 'string' ? body.reason : `http-${String(body.status ?? '')}`);
  }

  return (
    <details ref={details} id="settings" className="mb-2" data-testid="settings-editor">
      <summary className="cursor-pointer text-sm font-semibold">{t('settings')}</summary>
      <form
        noValidate
        className="flex flex-col gap-2 mt-1"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="text-xs text-muted" data-secondary>
          {t('settingsIntro')}
        </p>
        {durationSettings.map((name) => (
          <div key={name} className="flex flex-col gap-0.5" data-setting={name}>
            <label htmlFor={`setting-${name}`} className="text-sm font-semibold">
              {label(name)} <span className="font-normal mono text-xs">({formatDuration(Number(settings[name] ?? 0), locale)})</span>
            </label>
            <span className="flex gap-1">
              <input
                id={`setting-${name}`}
                className="field mono w-24"
                inputMode="decimal"
                value={draft[name].amount}
                onChange={(e) => setDraft((d) => ({ ...d, [name]: { ...d[name], amount: e.target.value } }))}
                aria-describedby={`help-${name}`}
                data-testid={`setting-${name}`}
              />
              <select
                className="field"
                aria-label={`${label(name)}: ${t('unit_minutes')} / ${t('unit_hours')}`}
                value={draft[name].unit}
                onChange={(e) => setDraft((d) => ({ ...d, [name]: { ...d[name], unit: e.target.value as DurationUnit } }))}
                data-testid={`unit-${name}`}
              >
                {DURATION_UNITS.map(({ unit }) => (
                  <option key={unit} value={unit}>
                    {t(UNIT_KEY[unit])}
                  </option>
                ))}
              </select>
            </span>
            <span id={`help-${name}`} className="text-xs text-muted">
              {t(settingHelpKey(name))}
            </span>
          </div>
        ))}
        <div className="flex flex-col gap-0.5" data-setting="jwtAlg">
          <label htmlFor="setting-jwtAlg" className="text-sm font-semibold">
            {label('jwtAlg')}
          </label>
          <select
            id="setting-jwtAlg"
            className="field mono w-32"
            value={draft.jwtAlg}
            onChange={(e) => setDraft((d) => ({ ...d, jwtAlg: e.target.value }))}
            aria-describedby="help-jwtAlg"
            data-testid="setting-jwtAlg"
          >
            {jwtAlgs.map((alg) => (
              <option key={alg} value={alg}>
                {alg}
              </option>
            ))}
          </select>
          <span id="help-jwtAlg" className="text-xs text-muted">
            {t(settingHelpKey('jwtAlg'))}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button ref={saveButton} type="submit" className="btn btn-small btn-operator" disabled={saving} data-testid="save-settings">
            {t('saveSettings')}
          </button>
          <span role="status" aria-live="polite" className={`text-sm ${message?.kind === 'refused' ? 'text-bad font-semibold' : ''}`} data-testid="settings-message">
            {message && (
              <>
                <span aria-hidden="true">{message.kind === 'refused' ? '✗ ' : '✓ '}</span>
                {message.text}
              </>
            )}
          </span>
        </div>
      </form>
    </details>
  );
}
