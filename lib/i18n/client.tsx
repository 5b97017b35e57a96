'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { defaultLocale, type Locale } from './config';
import { format } from './define';
// Types only: the dictionaries themselves never enter the client bundle.
import type { Namespace } from './dictionaries';
import type { Translate } from './translate';

/** The current locale's strings, every namespace, as plain data (see messagesFor in server.ts). */
export type Messages = Record<Namespace, Record<string, string>>;

const I18nContext = createContext<{ locale: Locale; messages: Messages | null }>({ locale: defaultLocale, messages: null });

/**
 * Set once in the root layout with the locale the server chose and that
 * locale's strings. Passing them as data (in the RSC payload) instead of
 * importing the dictionaries keeps both languages out of the page's JS.
 */
export function LocaleProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** Client components: `const t = useT('lab')`. */
export function useT<N extends Namespace>(namespace: N): Translate<N> {
  const { messages } = useContext(I18nContext);
  return useMemo(() => {
    const table: Record<string, string> = messages?.[namespace] ?? {};
    return ((key, values) => format(table[key] ?? key, values)) as Translate<N>;
  }, [messages, namespace]);
}
