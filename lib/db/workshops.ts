import type { Db } from './open';

export type WorkshopRow = {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  title: string;
  language: 'en' | 'ja';
  expected_participants: number;
  capacity: number;
  created_at_ms: number;
  last_active_at_ms: number;
  closed_at_ms: number | null;
  anonymous_counter: number;
};

export type ParticipantRow = {
  id: string;
  workshop_id: string;
  cookie_hash: string;
  name: string;
  lab_id: string;
  joined_at_ms: number;
};

export type ProgressRow = { participant_id: string; mission_id: string; hints_revealed: number; solved_at_ms: number | null };
export type PredictionRow = { participant_id: string; mission_id: string; answer: string };

const workshopColumns =
  'id, join_code, facilitator_key_hash, title, language, expected_participants, capacity, created_at_ms, last_active_at_ms, closed_at_ms, anonymous_counter';
const participantColumns = 'id, workshop_id, cookie_hash, name, lab_id, joined_at_ms';

/**
 * The workshop room's tables (issue 12). Room bookkeeping, not a strategy's
 * work: like the journal, these statements are not counted as lookups.
 */
export function createWorkshopQueries(db: Db) {
  const insert = db.prepare<Omit<WorkshopRow, 'closed_at_ms' | 'anonymous_counter'>>(`
    INSERT INTO workshops (id, join_code, facilitator_key_hash, title, language, expected_participants, capacity, created_at_ms, last_active_at_ms)
    VALUES (@id, @join_code, @facilitator_key_hash, @title, @language, @expected_participants, @capacity, @created_at_ms, @last_active_at_ms)`);
  const byId = db.prepare<[string], WorkshopRow>(`SELECT ${workshopColumns} FROM workshops WHERE id = ?`);
  const byCode = db.prepare<[string], WorkshopRow>(`SELECT ${workshopColumns} FROM workshops WHERE join_code = ?`);
  const touch = db.prepare<[number, string, number]>('UPDATE workshops SET last_active_at_ms = ? WHERE id = ? AND last_active_at_ms < ?');
  const close = db.prepare<[number, string]>('UPDATE workshops SET closed_at_ms = COALESCE(closed_at_ms, ?) WHERE id = ?');
  const nextAnonymous = db.prepare<[string], { anonymous_counter: number }>(
    'UPDATE workshops SET anonymous_counter = anonymous_counter + 1 WHERE id = ? RETURNING anonymous_counter',
  );
  // Labs first: a participant row references its lab, not the other way, so
  // deleting the workshop alone would leave its labs behind until their own idle sweep.
  const expiredWhere = 'last_active_at_ms < @idleCutoffMs OR (closed_at_ms IS NOT NULL AND closed_at_ms < @closedCutoffMs)';
  const deleteExpiredLabs = db.prepare<{ idleCutoffMs: number; closedCutoffMs: number }>(`
    DELETE FROM labs WHERE id IN (SELECT p.lab_id FROM workshop_participants p JOIN workshops w ON w.id = p.workshop_id WHERE ${expiredWhere.replace(/(last_active_at_ms|closed_at_ms)/g, 'w.$1')})`);
  const deleteExpired = db.prepare<{ idleCutoffMs: number; closedCutoffMs: number }>(`DELETE FROM workshops WHERE ${expiredWhere}`);

  const insertParticipant = db.prepare<ParticipantRow>(`
    INSERT INTO workshop_participants (${participantColumns}) VALUES (@id, @workshop_id, @cookie_hash, @name, @lab_id, @joined_at_ms)`);
  const participantByCookie = db.prepare<[string], ParticipantRow>(`SELECT ${participantColumns} FROM workshop_participants WHERE cookie_hash = ?`);
  const participantById = db.prepare<[string, string], ParticipantRow>(
    `SELECT ${participantColumns} FROM workshop_participants WHERE workshop_id = ? AND id = ?`,
  );
  const participants = db.prepare<[string], ParticipantRow>(
    `SELECT ${participantColumns} FROM workshop_participants WHERE workshop_id = ? ORDER BY joined_at_ms, id`,
  );
  const participantCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM workshop_participants WHERE workshop_id = ?');
  const deleteParticipantLab = db.prepare<[string, string]>(
    'DELETE FROM labs WHERE id = (SELECT lab_id FROM workshop_participants WHERE workshop_id = ? AND id = ?)',
  );

  const progressOfWorkshop = db.prepare<[string], ProgressRow>(`
    SELECT g.participant_id, g.mission_id, g.hints_revealed, g.solved_at_ms FROM workshop_progress g
    JOIN workshop_participants p ON p.id = g.participant_id WHERE p.workshop_id = ?`);
  const progressOf = db.prepare<[string], ProgressRow>(
    'SELECT participant_id, mission_id, hints_revealed, solved_at_ms FROM workshop_progress WHERE participant_id = ?',
  );
  const revealHint = db.prepare<{ participant: string; mission: string; max: number }, { hints_revealed: number }>(`
    INSERT INTO workshop_progress (participant_id, mission_id, hints_revealed) VALUES (@participant, @mission, MIN(1, @max))
    ON CONFLICT (participant_id, mission_id) DO UPDATE SET hints_revealed = MIN(hints_revealed + 1, @max)
    RETURNING hints_revealed`);
  const markSolved = db.prepare<[string, string, number]>(`
    INSERT INTO workshop_progress (participant_id, mission_id, solved_at_ms) VALUES (?, ?, ?)
    ON CONFLICT (participant_id, mission_id) DO UPDATE SET solved_at_ms = COALESCE(solved_at_ms, excluded.solved_at_ms)`);
  const resetProgress = db.prepare<[string]>('DELETE FROM workshop_progress WHERE participant_id = ?');

  const insertPrediction = db.prepare<[string, string, string, string, number]>(`
    INSERT INTO workshop_predictions (participant_id, mission_id, workshop_id, answer, answered_at_ms) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (participant_id, mission_id) DO NOTHING`);
  const predictionsOf = db.prepare<[string], PredictionRow>(
    'SELECT participant_id, mission_id, answer FROM workshop_predictions WHERE participant_id = ?',
  );
  const predictionCounts = db.prepare<[string], { mission_id: string; answer: string; n: number }>(
    'SELECT mission_id, answer, count(*) AS n FROM workshop_predictions WHERE workshop_id = ? GROUP BY mission_id, answer',
  );
  const reveal = db.prepare<[string, string, number]>(
    'INSERT INTO workshop_reveals (workshop_id, mission_id, revealed_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const reveals = db.prepare<[string], { mission_id: string }>('SELECT mission_id FROM workshop_reveals WHERE workshop_id = ?');

  // A fixed window per bucket: the first hit after the window ends starts a new one.
  const hit = db.prepare<{ bucket: string; now: number; window: number }, { window_started_ms: number; count: number }>(`
    INSERT INTO workshop_rate_limits (bucket, window_started_ms, count) VALUES (@bucket, @now, 1)
    ON CONFLICT (bucket) DO UPDATE SET
      count = CASE WHEN window_started_ms <= @now - @window THEN 1 ELSE count + 1 END,
      window_started_ms = CASE WHEN window_started_ms <= @now - @window THEN @now ELSE window_started_ms END
    RETURNING window_started_ms, count`);
  const deleteOldBuckets = db.prepare<[number]>('DELETE FROM workshop_rate_limits WHERE window_started_ms < ?');

  return {
    insert: (row: Omit<WorkshopRow, 'closed_at_ms' | 'anonymous_counter'>) => void insert.run(row),
    findById: (id: string): WorkshopRow | undefined => byId.get(id),
    findByJoinCode: (code: string): WorkshopRow | undefined => byCode.get(code),
    /** Stamps activity when the stored stamp is older than staleBeforeMs (one write a minute, not one per poll). */
    touch: (id: string, nowMs: number, staleBeforeMs: number) => void touch.run(nowMs, id, staleBeforeMs),
    close: (id: string, nowMs: number) => void close.run(nowMs, id),
    nextAnonymousNumber: (id: string): number => nextAnonymous.get(id)?.anonymous_counter ?? 1,
    /** Deletes idle and long-closed workshops with their participants' labs; returns how many workshops went. */
    deleteExpired: (idleCutoffMs: number, closedCutoffMs: number): number => {
      return db.transaction(() => {
        deleteExpiredLabs.run({ idleCutoffMs, closedCutoffMs });
        return deleteExpired.run({ idleCutoffMs, closedCutoffMs }).changes;
      }).immediate();
    },

    insertParticipant: (row: ParticipantRow) => void insertParticipant.run(row),
    participantByCookieHash: (hash: string): ParticipantRow | undefined => participantByCookie.get(hash),
    participant: (workshopId: string, participantId: string): ParticipantRow | undefined => participantById.get(workshopId, participantId),
    participants: (workshopId: string): ParticipantRow[] => participants.all(workshopId),
    participantCount: (workshopId: string): number => participantCount.get(workshopId)?.n ?? 0,
    /** Deleting the lab cascades to the participant row, its marks and its answers. */
    removeParticipant: (workshopId: string, participantId: string): boolean => deleteParticipantLab.run(workshopId, participantId).changes > 0,

    progressOfWorkshop: (workshopId: string): ProgressRow[] => progressOfWorkshop.all(workshopId),
    progressOf: (participantId: string): ProgressRow[] => progressOf.all(participantId),
    /** The hints now revealed (one more, never beyond hintCount). */
    revealHint: (participantId: string, missionId: string, hintCount: number): number =>
      revealHint.get({ participant: participantId, mission: missionId, max: hintCount })?.hints_revealed ?? 0,
    /** Keeps the first solve time: a solve is a fact that happened. */
    markSolved: (participantId: string, missionId: string, nowMs: number) => void markSolved.run(participantId, missionId, nowMs),
    resetProgress: (participantId: string) => void resetProgress.run(participantId),

    /** False when this participant had already answered (the first answer stands). */
    insertPrediction: (participantId: string, missionId: string, workshopId: string, answer: string, nowMs: number): boolean =>
      insertPrediction.run(participantId, missionId, workshopId, answer, nowMs).changes > 0,
    predictionsOf: (participantId: string): PredictionRow[] => predictionsOf.all(participantId),
    predictionCounts: (workshopId: string) => predictionCounts.all(workshopId),
    reveal: (workshopId: string, missionId: string, nowMs: number) => void reveal.run(workshopId, missionId, nowMs),
    revealedMissions: (workshopId: string): string[] => reveals.all(workshopId).map((r) => r.mission_id),

    /** Counts one hit in the bucket's current window; returns the window's start and its count so far. */
    hitRateLimit: (bucket: string, nowMs: number, windowMs: number) => hit.get({ bucket, now: nowMs, window: windowMs })!,
    deleteRateLimitsBefore: (cutoffMs: number) => void deleteOldBuckets.run(cutoffMs),
  };
}
