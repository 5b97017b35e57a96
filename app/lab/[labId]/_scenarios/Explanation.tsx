'use client';
import { useLocale, useT } from '@/lib/i18n/client';
import { explainResult } from '@/lib/explain/explain';
import type { LabSettings } from '@/lib/labs/settings';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { Requirements } from './Requirements';

/**
 * Why a measured result came out as it did, what would fix it, the window
 * beside the setting that bounds it, and the requirements it bears on
 * (lib/explain). Said to be unexpected when the measurement and the
 * mechanism disagree. Nothing for a pair this build does not know.
 */
export function Explanation({ result, settings }: { result: ScenarioResult; settings: LabSettings | null | undefined }) {
  const t = useT('explain');
  const locale = useLocale();
  if (!settings) return null;
  const e = explainResult(result, settings, t, locale);
  if (!e) return null;
  return (
    <section className="flex flex-col gap-2 mt-2 border-t border-border pt-2" data-testid="explanation" data-kind={e.kind} data-strategy={result.strategy}>
      {e.unexpected && (
        <p className="status look-error font-semibold" data-testid="explanation-unexpected">
          <span aria-hidden="true">! </span>
          {e.unexpected}
        </p>
      )}
      {e.window && (
        <p className="text-sm mono" data-testid="explanation-window">
          {e.window}
        </p>
      )}
      <div>
        <h4 className="font-semibold text-sm">{t('headingWhy')}</h4>
        <p className="text-sm" data-testid="explanation-why">
          {e.why}
        </p>
      </div>
      <div>
        <h4 className="font-semibold text-sm">{t('headingFix')}</h4>
        <p className="text-sm" data-testid="explanation-fix">
          {e.fix}
        </p>
      </div>
      <Requirements requirements={e.requirements} />
    </section>
  );
}
