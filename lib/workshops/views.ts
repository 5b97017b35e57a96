import 'server-only';
import { realNowMs } from '../clock';
import type { Store } from '../db/store';
import type { ParticipantRow, ProgressRow, WorkshopRow } from '../db/workshops';
import { ApiError } from '../http';
import type { CheckResult, MissionStatus } from './checks';
import { findMission, MISSIONS, type Mission } from './missions';
import { labMissionResults } from './progress';
import { isClosed, touchWorkshop } from './room';

/**
 * What the participant's page and the facilitator's console show, computed
 * on each poll from the labs' journals (cached per lab by its last seq).
 */

/**
 * "Stuck": attempted for more than STUCK_AFTER_MS without solving, or two
 * hints or more revealed without solving — either way the room's facilitator
 * should walk over.
 */
export const STUCK_AFTER_MS = 5 * 60_000;
export const STUCK_HINTS = 2;

export const labUrl = (labId: string) => `/lab/${labId}`;
export const joinPath = (code: string) => `/join/${code}`;

type ParticipantMission = { status: MissionStatus; solvedAt: number | null; hintsRevealed: number; result: CheckResult };

/**
 * One participant's missions: a solve seen once is kept (the journal may
 * later be cleared or trimmed; what happened still happened), so the first
 * time a check passes its time is written.
 */
function participantMissions(store: Store, p: ParticipantRow, progress: ReadonlyMap<string, ProgressRow>, nowMs: number): Map<string, ParticipantMission> {
  const results = labMissionResults(store, p.lab_id);
  const out = new Map<string, ParticipantMission>();
  for (const m of MISSIONS) {
    const row = progress.get(`${p.id} ${m.missionId}`);
    const result = results[m.missionId]!;
    let solvedAt = row?.solved_at_ms ?? null;
    if (solvedAt === null && result.status === 'solved') {
      store.workshops.markSolved(p.id, m.missionId, nowMs);
      solvedAt = nowMs;
    }
    const status: MissionStatus = solvedAt !== null ? 'solved' : result.status;
    out.set(m.missionId, { status, solvedAt, hintsRevealed: row?.hints_revealed ?? 0, result });
  }
  return out;
}

const byParticipantAndMission = (rows: readonly ProgressRow[]) => new Map(rows.map((r) => [`${r.participant_id} ${r.mission_id}`, r]));

function isStuck(pm: ParticipantMission, nowMs: number): boolean {
  if (pm.status === 'solved') return false;
  if (pm.hintsRevealed >= STUCK_HINTS) return true;
  return pm.status === 'attempted' && pm.result.attemptedAt !== null && nowMs - pm.result.attemptedAt > STUCK_AFTER_MS;
}

type Counts = Record<string, number>;

function predictionTally(store: Store, w: WorkshopRow) {
  const counts = new Map<string, Counts>();
  for (const m of MISSIONS) counts.set(m.missionId, Object.fromEntries(m.options.map((o) => [o, 0])));
  for (const row of store.workshops.predictionCounts(w.id)) {
    const c = counts.get(row.mission_id);
    if (c && row.answer in c) c[row.answer] = row.n;
  }
  const revealed = new Set(store.workshops.revealedMissions(w.id));
  return { counts, revealed };
}

export function predictionEntry(m: Mission, counts: Counts, revealed: boolean) {
  return { options: [...m.options], counts, total: Object.values(counts).reduce((a, b) => a + b, 0), revealed };
}

/** GET /api/workshops/me */
export function participantView(store: Store, p: ParticipantRow) {
  const w = store.workshops.findById(p.workshop_id)!;
  const nowMs = realNowMs();
  touchWorkshop(store, w, nowMs);
  const missions = participantMissions(store, p, byParticipantAndMission(store.workshops.progressOf(p.id)), nowMs);
  const answers = new Map(store.workshops.predictionsOf(p.id).map((a) => [a.mission_id, a.answer]));
  const { counts, revealed } = predictionTally(store, w);
  return {
    participantId: p.id,
    name: p.name,
    labId: p.lab_id,
    labUrl: labUrl(p.lab_id),
    workshop: { title: w.title, language: w.language, closed: isClosed(w, nowMs), joinCode: w.join_code },
    missions: MISSIONS.map((m) => {
      const pm = missions.get(m.missionId)!;
      const isRevealed = revealed.has(m.missionId);
      return {
        missionId: m.missionId,
        order: m.order,
        scenario: m.scenario,
        status: pm.status,
        solvedAt: pm.solvedAt,
        hintsRevealed: pm.hintsRevealed,
        hintCount: m.hintCount,
        prediction: {
          options: [...m.options],
          myAnswer: answers.get(m.missionId) ?? null,
          revealed: isRevealed,
          // The room's answers and the lab's measurement only after the reveal: before, they would sway the prediction.
          ...(isRevealed ? { counts: counts.get(m.missionId)!, measured: pm.result.measured } : {}),
        },
      };
    }),
  };
}

export function requireMission(missionId: string): Mission {
  const m = findMission(missionId);
  if (!m) throw new ApiError(404, 'not-found', 'unknown-mission', 'No mission with this id.');
  return m;
}

/** POST /api/workshops/me/missions/{missionId}/prediction — the first answer stands. */
export function answerPrediction(store: Store, p: ParticipantRow, m: Mission, answer: string): void {
  if (!m.options.includes(answer)) throw new ApiError(400, 'bad-request', 'invalid-body', 'answer: not one of the options');
  const ok = store.workshops.insertPrediction(p.id, m.missionId, p.workshop_id, answer, realNowMs());
  if (!ok) throw new ApiError(409, 'conflict', 'already-answered', 'You already answered this question.');
}

/** GET /api/workshops/{workshopId}/console */
export function consoleView(store: Store, w: WorkshopRow, origin: string) {
  const nowMs = realNowMs();
  const participants = store.workshops.participants(w.id);
  const progress = byParticipantAndMission(store.workshops.progressOfWorkshop(w.id));
  const stuck: Record<string, number> = Object.fromEntries(MISSIONS.map((m) => [m.missionId, 0]));
  const rows = participants.map((p) => {
    const missions = participantMissions(store, p, progress, nowMs);
    const progressOut: Record<string, MissionStatus> = {};
    const hints: Record<string, number> = {};
    let current: string | null = null;
    for (const m of MISSIONS) {
      const pm = missions.get(m.missionId)!;
      progressOut[m.missionId] = pm.status;
      hints[m.missionId] = pm.hintsRevealed;
      if (current === null && pm.status !== 'solved') current = m.missionId;
      if (isStuck(pm, nowMs)) stuck[m.missionId]! += 1;
    }
    return { participantId: p.id, name: p.name, joinedAt: p.joined_at_ms, currentMission: current, progress: progressOut, hintsRevealed: hints };
  });
  const { counts, revealed } = predictionTally(store, w);
  return {
    workshop: {
      workshopId: w.id,
      title: w.title,
      language: w.language,
      joinCode: w.join_code,
      joinUrl: origin + joinPath(w.join_code),
      closed: isClosed(w, nowMs),
      createdAt: w.created_at_ms,
      participantCount: participants.length,
      capacity: w.capacity,
    },
    missions: MISSIONS.map((m) => ({ missionId: m.missionId, order: m.order, scenario: m.scenario })),
    participants: rows,
    stuck,
    predictions: Object.fromEntries(MISSIONS.map((m) => [m.missionId, predictionEntry(m, counts.get(m.missionId)!, revealed.has(m.missionId))])),
  };
}

/** POST …/missions/{missionId}/reveal */
export function revealPrediction(store: Store, w: WorkshopRow, m: Mission) {
  store.workshops.reveal(w.id, m.missionId, realNowMs());
  const { counts } = predictionTally(store, w);
  return predictionEntry(m, counts.get(m.missionId)!, true);
}

/** The data of the summary export: counts only; names only when asked. */
export function summaryData(store: Store, w: WorkshopRow, withNames: boolean) {
  const view = consoleView(store, w, '');
  const participants = view.participants;
  return {
    workshop: { title: w.title, language: w.language, createdAt: w.created_at_ms, closed: view.workshop.closed, participantCount: participants.length },
    missions: MISSIONS.map((m) => {
      const statuses = participants.map((p) => p.progress[m.missionId]);
      return {
        missionId: m.missionId,
        order: m.order,
        scenario: m.scenario,
        solved: statuses.filter((s) => s === 'solved').length,
        attempted: statuses.filter((s) => s === 'attempted').length,
        notStarted: statuses.filter((s) => s === 'not-started').length,
        stuck: view.stuck[m.missionId]!,
        prediction: view.predictions[m.missionId]!,
      };
    }),
    ...(withNames
      ? { participants: participants.map((p) => ({ name: p.name, solved: MISSIONS.filter((m) => p.progress[m.missionId] === 'solved').map((m) => m.missionId) })) }
      : {}),
  };
}
