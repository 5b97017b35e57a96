'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { LookLegend } from '@/app/_components/LookLegend';
import { LOOK_STYLE } from '@/lib/ui/outcome-look';
import { formatDuration } from '@/lib/scenarios/format';
import { questionKey, scenarioKey, scenarioNameOf, settingEntries, settingLabelKey } from '@/lib/i18n/keys';
import type { ScenarioId } from '@/lib/ids';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { matrixMarkdown, reviewerReport } from '@/lib/scenarios/report';
import type { ScenarioResult } from '@/lib/scenarios/types';
import { shownVerdict } from '@/lib/ui/verdict-look';
import { reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import { VerdictBadge, VerdictSummary } from './Verdict';
import { TraceTable } from './TraceTable';
import { downloadText } from './run-api';
import { Explanation } from './Explanation';
import { useReportOptions } from './useReportOptions';
import { PrintReport } from './PrintReport';
import { KeptInUse } from './KeptInUse';
import { WindowBound } from './WindowBound';
import { MatrixBusyError, lastMatrix, startMatrix } from './matrix-api';
import { matrixCell, strategyCosts } from '@/lib/scenarios/matrix-table';
import type { MatrixSet } from '@/lib/db/matrix-runs';
import { PresetExplanation, PresetsHeadline } from './PresetsHeadline';

type Run =
  | { state: 'idle'; report: MatrixReport | null }
  | { state: 'running'; report: MatrixReport | null; startedAt: number }
  | { state: 'waiting'; report: MatrixReport | null } // another screen's run of this lab
  | { state: 'done'; report: MatrixReport; elapsedMs: number }
  | { state: 'failed'; report: MatrixReport | null; reason: string };

type Row = { state: 'idle' } | { state: 'running' } | { state: 'done'; report: MatrixReport } | { state: 'failed'; reason: string };

const WAIT_POLL_MS = 2000;

/**
 * The lab's matrix: POST …/matrix runs every cell on the server and stores the
 * result in the lab, so the page shows the last run again on return (with its
 * date and the settings it ran under) until it is run again. The exports are
 * built from the report on the screen, in the same format as GET …/matrix?format=md|json.
 */
export function MatrixRunner({
  labId,
  scenarios,
  strategies,
  initial,
  set = 'strategies',
}: {
  labId: string;
  scenarios: ScenarioId[];
  strategies: string[];
  initial: MatrixReport | null;
  /** Which matrix this page runs: the lab's strategies or the library presets (each keeps its own last run). */
  set?: MatrixSet;
}) {
  const t = useT('scenarios');
  const tr = useT('reasons');
  const [run, setRun] = useState<Run>({ state: 'idle', report: initial });
  const [selected, setSelected] = useState<ScenarioResult | null>(null);
  const traceHeading = useRef<HTMLHeadingElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const now = useTicker(run.state === 'running');
  const report = run.report;
  const busy = run.state === 'running' || run.state === 'waiting';
  const reportOptions = useReportOptions();

  const runAll = useCallback(async () => {
    const startedAt = performance.now();
    setSelected(null);
    setRun((prev) => ({ state: 'running', report: prev.report, startedAt }));
    try {
      const fresh = await startMatrix(labId, set);
      setRun({ state: 'done', report: fresh, elapsedMs: performance.now() - startedAt });
    } catch (err) {
      if (err instanceof MatrixBusyError) setRun((prev) => ({ state: 'waiting', report: prev.report }));
      else setRun((prev) => ({ state: 'failed', report: prev.report, reason: reasonCodeOf(err) }));
    }
  }, [labId, set]);

  // The button was disabled while the run went on, so focus fell to <body>: once it is
  // enabled again (after the commit, hence an effect) focus goes back to it.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) runButton.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  // Back/forward can restore this page from the router's cache, rendered before the last run:
  // ask the lab for its stored run once on mount (a read: it never starts one).
  useEffect(() => {
    let stopped = false;
    lastMatrix(labId, set)
      .then((latest) => {
        if (stopped || !latest) return;
        setRun((prev) => (prev.state === 'idle' && prev.report?.generatedAt !== latest.generatedAt ? { state: 'idle', report: latest } : prev));
      })
      .catch(() => {});
    return () => {
      stopped = true;
    };
  }, [labId, set]);

  // Another screen is running this lab's matrix: show its result when it is stored.
  useEffect(() => {
    if (run.state !== 'waiting') return;
    const before = run.report?.generatedAt ?? null;
    let stopped = false;
    const timer = setInterval(() => {
      lastMatrix(labId, set)
        .then((latest) => {
          if (!stopped && latest && latest.generatedAt !== before) setRun({ state: 'done', report: latest, elapsedMs: latest.durationMs });
        })
        .catch(() => {});
    }, WAIT_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [labId, run, set]);

  const rowOf = (scenario: string): Row => {
    if (run.state === 'running') return { state: 'running' };
    if (report?.scenarios.includes(scenario)) return { state: 'done', report };
    if (run.state === 'failed') return { state: 'failed', reason: run.reason };
    return { state: 'idle' };
  };

  const exportAs = (format: 'md' | 'json') => {
    if (!report) return;
    const stamp = `${set === 'presets' ? 'presets-' : ''}${report.generatedAt.replace(/[:.]/g, '-')}`;
    // The report in the page's language: the same functions GET …/matrix?format=md|json uses.
    if (format === 'md') downloadText(`revocation-lab-matrix-${stamp}.md`, matrixMarkdown(report, reportOptions()), 'text/markdown');
    else downloadText(`revocation-lab-matrix-${stamp}.json`, JSON.stringify(reviewerReport(report, reportOptions()), null, 2) + '\n', 'application/json');
  };

  const open = (result: ScenarioResult) => {
    setSelected(result);
    // Move focus to the trace so keyboard and screen-reader users land on what they asked for.
    requestAnimationFrame(() => traceHeading.current?.focus());
  };

  const canExport = report !== null && !busy;
  const cells = scenarios.length * strategies.length;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <button ref={runButton} type="button" className="btn btn-primary" onClick={() => void runAll()} disabled={busy} data-testid="run-all">
          {report ? t('runAgain') : t('runAll')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('md')} disabled={!canExport} data-testid="export-md">
          {t('exportMd')}
        </button>
        <button type="button" className="btn" onClick={() => exportAs('json')} disabled={!canExport} data-testid="export-json">
          {t('exportJson')}
        </button>
        <span role="status" aria-live="polite" className="text-sm" data-testid="progress">
          {run.state === 'running' && (
            <>
              <progress className="align-middle mr-2" />
              {t('matrixRunning', { cells, seconds: Math.floor(((now ?? run.startedAt) - run.startedAt) / 1000) })}
            </>
          )}
          {run.state === 'waiting' && t('alreadyRunning')}
          {run.state === 'done' && t('finished', { total: report?.scenarios.length ?? 0, seconds: (run.elapsedMs / 1000).toFixed(1) })}
          {run.state === 'failed' && <span className="text-bad">{t('runFailed', { reason: reasonWords(tr, run.reason) })}</span>}
        </span>
      </div>

      {set === 'presets' ? report?.presets && !busy && <PresetsHeadline report={report} /> : <RunInfo labId={labId} report={report} />}
      <LookLegend looks={['danger', 'defended', 'cost', 'error']} />

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
              const row = rowOf(scenario);
              return (
                <tr key={scenario} className="border-t border-border align-top" data-testid={`row-${scenario}`} data-state={row.state}>
                  <th scope="row" className="p-2 text-left font-semibold">
                    {t(scenarioKey(scenario))}
                    <span className="block text-xs font-normal text-muted" data-secondary>
                      {t(questionKey(scenario))}
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
              {t('traceTitle', { strategy: selected.strategy, scenario: scenarioNameOf(t, selected.scenario) })} <VerdictBadge result={selected} />
            </h2>
            <button type="button" className="btn btn-small" onClick={() => setSelected(null)}>
              {t('close')}
            </button>
          </div>
          <VerdictSummary result={selected} />
          {/* A preset is explained as the lab strategy it matches, under its own settings, or in words of its own. */}
          {report?.presets ? <PresetExplanation result={selected} report={report} /> : <Explanation result={selected} settings={report?.settings} />}
          <p className="text-xs text-muted mb-2" data-secondary>
            {t('traceIntro')}
          </p>
          <TraceTable entries={selected.trace} startedAt={selected.startedAt} />
        </section>
      )}

      {report && !busy && <Configuration report={report} />}
      {report && !busy && <PrintReport report={report} />}
    </div>
  );
}

/** performance.now() every second while `on`, so a running clock shows how long the run has taken. */
function useTicker(on: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return on ? now : null;
}

/** When the shown run ran and under which settings, with the way to change them. */
function RunInfo({ labId, report }: { labId: string; report: MatrixReport | null }) {
  const t = useT('scenarios');
  const tl = useT('lab');
  const locale = useLocale();
  return (
    <div className="card flex flex-col gap-1 text-sm" data-testid="run-info">
      <p className="font-semibold" data-testid="last-run" data-generated-at={report?.generatedAt ?? ''}>
        {report ? t('lastRun', { date: utcStamp(report.generatedAt), seconds: (report.durationMs / 1000).toFixed(1) }) : t('neverRun')}
      </p>
      {report && (
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <span className="font-semibold" id="ran-under-h">
            {t('ranUnder')}:
          </span>
          <dl className="contents" data-testid="ran-under" aria-labelledby="ran-under-h">
            {settingEntries(report.settings).map(([key, value]) => (
              <div key={key} className="flex gap-1" data-setting={key} data-value={String(value)}>
                <dt>{tl(settingLabelKey(key))}</dt>
                <dd className="mono">{typeof value === 'number' ? formatDuration(value, locale) : String(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {/* A control, not part of the record: the printed report has no links to act on. */}
      <p className="print:hidden">
        <Link href={`/lab/${labId}#settings`} data-testid="change-settings">
          {t('changeSettings')} →
        </Link>
      </p>
    </div>
  );
}

/** 2026-12-02 13:40 UTC: the same on the server's first render and in every browser (no time-zone mismatch). */
function utcStamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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
  scenario: ScenarioId;
  onOpen: (r: ScenarioResult) => void;
  selected: ScenarioResult | null;
}) {
  const t = useT('scenarios');
  const tr = useT('reasons');
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
      <span className={`status ${LOOK_STYLE.error.className}`} data-testid={testId} data-verdict="error" data-reason={row.reason} title={reasonWords(tr, row.reason)}>
        ! {t('verdict_error')}
      </span>
    );
  const result = matrixCell(row.report, scenario, strategy);
  if (!result) return <span data-testid={testId}>—</span>;
  const others = Array.isArray(result.collateral?.loggedOut) ? result.collateral.loggedOut.length : 0;
  const isOpen = selected?.scenario === scenario && selected.strategy === strategy;
  return (
    <button
      type="button"
      className="text-left flex flex-col gap-1 items-start cursor-pointer bg-transparent border-0 p-0"
      onClick={() => onOpen(result)}
      aria-label={t('openTrace', { strategy, scenario: t(scenarioKey(scenario)) })}
      aria-expanded={isOpen}
      data-testid={testId}
      data-verdict={shownVerdict(result.verdict)}
      data-window={result.windowSeconds ?? ''}
      data-collateral={others}
    >
      <VerdictBadge result={result} wrap />
      <WindowBound result={result} />
      <KeptInUse result={result} />
      {/* Collateral is a cost, not the attacker getting in: its own look, symbol and word. */}
      {others > 0 && (
        <span className={`status status-wrap ${LOOK_STYLE.cost.className} text-xs`} data-look="cost">
          <span aria-hidden="true">{LOOK_STYLE.cost.symbol}</span> {t('collateral', { n: others })}
        </span>
      )}
    </button>
  );
}

function Configuration({ report }: { report: MatrixReport }) {
  const t = useT('scenarios');
  const byStrategy = strategyCosts(report);
  return (
    // grid-cols-1 is minmax(0, 1fr): on a phone a long setting or preset name wraps inside its card
    // instead of widening the page past the screen (the implicit track grew to 499 px at 390).
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2" data-secondary>
      <section className="card min-w-0 overflow-x-auto">
        <h2 className="text-lg font-bold mb-2">{t('costs')}</h2>
        <table className="text-sm border-collapse [overflow-wrap:anywhere]" data-testid="costs">
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
        <p className="text-sm mt-2 print:hidden">
          <Link href="/learn/cost">{t('costsInTime')} →</Link>
        </p>
      </section>
      <section className="card min-w-0">
        <h2 className="text-lg font-bold mb-2">{t('configuration')}</h2>
        {/* A presets run ran under each preset's own settings: these numbers must not read as theirs. */}
        {report.set === 'presets' && (
          <p className="text-sm mb-2" data-testid="configuration-presets">
            {t('configurationPresets')}
          </p>
        )}
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 text-sm mono [overflow-wrap:anywhere]">
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
