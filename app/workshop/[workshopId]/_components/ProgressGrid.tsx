'use client';
import { useT } from '@/lib/i18n/client';
import { MISSION_LOOK } from '@/lib/ui/mission-look';
import type { ConsoleView, MissionStatus } from '@/lib/ui/workshop-dto';
import { useMissionWords } from '@/app/_components/useMissionWords';
import { ConfirmButton } from './ConfirmButton';

type Props = {
  view: ConsoleView;
  hideNames: boolean;
  onReset: (participantId: string) => Promise<void>;
  onRemove: (participantId: string) => Promise<void>;
};

/**
 * Participants × missions, as the server computed them from each
 * participant's own lab journal. Each cell: symbol, word and colour. The
 * last row counts who is stuck on each mission. In the projector view names
 * become "Participant N" (join order) and the per-person actions go.
 */
export function ProgressGrid({ view, hideNames, onReset, onRemove }: Props) {
  const t = useT('workshop');
  const words = useMissionWords();
  const missions = [...view.missions].sort((a, b) => a.order - b.order);
  const people = view.participants;

  if (people.length === 0) {
    return (
      <p className="text-lg" data-testid="no-participants">
        {t('noParticipants')}
      </p>
    );
  }

  const statusWord = (s: MissionStatus) => t(`status_${s}` as const);

  return (
    // A region that scrolls sideways on a narrow screen must be reachable by keyboard (focusable, named).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('gridTitle')}>
      <table className="ws-grid" data-testid="progress-grid">
        <caption className="text-left text-sm text-muted" data-secondary>
          {t('gridCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('participant')}</th>
            {missions.map((m) => (
              <th scope="col" key={m.missionId} data-mission={m.missionId} title={words.word(m.missionId, 'goal', '')}>
                <span className="mono">{m.order}</span> <span className="ws-grid-mission">{words.title(m)}</span>
              </th>
            ))}
            {!hideNames && (
              <th scope="col" data-secondary>
                {t('actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {people.map((p, index) => {
            const shown = hideNames ? t('anonymousNumber', { n: index + 1 }) : p.name;
            return (
              <tr key={p.participantId} data-testid="participant-row" data-participant={p.participantId}>
                <th scope="row" className="ws-grid-name" data-testid="participant-name">
                  {shown}
                </th>
                {missions.map((m) => {
                  const status = p.progress[m.missionId] ?? 'not-started';
                  const look = MISSION_LOOK[status];
                  const hints = p.hintsRevealed[m.missionId] ?? 0;
                  return (
                    <td key={m.missionId} data-mission={m.missionId} data-status={status}>
                      <span className={`ws-cell ${look.className}`} data-testid="grid-cell">
                        <span aria-hidden="true">{look.symbol}</span> {statusWord(status)}
                      </span>
                      {hints > 0 && (
                        <span className="ws-hints text-xs text-muted" data-secondary>
                          {t('hintsUsed', { count: hints })}
                        </span>
                      )}
                    </td>
                  );
                })}
                {!hideNames && (
                  <td data-secondary>
                    <span className="flex flex-wrap gap-1">
                      <ConfirmButton
                        label={t('reset')}
                        question={t('resetConfirm', { name: p.name })}
                        onConfirm={() => onReset(p.participantId)}
                        testId="reset-participant"
                      />
                      <ConfirmButton
                        label={t('remove')}
                        question={t('removeConfirm', { name: p.name })}
                        onConfirm={() => onRemove(p.participantId)}
                        testId="remove-participant"
                      />
                    </span>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="stuck-row">
            <th scope="row" title={t('stuckHelp')}>
              {t('stuckRow')}
            </th>
            {missions.map((m) => {
              const stuck = view.stuck[m.missionId] ?? 0;
              return (
                <td key={m.missionId} data-mission={m.missionId} data-stuck={stuck}>
                  <span className={stuck > 0 ? 'ws-stuck' : 'text-muted'}>{stuck > 0 ? t('stuckCount', { count: stuck }) : '0'}</span>
                </td>
              );
            })}
            {!hideNames && <td data-secondary />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
