import type { Locale } from './config';
import { format } from './define';
import { dictionaries, type Key, type Namespace } from './dictionaries';

export type Translate<N extends Namespace> = (key: Key<N>, values?: Record<string, string | number>) => string;

/** A t() bound to one namespace and locale. Shared by the server lookup and the client hook. */
export function translator<N extends Namespace>(locale: Locale, namespace: N): Translate<N> {
  const table = dictionaries[namespace][locale] as Record<string, string>;
  return (key, values) => format(table[key] ?? key, values);
}
