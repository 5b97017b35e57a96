'use client';
import { useCallback } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import type { ReportOptions } from '@/lib/scenarios/report';

/**
 * The report's words in the page's language, and the page's origin for its
 * curl lines. The presets headline calls it while rendering, which also happens
 * on the server for a stored run (a reload of ?set=presets): there is no origin
 * there, and the headline names none, so it is empty rather than a crash.
 */
export function useReportOptions(): () => ReportOptions {
  const locale = useLocale();
  const report = useT('report');
  const explain = useT('explain');
  const presets = useT('presets');
  return useCallback(() => ({ locale, origin: typeof window === 'undefined' ? '' : window.location.origin, t: { report, explain, presets } }), [locale, report, explain, presets]);
}
