'use client';
import { useT } from '@/lib/i18n/client';
import type { ConsoleView } from '@/lib/ui/workshop-dto';
import { useMissionWords } from '@/app/_components/useMissionWords';
import { Histogram } from '@/app/_components/Histogram';

/**
 * The room's predictions per mission: the facilitator sees the histogram at
 * once; participants see it only after Reveal (the server keeps it from them).
 */
export function PredictionsPanel({ view, onReveal }: { view: ConsoleView; onReveal: (missionId: string) => Promise<void> }) {
  const t = useT('workshop');
  const words = useMissionWords();
  const missions = [...view.missions].sort((a, b) => a.order - b.order).filter((m) => view.predictions[m.missionId]);
  if (missions.length === 0) return null;
  return (
    <section aria-labelledby="ws-predictions" className="flex flex-col gap-3">
      <h2 id="ws-predictions" className="text-xl font-bold">
        {t('predictionsTitle')}
      </h2>
      <div className="ws-predictions">
        {missions.map((m) => {
          const p = view.predictions[m.missionId]!;
          return (
            <article key={m.missionId} className="card" data-testid="prediction" data-mission={m.missionId} data-revealed={p.revealed}>
              <h3 className="font-bold">
                <span className="mono">{m.order}</span> {words.word(m.missionId, 'question')}
              </h3>
              <p className="text-sm text-muted mb-1">{t('answersCount', { count: p.total })}</p>
              <Histogram
                options={p.options}
                counts={p.counts}
                label={words.word(m.missionId, 'question')}
                optionWords={(o) => words.word(m.missionId, `option_${o}`)}
                testId="prediction-histogram"
              />
              <div className="mt-2 flex flex-wrap items-center gap-2">
                {p.revealed ? (
                  <span className="status status-ok" data-testid="revealed">
                    ✓ {t('revealed')}
                  </span>
                ) : (
                  <>
                    <button type="button" className="btn btn-primary" onClick={() => onReveal(m.missionId)} data-testid="reveal">
                      {t('reveal')}
                    </button>
                    <span className="text-sm text-muted" data-secondary>
                      {t('hiddenFromRoom')}
                    </span>
                  </>
                )}
              </div>
            </article>
          );
        })}
      </div>
    </section>
  );
}
