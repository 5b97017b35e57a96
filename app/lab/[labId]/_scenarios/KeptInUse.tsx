'use client';
import { useLocale, useT } from '@/lib/i18n/client';
import { keptInUseWindow } from '@/lib/scenarios/report';
import type { ScenarioResult } from '@/lib/scenarios/types';

/**
 * Where a strategy re-issues its credential on every read (the Auth.js
 * preset), the cell's verdict is the copy as stolen; this line is the second
 * copy the thief kept using, as measured (ScenarioResult.withUse).
 */
export function KeptInUse({ result }: { result: ScenarioResult }) {
  const t = useT('report');
  const locale = useLocale();
  if (!result.withUse) return null;
  return (
    <span className="text-xs" data-testid="kept-in-use">
      {t('keptInUse', { window: keptInUseWindow(result.withUse, locale) })}
    </span>
  );
}
