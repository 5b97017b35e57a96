'use client';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { PRESENTER_COOKIE, preferenceCookie } from '@/lib/ui/prefs';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * Presenter mode: large type, high contrast, secondary UI hidden (CSS keyed on
 * html[data-presenter]). Toggled by this button or the P key, remembered in a
 * cookie so a reload on the projector keeps it.
 */
export function PresenterToggle({ initial }: { initial: boolean }) {
  const t = useT('common');
  const [on, setOn] = useState(initial);

  const set = useCallback((next: boolean) => {
    setOn(next);
    document.cookie = preferenceCookie(PRESENTER_COOKIE, next ? '1' : '0');
    if (next) document.documentElement.dataset.presenter = '';
    else delete document.documentElement.dataset.presenter;
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'p' && e.key !== 'P') return;
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      set(!document.documentElement.hasAttribute('data-presenter'));
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [set]);

  return (
    <button type="button" className="btn btn-small" aria-pressed={on} onClick={() => set(!on)} title={t('presenterHint')} aria-keyshortcuts="p">
      {on ? t('presenterOn') : t('presenterOff')}
    </button>
  );
}
