'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { defaultLocale, type Locale } from './config';
import type { Namespace } from './dictionaries';
import { translator, type Translate } from './translate';

const LocaleContext = createContext<Locale>(defaultLocale);

/** Set once in the root layout with the locale the server chose, so client and server agree. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** Client components: `const t = useT('lab')`. */
export function useT<N extends Namespace>(namespace: N): Translate<N> {
  const locale = useLocale();
  return useMemo(() => translator(locale, namespace), [locale, namespace]);
}
