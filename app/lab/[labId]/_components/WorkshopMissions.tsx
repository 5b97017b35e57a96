'use client';
import { usePolling } from '@/app/_components/usePolling';
import { useCallback, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { MISSION_LOOK } from '@/lib/ui/mission-look';
import { answerReason, reasonCodeOf, reasonWords } from '@/lib/ui/reason';
import { currentMissionOf, type ParticipantMission, type ParticipantView } from '@/lib/ui/workshop-dto';
import { useMissionWords } from '@/app/_components/useMissionWords';
import { Histogram } from '@/app/_components/Histogram';

/** Asked every second while visible: a solving request shows as solved within about 1–2 s. */
const POLL_MS = 1000;

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * The participant's missions, on their own lab page. Renders nothing unless
 * this browser is a workshop participant whose lab this is (GET
 * /api/workshops/me; a visitor who is not one is asked once, then left
 * alone). Every mark comes from the server, computed from this lab's journal:
 * there is no "mark as done" here, by design.
 */
export function WorkshopMissions({ labId }: { labId: string }) {
  const t = useT('workshop');
  const tr = useT('reasons');
  const words = useMissionWords();
  const [me, setMe] = useState<ParticipantView | null>(null);
  const [active, setActive] = useState(true);
  const [selected, setSelected] = useState<string | null>(null);
  // On a projector the lab's panels and rails keep the first screen: the missions start folded there.
  // (Read once on the client; the server renders nothing of this panel, so no hydration mismatch.)
  const [open, setOpen] = useState(() => typeof document === 'undefined' || !document.documentElement.hasAttribute('data-presenter'));
  const [choice, setChoice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [justSolved, setJustSolved] = useState<string | null>(null);
  const solvedBefore = useRef<Set<string> | null>(null);

  const load = useCallback(async () => {
    try {
      const res = await fetch('/api/workshops/me', { cache: 'no-store' });
      if (res.status === 404 || res.status === 401) {
        setMe(null);
        setActive(false);
        return;
      }
      if (res.status !== 200) return;
      const body = (await res.json()) as ParticipantView;
      if (body.labId !== labId) {
        setActive(false);
        return;
      }
      const solvedNow = new Set(body.missions.filter((m) => m.status === 'solved').map((m) => m.missionId));
      if (solvedBefore.current) {
        const fresh = [...solvedNow].find((id) => !solvedBefore.current!.has(id));
        if (fresh) setJustSolved(fresh);
      }
      solvedBefore.current = solvedNow;
      setMe(body);
    } catch {
      // A dropped poll is retried on the next tick; the panel keeps what it last knew.
    }
  }, [labId]);

  usePolling(load, POLL_MS, active);

  if (!me) return null;

  const missions = [...me.missions].sort((a, b) => a.order - b.order);
  const current = currentMissionOf(missions);
  const shown: ParticipantMission | null = missions.find((m) => m.missionId === selected) ?? current;
  const solvedCount = missions.filter((m) => m.status === 'solved').length;

  async function act(path: string, body: unknown) {
    setFailure(null);
    try {
      const { status, body: answer } = await post(path, body);
      if (status >= 400) setFailure(answerReason(status, answer));
    } catch (err) {
      setFailure(reasonCodeOf(err));
    }
    await load();
  }

  const missionPath = (id: string) => `/api/workshops/me/missions/${encodeURIComponent(id)}`;

  return (
    <section className="card ws-missions mb-3" aria-labelledby="ws-missions-title" data-testid="missions-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="ws-missions-title" className="text-lg font-bold">
          {t('missionsTitle')}
          {me.workshop.title ? <span className="font-normal text-muted"> · {me.workshop.title}</span> : null}
        </h2>
        <span className="flex items-center gap-2">
          <span className="text-sm font-bold" data-testid="missions-progress">
            {t('progress', { solved: solvedCount, total: missions.length })}
          </span>
          <button type="button" className="btn btn-small" aria-expanded={open} aria-controls="ws-missions-body" onClick={() => setOpen(!open)}>
            {open ? t('hide') : t('show')}
          </button>
        </span>
      </div>
      <p role="status" className="text-sm min-h-0" data-testid="just-solved">
        {justSolved ? (
          <span className="ws-cell ws-solved">
            <span aria-hidden="true">✓</span> {t('solvedMark')}: {words.title(missions.find((m) => m.missionId === justSolved) ?? { missionId: justSolved, scenario: '' })}
          </span>
        ) : null}
      </p>
      <div id="ws-missions-body" hidden={!open}>
        <ol className="ws-path" aria-label={t('pathLabel')} data-testid="missions-path">
          {missions.map((m) => {
            const look = MISSION_LOOK[m.status];
            const isShown = shown?.missionId === m.missionId;
            return (
              <li key={m.missionId}>
                <button
                  type="button"
                  className={`ws-step ${look.className}`}
                  aria-current={m.missionId === current?.missionId ? 'step' : undefined}
                  aria-pressed={isShown}
                  data-mission={m.missionId}
                  data-status={m.status}
                  onClick={() => setSelected(m.missionId)}
                >
                  <span aria-hidden="true">{look.symbol}</span>
                  <span className="mono">{m.order}</span>
                  <span className="ws-step-title">{words.title(m)}</span>
                  <span className="sr-only">— {t(`status_${m.status}` as const)}</span>
                </button>
              </li>
            );
          })}
        </ol>
        {me.workshop.closed && <p className="text-sm text-muted mt-2">{t('missionsClosed')}</p>}
        {!shown && !selected && <p className="mt-2 font-bold" data-testid="all-solved">{t('allSolved')}</p>}
        {shown && (
          <MissionDetail
            key={shown.missionId}
            mission={shown}
            total={missions.length}
            choice={choice}
            setChoice={setChoice}
            onAnswer={(answer) => act(`${missionPath(shown.missionId)}/prediction`, { answer })}
            onHint={() => act(`${missionPath(shown.missionId)}/hint`, {})}
          />
        )}
        {failure && (
          <p role="alert" className="text-bad text-sm mt-1">
            {t('actionFailed', { reason: reasonWords(tr, failure) })}
          </p>
        )}
      </div>
    </section>
  );
}

function MissionDetail({
  mission,
  total,
  choice,
  setChoice,
  onAnswer,
  onHint,
}: {
  mission: ParticipantMission;
  total: number;
  choice: string | null;
  setChoice: (c: string | null) => void;
  onAnswer: (answer: string) => Promise<void>;
  onHint: () => Promise<void>;
}) {
  const t = useT('workshop');
  const words = useMissionWords();
  const id = mission.missionId;
  const prediction = mission.prediction;
  const mustPredict = prediction !== null && prediction.myAnswer === null;
  const look = MISSION_LOOK[mission.status];
  const option = (o: string) => words.word(id, `option_${o}`);

  return (
    <div className="ws-mission mt-3" data-testid="mission-detail" data-mission={id} data-status={mission.status}>
      <p className="text-sm text-muted">
        {t('missionOf', { n: mission.order, total })} ·{' '}
        <span className={`ws-cell ${look.className}`} data-testid="mission-status">
          <span aria-hidden="true">{look.symbol}</span> {t(`status_${mission.status}` as const)}
        </span>
      </p>

      {prediction && (
        <div className="ws-predict mt-2" data-testid="prediction-box">
          <h3 className="font-bold">
            {mustPredict ? `${t('predictFirst')}: ` : ''}
            {words.word(id, 'question')}
          </h3>
          {mustPredict ? (
            <form
              className="mt-1"
              onSubmit={(e) => {
                e.preventDefault();
                if (choice && prediction.options.includes(choice)) void onAnswer(choice).then(() => setChoice(null));
              }}
            >
              <p className="text-sm text-muted">{t('predictNote')}</p>
              <fieldset className="flex flex-col gap-1 my-2">
                <legend className="sr-only">{words.word(id, 'question')}</legend>
                {prediction.options.map((o) => (
                  <label key={o} className="flex items-center gap-2">
                    <input type="radio" name={`predict-${id}`} value={o} checked={choice === o} onChange={() => setChoice(o)} className="size-4" />
                    {option(o)}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="btn btn-primary" disabled={!choice} data-testid="submit-prediction">
                {t('answer')}
              </button>
            </form>
          ) : (
            <div className="mt-1">
              <p data-testid="my-answer">
                {t('yourAnswer')}: <strong>{option(prediction.myAnswer!)}</strong>
              </p>
              {prediction.revealed ? (
                <div className="mt-2" data-testid="room-answers">
                  <p className="font-bold text-sm">{t('roomAnswers')}</p>
                  <Histogram
                    options={prediction.options}
                    counts={prediction.counts}
                    label={t('roomAnswers')}
                    optionWords={option}
                    marks={(o) => [
                      ...(o === prediction.myAnswer ? [`← ${t('you')}`] : []),
                      ...(o === prediction.measured ? [`✓ ${t('measured')}`] : []),
                    ]}
                  />
                  <p className="text-sm mt-1" data-testid="measured">
                    {t('measured')}: <strong>{prediction.measured ? option(prediction.measured) : t('notMeasured')}</strong>
                  </p>
                </div>
              ) : (
                <p className="text-sm text-muted" data-testid="waiting-reveal">
                  {t('waitingReveal')}
                </p>
              )}
            </div>
          )}
        </div>
      )}

      {!mustPredict && (
        <>
          <p className="mt-2">
            <strong>{t('goal')}:</strong> <span data-testid="mission-goal">{words.word(id, 'goal')}</span>
          </p>
          {mission.hintsRevealed > 0 && (
            <ol className="ws-hints-list mt-1" data-testid="hints">
              {Array.from({ length: Math.min(mission.hintsRevealed, mission.hintCount) }, (_, i) => (
                <li key={i}>
                  <strong>{t('hintN', { n: i + 1 })}:</strong> {words.word(id, `hint_${i + 1}`)}
                </li>
              ))}
            </ol>
          )}
          {mission.status !== 'solved' && mission.hintsRevealed < mission.hintCount && (
            <button type="button" className="btn btn-small mt-2" onClick={() => void onHint()} data-testid="show-hint">
              {t('showHint', { n: mission.hintsRevealed + 1, count: mission.hintCount })}
            </button>
          )}
          <p className="text-xs text-muted mt-2" data-secondary>
            {t('checkNote')}
          </p>
        </>
      )}
    </div>
  );
}
