import type { StatementSource } from './statement-count';
import type { JournalTable } from './store';

export type JournalRow = {
  seq: number;
  actor: string | null;
  method: string;
  path: string;
  strategy: string | null;
  status: number;
  reason: string | null;
  lookups: number | null;
  lab_at: number;
  real_at_ms: number;
  credential_hash: string | null;
  username: string | null;
  effect_json: string | null;
};

export type JournalInsert = Omit<JournalRow, 'seq' | 'lab_at'> & { lab_id: string; real_now_seconds: number };

export function createJournalQueries(db: StatementSource): JournalTable {
  // One statement: the lab must exist and be a lab people use (a scenario
  // runner's throwaway child lab is not journaled: nobody opens it, it lives a
  // second, and its runner keeps its own trace). The next seq and the lab-clock
  // time are read from the rows under the same write lock, so two processes
  // appending at once cannot take the same seq.
  const append = db.prepare<JournalInsert, { seq: number }>(`
    INSERT INTO lab_journal (lab_id, seq, actor, method, path, strategy, status, reason, lookups,
      lab_at, real_at_ms, credential_hash, username, effect_json)
    SELECT l.id, COALESCE((SELECT MAX(j.seq) FROM lab_journal j WHERE j.lab_id = l.id), 0) + 1,
      @actor, @method, @path, @strategy, @status, @reason, @lookups,
      COALESCE(l.clock_frozen_at_seconds, @real_now_seconds) + l.clock_offset_seconds, @real_at_ms, @credential_hash, @username, @effect_json
    FROM labs l WHERE l.id = @lab_id AND l.parent_lab_id IS NULL
    RETURNING seq`);
  const trim = db.prepare<[string, number]>('DELETE FROM lab_journal WHERE lab_id = ? AND seq <= ?');
  const page = db.prepare<[string, number, number], JournalRow>(`
    SELECT seq, actor, method, path, strategy, status, reason, lookups, lab_at, real_at_ms, credential_hash, username, effect_json
    FROM lab_journal WHERE lab_id = ? AND seq > ? ORDER BY seq LIMIT ?`);
  const bounds = db.prepare<[string], { first: number | null; last: number | null }>(
    'SELECT MIN(seq) AS first, MAX(seq) AS last FROM lab_journal WHERE lab_id = ?',
  );
  const clearedThrough = db.prepare<[string], { cleared_through_seq: number }>(
    'SELECT cleared_through_seq FROM lab_journal_marks WHERE lab_id = ?',
  );
  const markCleared = db.prepare<[string, number]>(`
    INSERT INTO lab_journal_marks (lab_id, cleared_through_seq) VALUES (?, ?)
    ON CONFLICT (lab_id) DO UPDATE SET cleared_through_seq = MAX(cleared_through_seq, excluded.cleared_through_seq)`);

  return {
    /** The new entry's seq, or undefined when the lab is gone or is a throwaway child lab. */
    append: (entry: JournalInsert): number | undefined => append.get(entry)?.seq,
    /** Drops every entry up to and including throughSeq (the oldest). */
    trimThrough: (labId: string, throughSeq: number): number => trim.run(labId, throughSeq).changes,
    after: (labId: string, afterSeq: number, limit: number): JournalRow[] => page.all(labId, afterSeq, limit),
    bounds: (labId: string): { first: number | null; last: number | null } => bounds.get(labId) ?? { first: null, last: null },
    clearedThrough: (labId: string): number => clearedThrough.get(labId)?.cleared_through_seq ?? 0,
    markClearedThrough: (labId: string, seq: number) => void markCleared.run(labId, seq),
  };
}
