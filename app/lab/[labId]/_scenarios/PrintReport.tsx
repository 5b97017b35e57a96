'use client';
import { useT } from '@/lib/i18n/client';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { readableTime, reviewerReport } from '@/lib/scenarios/report';
import { useReportOptions } from './useReportOptions';

/**
 * The reviewer's report on paper: hidden on screen, printed after the matrix
 * (app/globals.css @media print) — the run's date, the lab clock, then one
 * finding per failing cell, built by the same function as the exports.
 */
export function PrintReport({ report }: { report: MatrixReport }) {
  const t = useT('report');
  const options = useReportOptions();
  const json = reviewerReport(report, options());
  return (
    <section className="hidden print:block print-break" data-testid="print-report" aria-hidden="true">
      <h2 className="text-lg font-bold">{t('findings')}</h2>
      <p className="text-sm">{t('generated', { date: readableTime(Date.parse(report.generatedAt) / 1000), clock: readableTime(report.labClock), ms: report.durationMs })}</p>
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
