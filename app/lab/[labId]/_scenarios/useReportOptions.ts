'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import type { ReportOptions } from '@/lib/scenarios/report';

const noSubscription = () => () => {};
const browserOrigin = () => window.location.origin;
/** The server renders without an origin (it has no `window`); the browser fills it in after hydration. */
const serverOrigin = () => '';

/**
 * The report's words in the page's language, and the page's origin for its curl lines. Safe to
 * call during render — the presets headline and the printed findings are rendered on the server
 * too, where reading `window` made the presets matrix page answer 500.
 */
export function useReportOptions(): () => ReportOptions {
  const locale = useLocale();
  const report = useT('report');
  const explain = useT('explain');
  const presets = useT('presets');
  const origin = useSyncExternalStore(noSubscription, browserOrigin, serverOrigin);
  return useCallback(() => ({ locale, origin, t: { report, explain, presets } }), [locale, origin, report, explain, presets]);
}
