'use client';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import type { MatrixReport } from '@/lib/scenarios/matrix';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import { VerdictBadge } from '@/app/lab/[labId]/_scenarios/Verdict';
import { KeptInUse } from '@/app/lab/[labId]/_scenarios/KeptInUse';

/** The revocations a reader of /learn asks about first. */
const ACTIONS = ['logout', 'stolen-token', 'password-change'] as const;

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; report: MatrixReport; labId: string } | { kind: 'failed'; reason: string };

async function post(path: string, json: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json), cache: 'no-store' });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * "Your library, measured": the presets' windows after logout,
 * sign-out-everywhere and a password change, from a presets matrix run made
 * now in a lab of the reader's own — measured by the same runner as every
 * other verdict, never a table in the code. Each preset links its source and
 * its issue-tracker thread.
 */
export function LibraryMeasured() {
  const t = useT('presets');
  const ts = useT('scenarios');
  const tr = useT('reasons');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const measure = async () => {
    setState({ kind: 'running' });
    try {
      const lab = await post('/api/labs', {});
      if (lab.status !== 201) throw new Error(answerReason(lab.status, lab.body));
      const labId = lab.body.labId as string;
      const run = await post(`/api/labs/${labId}/matrix`, { set: 'presets' });
      if (run.status !== 200 || !Array.isArray(run.body.results)) throw new Error(answerReason(run.status, run.body));
      setState({ kind: 'done', report: run.body as unknown as MatrixReport, labId });
    } catch (err) {
      setState({ kind: 'failed', reason: reasonCodeOf(err) });
    }
  };

  return (
    <section aria-labelledby="libs-h" className="card flex flex-col gap-3" data-testid="library-measured">
      <h2 id="libs-h" className="text-xl font-bold">
        {t('learnTitle')}
      </h2>
      <p>{t('learnIntro')}</p>
      <p className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" onClick={() => void measure()} disabled={state.kind === 'running'} data-testid="measure-libraries">
          {state.kind === 'done' ? t('learnRunAgain') : t('learnRun')}
        </button>
        <span role="status" aria-live="polite" className="text-sm">
          {state.kind === 'running' && (
            <>
              <progress className="align-middle mr-2" />
              {t('learnRunning')}
            </>
          )}
          {state.kind === 'failed' && <span className="text-bad">{t('learnFailed', { reason: reasonWords(tr, state.reason) })}</span>}
        </span>
      </p>
      {state.kind === 'done' && (
        <>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" data-testid="library-table">
              <thead>
                <tr className="text-left">
                  <th className="p-2" scope="col">
                    {t('preset')}
                  </th>
                  {ACTIONS.map((a) => (
                    <th key={a} className="p-2" scope="col">
                      {ts(`scenario_${a}` as never)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(state.report.presets ?? []).map((p) => (
                  <tr key={p.id} className="border-t border-border align-top" data-testid={`library-${p.id}`}>
                    <th scope="row" className="p-2 text-left">
                      <span className="font-semibold">{(t as (k: string) => string)(`name_${p.id}`)}</span>
                      <span className="block text-xs font-normal">
                        <a href={p.source.docsUrl} target="_blank" rel="noopener noreferrer">
                          {p.source.library} {p.source.version}
                        </a>{' '}
                        ·{' '}
                        <a href={p.source.issueUrl} target="_blank" rel="noopener noreferrer" data-testid="thread-link">
                          {t('threadLink')}
                        </a>
                      </span>
                    </th>
                    {ACTIONS.map((a) => {
                      const r = state.report.results.find((x) => x.strategy === p.id && x.scenario === a);
                      return (
                        <td key={a} className="p-2" data-testid={`library-${p.id}-${a}`}>
                          {r ? (
                            <span className="flex flex-col items-start gap-0.5">
                              <VerdictBadge result={r} />
                              <KeptInUse result={r} />
                            </span>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm">
            <a href={`/lab/${state.labId}/matrix?set=presets`}>{t('learnOpenMatrix')} →</a>
          </p>
        </>
      )}
    </section>
  );
}
