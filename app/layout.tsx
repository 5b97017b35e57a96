import './globals.css';
import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getLocale, getT, messagesFor } from '@/lib/i18n/server';
import { LocaleProvider } from '@/lib/i18n/client';
import { PRESENTER_COOKIE, THEME_COOKIE } from '@/lib/ui/prefs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT('common');
  return { title: { default: t('siteName'), template: `%s — ${t('siteName')}` } };
}

/**
 * Language, theme and presenter mode are read from preference cookies here,
 * so the very first HTML is right: no flash, no inline script (strict CSP).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const jar = await cookies();
  const theme = jar.get(THEME_COOKIE)?.value;
  const presenter = jar.get(PRESENTER_COOKIE)?.value === '1';
  const t = await getT('common');
  return (
    <html
      lang={locale}
      data-theme={theme === 'light' || theme === 'dark' ? theme : undefined}
      data-presenter={presenter ? '' : undefined}
    >
      <body>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <LocaleProvider locale={locale} messages={messagesFor(locale)}>
          {children}
        </LocaleProvider>
      </body>
    </html>
  );
}
