'use client';
import { useSyncExternalStore } from 'react';
import { useT } from '@/lib/i18n/client';
import { scenarioNameOf } from '@/lib/i18n/keys';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { readableTime, reviewerReport } from '@/lib/scenarios/report';
import { useReportOptions } from './useReportOptions';
import { VerdictBadge } from './Verdict';
import { WindowBound } from './WindowBound';
import { matrixRows } from '@/lib/scenarios/matrix-table';

/**
 * The reviewer's report on paper, hidden on screen (app/globals.css @media
 * print): the matrix as plain content laid out to the page width (on screen
 * its cells are buttons; paper has no controls), then the run's date, the lab
 * clock and one finding per failing cell, built by the same function as the
 * exports.
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
