'use client';
import Link from 'next/link';
import { useCallback, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { matrixMarkdown, reviewerReport } from '@/lib/scenarios/report';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { shownVerdict } from '@/lib/ui/verdict-look';
import { reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import { VerdictBadge, VerdictSummary } from './Verdict';
import { TraceTable } from './TraceTable';
import { downloadText, runScenarioRequest } from './run-api';
import { Explanation } from './Explanation';
import { useReportOptions } from './useReportOptions';
import { PrintReport } from './PrintReport';
import { WindowBound } from './WindowBound';

type Row = { state: 'idle' } | { state: 'running' } | { state: 'done'; report: MatrixReport } | { state: 'failed'; reason: string };

/**
 * Runs the matrix from the browser, one request per scenario (all at once):
 * each row fills in as its answer arrives. The exports are built from what
 * is on the screen, in the same format as GET …/matrix?format=md|json.
 */
export function MatrixRunner({ labId, scenarios, strategies }: { labId: string; scenarios: string[]; strategies: string[] }) {
  const t = useT('scenarios');
  const [rows, setRows] = useState<Record<string, Row>>(() => Object.fromEntries(scenarios.map((s) => [s, { state: 'idle' }])));
  const [selected, setSelected] = useState<ScenarioResult | null>(null);
  const [elapsedMs, setElapsedMs] = useState<number | null>(null);
  const traceHeading = useRef<HTMLHeadingElement>(null);
  const reportOptions = useReportOptions();

  const done = scenarios.filter((s) => rows[s]?.state === 'done' || rows[s]?.state === 'failed').length;
  const running = scenarios.some((s) => rows[s]?.state === 'running');
  const reports = scenarios.map((s) => rows[s]).flatMap((r) => (r?.state === 'done' ? [r.report] : []));

  const runAll = useCallback(() => {
    const started = performance.now();
    setSelected(null);
    setElapsedMs(null);
    setRows(Object.fromEntries(scenarios.map((s) => [s, { state: 'running' }])));
    let remaining = scenarios.length;
    for (const scenario of scenarios) {
      runScenarioRequest(labId, scenario)
        .then((report): Row => ({ state: 'done', report }))
        .catch((err: unknown): Row => ({ state: 'failed', reason: reasonCodeOf(err) }))
        .then((row) => {
          setRows((prev) => ({ ...prev, [scenario]: row }));
          if (--remaining === 0) setElapsedMs(performance.now() - started);
        });
    }
  }, [labId, scenarios]);

  const combined = (): MatrixReport | null => {
    if (reports.length === 0) return null;
    const first = reports[0]!;
    return {
      generatedAt: reports.map((r) => r.generatedAt).sort().at(-1)!,
      labClock: first.labClock,
      settings: first.settings,
      versions: first.versions,
      scenarios: reports.flatMap((r) => r.scenarios),
      strategies,
      results: reports.flatMap((r) => r.results),
      durationMs: Math.round(elapsedMs ?? 0),
    };
  };

  const exportAs = (format: 'md' | 'json') => {
    const report = combined();
    if (!report) return;
    const stamp = report.generatedAt.replace(/[:.]/g, '-');
    // The report in the page's language: the same functions GET …/matrix?format=md|json uses.
    if (format === 'md') downloadText(`revocation-lab-matrix-${stamp}.md`, matrixMarkdown(report, reportOptions()), 'text/markdown');
    else downloadText(`revocation-lab-matrix-${stamp}.json`, JSON.stringify(reviewerReport(report, reportOptions()), null, 2) + '\n', 'application/json');
  };

  const open = (result: ScenarioResult) => {
    setSelected(result);
    // Move focus to the trace so keyboard and screen-reader users land on what they asked for.
    requestAnimationFrame(() => traceHeading.current?.focus());
  };

  const report = combined();
  const allDone = done === scenarios.length && !running && reports.length > 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" onClick={runAll} disabled={running} data-testid="run-all">
          {reports.length ? t('runAgain') : t('runAll')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('md')} disabled={!allDone} data-testid="export-md">
          {t('exportMd')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('json')} disabled={!allDone} data-testid="export-json">
          {t('exportJson')}
        </button>
        <span role="status" aria-live="polite" className="text-sm" data-testid="progress">
          {running && (
            <>
              <progress max={scenarios.length} value={done} className="align-middle mr-2" />
              {t('progress', { done, total: scenarios.length })}
            </>
          )}
          {!running && elapsedMs !== null && t('finished', { total: scenarios.length, seconds: (elapsedMs / 1000).toFixed(1) })}
        </span>
      </div>

      <div className="card overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="matrix">
          <thead>
            <tr className="text-left">
              <th className="p-2">{t('colScenario')}</th>
              {strategies.map((s) => (
                <th key={s} className="p-2 mono" scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scenarios.map((scenario) => {
              const row = rows[scenario]!;
              return (
                <tr key={scenario} className="border-t border-border align-top" data-testid={`row-${scenario}`} data-state={row.state}>
                  <th scope="row" className="p-2 text-left font-semibold">
                    {t(`scenario_${scenario}` as Parameters<typeof t>[0])}
                    <span className="block text-xs font-normal text-muted" data-secondary>
                      {t(`question_${scenario}` as Parameters<typeof t>[0])}
                    </span>
                  </th>
                  {strategies.map((strategy) => (
                    <td key={strategy} className="p-2">
                      <Cell row={row} strategy={strategy} scenario={scenario} onOpen={open} selected={selected} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="text-xs text-muted mt-2" data-secondary>
          {t('legend')}
        </p>
      </div>

      {selected && (
        <section className="card" aria-labelledby="trace-h" data-testid="trace-panel">
          <div className="flex items-center justify-between gap-2">
            <h2 id="trace-h" ref={traceHeading} tabIndex={-1} className="text-lg font-bold">
              {t('traceTitle', { strategy: selected.strategy, scenario: t(`scenario_${selected.scenario}` as Parameters<typeof t>[0]) })}{' '}
              <VerdictBadge result={selected} />
            </h2>
            <button type="button" className="btn btn-small" onClick={() => setSelected(null)}>
              {t('close')}
            </button>
          </div>
          <VerdictSummary result={selected} />
          <Explanation result={selected} settings={combined()?.settings} />
          <p className="text-xs text-muted mb-2" data-secondary>
            {t('traceIntro')}
          </p>
          <TraceTable entries={selected.trace} startedAt={selected.startedAt} />
        </section>
      )}

      {report && allDone && <Configuration report={report} />}
      {report && allDone && <PrintReport report={report} />}
    </div>
  );
}

function Cell({
  row,
  strategy,
  scenario,
  onOpen,
  selected,
}: {
  row: Row;
  strategy: string;
  scenario: string;
  onOpen: (r: ScenarioResult) => void;
  selected: ScenarioResult | null;
}) {
  const t = useT('scenarios');
  const tc = useT('common');
  const testId = `cell-${scenario}-${strategy}`;
  if (row.state === 'idle') return <span className="status status-none" data-testid={testId}>{t('verdict_pending')}</span>;
  if (row.state === 'running')
    return (
      <span className="status status-none" data-testid={testId} aria-busy="true">
        {t('verdict_running')}
      </span>
    );
  if (row.state === 'failed')
    return (
      <span className="status status-warn" data-testid={testId} data-verdict="error" data-reason={row.reason} title={reasonWords(tc, row.reason)}>
        ! {t('verdict_error')}
      </span>
    );
  const result = row.report.results.find((r) => r.strategy === strategy);
  if (!result) return <span data-testid={testId}>—</span>;
  const others = Array.isArray(result.collateral?.loggedOut) ? result.collateral.loggedOut.length : 0;
  const isOpen = selected?.scenario === scenario && selected.strategy === strategy;
  return (
    <button
      type="button"
      className="text-left flex flex-col gap-1 items-start cursor-pointer bg-transparent border-0 p-0"
      onClick={() => onOpen(result)}
      aria-label={t('openTrace', { strategy, scenario: t(`scenario_${scenario}` as Parameters<typeof t>[0]) })}
      aria-expanded={isOpen}
      data-testid={testId}
      data-verdict={shownVerdict(result.verdict)}
      data-window={result.windowSeconds ?? ''}
      data-collateral={others}
    >
      <VerdictBadge result={result} />
      <WindowBound result={result} />
      {others > 0 && <span className="text-xs font-semibold text-bad">{t('collateral', { n: others })}</span>}
    </button>
  );
}

function Configuration({ report }: { report: MatrixReport }) {
  const t = useT('scenarios');
  const byStrategy = report.strategies.map((strategy) => {
    const runs = report.results.filter((r) => r.strategy === strategy && shownVerdict(r.verdict) !== 'not-applicable' && shownVerdict(r.verdict) !== 'error');
    return {
      strategy,
      perRequest: runs[0]?.lookups.perRequest ?? null,
      perRefresh: runs.map((r) => r.lookups.perRefresh).find((v) => v !== null) ?? null,
      cookieBytes: runs[0]?.cookieBytes ?? null,
    };
  });
  return (
    <div className="grid gap-4 md:grid-cols-2" data-secondary>
      <section className="card">
        <h2 className="text-lg font-bold mb-2">{t('costs')}</h2>
        <table className="text-sm border-collapse" data-testid="costs">
          <thead>
            <tr className="text-left text-xs text-muted">
              <th className="p-1" />
              <th className="p-1">{t('lookupsPerRequest')}</th>
              <th className="p-1">{t('lookupsPerRefresh')}</th>
              <th className="p-1">{t('cookieBytes')}</th>
            </tr>
          </thead>
          <tbody>
            {byStrategy.map((s) => (
              <tr key={s.strategy} className="border-t border-border">
                <th scope="row" className="p-1 mono text-left">
                  {s.strategy}
                </th>
                <td className="p-1 mono">{s.perRequest ?? '—'}</td>
                <td className="p-1 mono">{s.perRefresh ?? '—'}</td>
                <td className="p-1 mono">{s.cookieBytes ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm mt-2">
          <Link href="/learn/cost">{t('costsInTime')} →</Link>
        </p>
      </section>
      <section className="card">
        <h2 className="text-lg font-bold mb-2">{t('configuration')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm mono">
          {Object.entries(report.settings).map(([k, v]) => (
            <div key={k} className="contents">
              <dt>{k}</dt>
              <dd>{String(v)}</dd>
            </div>
          ))}
          {Object.entries(report.versions).map(([k, v]) => (
            <div key={k} className="contents">
              <dt>{k}</dt>
              <dd>{v ?? '?'}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
