import 'server-only';
import type { NextRequest } from 'next/server';
import { LANG_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/config';
import { translator } from '../i18n/translate';
import { ApiError } from '../http';
import type { ReportOptions } from './report';

/**
 * The report's language for an API request: `?lang=en|ja`, else the `lang`
 * preference cookie the pages write, else Accept-Language. An unknown `lang`
 * is a 400, not a silent English.
 */
export function reportLocale(req: NextRequest): Locale {
  const asked = req.nextUrl.searchParams.get('lang');
  if (asked !== null) {
    if (isLocale(asked)) return asked;
    throw new ApiError('unknown-lang', 'lang must be en or ja.');
  }
  const saved = req.cookies.get(LANG_COOKIE)?.value;
  if (isLocale(saved)) return saved;
  return localeFromAcceptLanguage(req.headers.get('accept-language'));
}

export function reportOptions(req: NextRequest, origin: string): ReportOptions {
  const locale = reportLocale(req);
  return { locale, origin, t: { report: translator(locale, 'report'), explain: translator(locale, 'explain'), presets: translator(locale, 'presets') } };
}
