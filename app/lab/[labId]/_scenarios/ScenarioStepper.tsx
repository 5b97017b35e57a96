'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/lib/i18n/client';
import { reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import type { Phase, ScenarioResult } from '@/lib/scenarios/types';
import { VerdictBadge, VerdictSummary } from './Verdict';
import { TraceTable } from './TraceTable';
import { runScenarioRequest } from './run-api';
import { narrationKey as narrationKeyOf, scenarioPhaseKey } from '@/lib/i18n/keys';
import type { ScenarioId } from '@/lib/ids';
import { Explanation } from './Explanation';
import type { LabSettings } from '@/lib/labs/settings';

const STEPS: readonly (Phase | 'verdict')[] = ['setup', 'steal', 'check', 'revoke', 'replay', 'collateral', 'time-travel', 'verdict'];

type Side = { strategy: string; result: ScenarioResult | null; error: string | null; settings?: LabSettings };

/**
 * One scenario, two strategies side by side. "Run" makes both real runs;
 * then → / ← step through what happened, phase by phase, with narration.
 */
export function ScenarioStepper({
  labId,
  scenario,
  strategies,
  nextHref = null,
}: {
  labId: string;
  scenario: ScenarioId;
  strategies: string[];
  /** The next scenario's page: a clicker's "next" on the last step goes there (no dead end in presenter mode). */
  nextHref?: string | null;
}) {
  const router = useRouter();
  const runButton = useRef<HTMLButtonElement>(null);
  const t = useT('scenarios');
  const tr = useT('reasons');
  const [sides, setSides] = useState<[Side, Side]>(() => [
    { strategy: strategies.includes('jwt') ? 'jwt' : strategies[0]!, result: null, error: null },
    { strategy: strategies.includes('session') ? 'session' : strategies[1] ?? strategies[0]!, result: null, error: null },
  ]);
  const [running, setRunning] = useState(false);
  const [step, setStep] = useState(0);
  const ran = sides.some((s) => s.result || s.error);

  const run = useCallback(async () => {
    setRunning(true);
    const outcomes = await Promise.all(
      sides.map((side) =>
        runScenarioRequest(labId, scenario, side.strategy).then(
          (report): Side => ({ ...side, result: report.results[0] ?? null, error: null, settings: report.settings }),
          (err: unknown): Side => ({ ...side, result: null, error: reasonCodeOf(err) }),
        ),
      ),
    );
    setSides([outcomes[0]!, outcomes[1]!]);
    setStep(0);
    setRunning(false);
  }, [labId, scenario, sides]);

  // The button was disabled while both runs went on, so focus fell to <body>: once it is
  // enabled again (after the commit, hence an effect) focus goes back to it.
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running) runButton.current?.focus();
    wasRunning.current = running;
  }, [running]);

  // Keyboard and presenter clickers (which send PageDown / PageUp): → PageDown Space step on,
  // ← PageUp Shift+Space step back. Before a run, "next" runs both sides; on the last step
  // PageDown / Space go to the next scenario. A focused field or picker keeps its own keys (→ on a <select>
  // changes the strategy, Space on a button presses it).
  // A layout effect, not a plain one: a plain effect re-subscribes after the paint, so a key pressed
  // right after the run's answers are drawn still met the listener that saw `running` and was dropped
  // (a clicker's PageDown lost; the presenter e2e test caught it as "revoke" where it expected "replay").
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      const direction = stepDirection(e.key, e.shiftKey);
      if (direction === 0) return;
      const onOwnControl = target !== null && target !== runButton.current && (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'SUMMARY');
      if (e.key === ' ' && onOwnControl) return;
      if (running) return;
      e.preventDefault();
      if (!ran) {
        if (direction > 0) void run();
        return;
      }
      // Only a clicker's keys lead on from the last step: arrow keys stop there, so pressing → a few
      // times too many at a desk does not leave the page.
      if (direction > 0 && step === STEPS.length - 1) {
        if (nextHref && (e.key === 'PageDown' || e.key === ' ')) router.push(nextHref);
        return;
      }
      setStep((s) => Math.min(STEPS.length - 1, Math.max(0, s + direction)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ran, running, run, step, nextHref, router]);

  const phase = STEPS[step]!;
  // Each scenario has its own narration for every step; expiry's "revoke" step is one where nobody acts.
  const narrationKey = narrationKeyOf(phase, scenario);
  const phaseLabel = (p: Phase | 'verdict') => t(scenarioPhaseKey(p, scenario));

  const pick = (index: 0 | 1, strategy: string) =>
    setSides((prev) => {
      const next: [Side, Side] = [{ ...prev[0] }, { ...prev[1] }];
      next[index] = { strategy, result: null, error: null };
      return next;
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        {([0, 1] as const).map((i) => (
          <label key={i} className="flex flex-col text-sm">
            {i === 0 ? t('leftSide') : t('rightSide')}
            <select className="field mono" value={sides[i].strategy} onChange={(e) => pick(i, e.target.value)} data-testid={`pick-${i}`} disabled={running}>
              {strategies.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button ref={runButton} type="button" className="btn btn-primary" onClick={run} disabled={running} data-testid="run-both" aria-busy={running}>
          {running ? t('verdict_running') : t('runBoth')}
        </button>
      </div>

      {!ran ? (
        <p className="card text-lg">{t('notRun')}</p>
      ) : (
        <>
          <nav className="flex flex-wrap items-center gap-3" aria-label={t('stepOf', { n: step + 1, total: STEPS.length })}>
            <button type="button" className="btn" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
              {t('prev')}
            </button>
            <ol className="flex flex-wrap gap-1 text-sm" data-secondary>
              {STEPS.map((p, i) => (
                <li key={p}>
                  <button type="button" className="btn btn-small" aria-current={i === step ? 'step' : undefined} aria-pressed={i === step} onClick={() => setStep(i)}>
                    {i + 1}. {phaseLabel(p)}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="btn" onClick={() => setStep((s) => Math.min(STEPS.length - 1, s + 1))} disabled={step === STEPS.length - 1}>
              {t('next')}
            </button>
            <span className="text-xs text-muted" data-secondary>
              {t('keysHint')}
            </span>
          </nav>

          <section className="card" aria-live="polite" data-testid="step" data-step={phase}>
            <h2 className="text-xl font-bold">
              {t('stepOf', { n: step + 1, total: STEPS.length })} — {phaseLabel(phase)}
            </h2>
            <p className="text-lg mt-1" data-testid="narration">
              {t(narrationKey)}
            </p>
          </section>

          <div className="grid gap-4 lg:grid-cols-2">
            {sides.map((side, i) => (
              <section key={i} className="card flex flex-col gap-2 min-w-0" data-testid={`side-${i}`} data-strategy={side.strategy}>
                <h3 className="text-lg font-bold mono flex flex-wrap items-center gap-2">
                  {side.strategy}
                  {side.result && phase === 'verdict' && <VerdictBadge result={side.result} />}
                </h3>
                {side.error && <p className="text-bad">{t('runFailed', { reason: reasonWords(tr, side.error) })}</p>}
                {side.result && <SideStep result={side.result} phase={phase} />}
                {side.result && phase === 'verdict' && <Explanation result={side.result} settings={side.settings} />}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function SideStep({ result, phase }: { result: ScenarioResult; phase: Phase | 'verdict' }) {
  const t = useT('scenarios');
  if (result.verdict === 'not-applicable' || phase === 'verdict') return <VerdictSummary result={result} />;
  const entries = result.trace.filter((e) => e.phase === phase);
  if (phase === 'time-travel' && entries.length === 0) return <p className="text-sm">{t('noTimeTravel')}</p>;
  return <TraceTable entries={entries} startedAt={result.startedAt} compact />;
}

/** +1 for a "next" key, -1 for a "previous" key, 0 for any other. */
function stepDirection(key: string, shift: boolean): -1 | 0 | 1 {
  if (key === 'ArrowRight' || key === 'PageDown') return 1;
  if (key === 'ArrowLeft' || key === 'PageUp') return -1;
  if (key === ' ') return shift ? -1 : 1;
  return 0;
}
