'use client';
import { useSyncExternalStore } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { scenarioNameOf } from '@/lib/i18n/keys';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { presetName, readableTime, reviewerReport } from '@/lib/scenarios/report';
import { formatDuration } from '@/lib/scenarios/format';
import { useReportOptions } from './useReportOptions';
import { VerdictBadge } from './Verdict';
import { WindowBound } from './WindowBound';
import { KeptInUse } from './KeptInUse';
import { matrixRows } from '@/lib/scenarios/matrix-table';

/**
 * The reviewer's report on paper, hidden on screen (app/globals.css @media
 * print): the matrix as plain content laid out to the page width (on screen
 * its cells are buttons; paper has no controls), then the run's date, the lab
 * clock and one finding per failing cell, built by the same function as the
 * exports. A presets run adds what its exports add: the headline (one line per
 * preset) and each preset's settings, source and issue thread, with the
 * addresses written out (paper cannot be clicked).
 */
const noSubscription = () => () => {};

export function PrintReport({ report }: { report: MatrixReport }) {
  // The findings' curl lines name this page's origin, which only the browser
  // knows: a stored run is rendered on the server too, so paper waits for the client.
  const onClient = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!onClient) return null;
  return (
    <>
      <PrintMatrix report={report} />
      {report.presets && <PrintPresets report={report} />}
      <PrintFindings report={report} />
    </>
  );
}

function PrintMatrix({ report }: { report: MatrixReport }) {
  const t = useT('scenarios');
  const tr = useT('report');
  return (
    <section className="hidden print:block print-matrix" data-testid="print-matrix" aria-hidden="true">
      <p className="text-sm">{tr('generated', { date: readableTime(Date.parse(report.generatedAt) / 1000), clock: readableTime(report.labClock), ms: report.durationMs })}</p>
      <table className="w-full border-collapse" data-testid="print-matrix-table">
        <thead>
          <tr className="text-left">
            <th className="p-1">{t('colScenario')}</th>
            {report.strategies.map((s) => (
              <th key={s} className="p-1 mono" data-strategy={s}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrixRows(report).map(({ scenario, cells }) => (
            <tr key={scenario} className="border-t border-border align-top">
              <th className="p-1 text-left">{scenarioNameOf(t, scenario)}</th>
              {cells.map(({ strategy, result: r }) => {
                const others = r?.collateral.loggedOut.length ?? 0;
                return (
                  <td key={strategy} className="p-1" data-testid={`print-cell-${scenario}-${strategy}`}>
                    {r && (
                      <span className="flex flex-col items-start gap-0.5">
                        <VerdictBadge result={r} />
                        <WindowBound result={r} />
                        <KeptInUse result={r} />
                        {others > 0 && <span className="text-xs font-semibold">{t('collateral', { n: others })}</span>}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs mt-1">{tr('printLegend')}</p>
    </section>
  );
}

/** A presets run on paper: the headline and, per preset, its settings, source and thread — as the Markdown export has them. */
function PrintPresets({ report }: { report: MatrixReport }) {
  const t = useT('presets');
  const locale = useLocale();
  const options = useReportOptions()();
  const json = reviewerReport(report, options);
  return (
    <section className="hidden print:block print-break" data-testid="print-presets" aria-hidden="true">
      <h2 className="text-lg font-bold">{t('headline')}</h2>
      <p className="text-sm">{t('headlineIntro')}</p>
      <ul className="list-disc pl-5">
        {(json.headline ?? []).map((line, i) => (
          <li key={report.presets![i]?.id ?? i} data-testid={`print-headline-${report.presets![i]?.id}`}>
            {line}
          </li>
        ))}
      </ul>
      <h3 className="font-bold mt-2">{t('presetsTable')}</h3>
      <table className="w-full border-collapse text-xs" data-testid="print-presets-table">
        <thead>
          <tr className="text-left">
            <th className="p-1">{t('preset')}</th>
            <th className="p-1">{t('strategy')}</th>
            <th className="p-1">{t('settings')}</th>
            <th className="p-1">{t('source')}</th>
            <th className="p-1">{t('thread')}</th>
          </tr>
        </thead>
        <tbody>
          {report.presets!.map((p) => (
            <tr key={p.id} className="border-t border-border align-top" data-testid={`print-preset-${p.id}`}>
              <td className="p-1">
                {presetName(p.id, options)} <span className="mono">({p.id})</span>
              </td>
              <td className="p-1 mono">
                {p.strategy}
                {p.strategyOptions ? ` (checkRevoked: ${p.strategyOptions.checkRevoked})` : ''}
              </td>
              <td className="p-1">
                {Object.entries(p.settings)
                  .map(([k, v]) => `${k} ${typeof v === 'number' ? formatDuration(v, locale) : v}`)
                  .join(', ')}
              </td>
              <td className="p-1 break-all">
                {p.source.library} {p.source.version} — {p.source.docsUrl}
              </td>
              <td className="p-1 break-all">{p.source.issueUrl}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PrintFindings({ report }: { report: MatrixReport }) {
  const t = useT('report');
  const options = useReportOptions();
  const json = reviewerReport(report, options());
  return (
    <section className="hidden print:block print-break" data-testid="print-report" aria-hidden="true">
      <h2 className="text-lg font-bold">{t('findings')}</h2>
      {json.findings.length === 0 && <p>{t('noFindings')}</p>}
      {json.findings.map((f, i) => (
        <article key={`${f.scenario}-${f.strategy}`} className="print-finding mt-3">
          <h3 className="font-bold">
            {i + 1}. {f.title}{' '}
            <span className="mono font-normal">
              ({f.strategy} × {f.scenario})
            </span>
          </h3>
          {f.unexpected && <p className="font-semibold">{f.unexpected}</p>}
          <p>
            <strong>{t('severity')}:</strong> {t(`sev_${f.severity}`)} — {f.severityRationale}
          </p>
          <p>
            <strong>{t('impact')}:</strong> {f.impact}
          </p>
          <p>
            <strong>{t('why')}:</strong> {f.why}
          </p>
          <p>
            <strong>{t('remediation')}:</strong> {f.remediation}
          </p>
          <p>
            <strong>{t('references')}:</strong> {f.references.map((q) => `${q.number} (${q.source}) ${q.url}`).join('; ')}
          </p>
          <p>
            <strong>{t('evidence')}:</strong>
          </p>
          <pre className="mono text-xs whitespace-pre-wrap break-all">
            {f.evidence.map((e) => (e.status === null ? e.line : `${e.line}   # → ${e.status}${e.reason ? ` ${e.reason}` : ''}`)).join('\n')}
          </pre>
        </article>
      ))}
    </section>
  );
}
