'use client';
import { useLocale, useT } from '@/lib/i18n/client';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { presetHeadline, subjectOf } from '@/lib/scenarios/report';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { Explanation } from './Explanation';
import { formatDuration } from '@/lib/scenarios/format';
import { useReportOptions } from './useReportOptions';

/**
 * The reviewer's headline of a presets run — one line per preset, what a copy
 * stolen before logout still did — with each preset's own settings, its
 * source (library, version, documentation) and its issue-tracker thread.
 * Computed from the stored run, as the exports are.
 */
export function PresetsHeadline({ report }: { report: MatrixReport }) {
  const t = useT('presets');
  const locale = useLocale();
  const options = useReportOptions()();
  const lines = presetHeadline(report, options);
  return (
    <section className="card flex flex-col gap-2 text-sm" aria-labelledby="presets-headline-h" data-testid="presets-headline">
      <h2 id="presets-headline-h" className="text-lg font-bold">
        {t('headline')}
      </h2>
      <p data-secondary>{t('headlineIntro')}</p>
      <ul className="list-disc pl-5 flex flex-col gap-1">
        {(report.presets ?? []).map((p, i) => (
          <li key={p.id} data-testid={`headline-${p.id}`}>
            <span>{lines[i]}</span>{' '}
            <span className="text-muted" data-secondary>
              ({Object.entries(p.settings).map(([k, v]) => `${k} ${typeof v === 'number' ? formatDuration(v, locale) : v}`).join(', ')};{' '}
              <a href={p.source.docsUrl} rel="noreferrer">
                {p.source.library} {p.source.version}
              </a>
              ,{' '}
              <a href={p.source.issueUrl} rel="noreferrer">
                {t('threadLink')}
              </a>
              )
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A preset cell's explanation: the matching lab strategy's (why, fix, bound,
 * requirements) under the preset's own settings; for a preset with a
 * mechanism of its own (Auth.js, Firebase with checkRevoked), its own words.
 */
export function PresetExplanation({ result, report }: { result: ScenarioResult; report: MatrixReport }) {
  const t = useT('presets');
  const te = useT('explain');
  const subject = subjectOf(result, report);
  if (!subject.ownPreset) return <Explanation result={subject.result} settings={subject.settings} />;
  const id = subject.ownPreset.id;
  return (
    <section className="flex flex-col gap-2 mt-2 border-t border-border pt-2" data-testid="explanation" data-kind="preset" data-strategy={id}>
      <div>
        <h4 className="font-semibold text-sm">{te('headingWhy')}</h4>
        <p className="text-sm" data-testid="explanation-why">
          {(t as (k: string) => string)(`why_${id}`)}
        </p>
      </div>
      <div>
        <h4 className="font-semibold text-sm">{te('headingFix')}</h4>
        <p className="text-sm" data-testid="explanation-fix">
          {(t as (k: string) => string)(`fix_${id}`)}
        </p>
      </div>
    </section>
  );
}
