'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LANG_COOKIE, locales, type Locale } from '@/lib/i18n/config';
import { useLocale, useT } from '@/lib/i18n/client';
import { preferenceCookie } from '@/lib/ui/prefs';

const names: Record<Locale, string> = { en: 'English', ja: '日本語' };

function saveLocale(next: Locale) {
  document.cookie = preferenceCookie(LANG_COOKIE, next);
  document.documentElement.lang = next;
}

/** Saves the choice in the `lang` cookie and re-renders on the server, which then speaks it. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT('common');
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    saveLocale(next);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t('language')} className="flex gap-1" aria-busy={pending}>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => choose(l)}
          className="btn btn-small"
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}
