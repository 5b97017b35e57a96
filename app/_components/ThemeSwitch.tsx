'use client';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { THEME_COOKIE, themes, type Theme, preferenceCookie } from '@/lib/ui/prefs';

/** System / light / dark. The attribute on <html> drives the CSS variables in globals.css. */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const t = useT('common');
  const [theme, setTheme] = useState<Theme>(initial);
  const label = { system: t('themeSystem'), light: t('themeLight'), dark: t('themeDark') } as const;

  function choose(next: Theme) {
    setTheme(next);
    document.cookie = preferenceCookie(THEME_COOKIE, next);
    if (next === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
  }

  return (
    <label className="flex items-center gap-2 text-sm" data-secondary>
      <span>{t('themeLabel')}</span>
      <select className="field" value={theme} onChange={(e) => choose(e.target.value as Theme)}>
        {themes.map((th) => (
          <option key={th} value={th}>
            {label[th]}
          </option>
        ))}
      </select>
    </label>
  );
}
