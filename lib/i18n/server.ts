import 'server-only';
import { cookies, headers } from 'next/headers';
import { LANG_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from './config';
import { dictionaries, type Namespace } from './dictionaries';
import { translator, type Translate } from './translate';
import type { Messages } from './client';

/** The visitor's language: the saved preference, else the browser's Accept-Language, else English. */
export async function getLocale(): Promise<Locale> {
  const saved = (await cookies()).get(LANG_COOKIE)?.value;
  if (isLocale(saved)) return saved;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

/** Server components: `const t = await getT('home')`. */
export async function getT<N extends Namespace>(namespace: N): Promise<Translate<N>> {
  return translator(await getLocale(), namespace);
}

/** One locale's strings for every namespace: what the root layout hands to client components. */
export function messagesFor(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(dictionaries).map(([ns, table]) => [ns, table[locale]])) as unknown as Messages;
}
