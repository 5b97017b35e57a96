import type { StatementSource } from './statement-count';
import type { LabsTable } from './store';

export type LabRow = {
  id: string;
  parent_lab_id: string | null;
  created_at_ms: number;
  last_used_at_ms: number;
  clock_offset_seconds: number;
  clock_frozen_at_seconds: number | null;
  settings_json: string;
  iron_password: string;
  jwt_alg: string;
  jwt_kid: string;
  jwt_key_json: string;
  key_generation: number;
};

export type ClockRow = Pick<LabRow, 'clock_offset_seconds' | 'clock_frozen_at_seconds'>;

export function createLabQueries(db: StatementSource): LabsTable {
  const insert = db.prepare<LabRow>(`
    INSERT INTO labs (id, parent_lab_id, created_at_ms, last_used_at_ms, clock_offset_seconds,
      clock_frozen_at_seconds, settings_json, iron_password, jwt_alg, jwt_kid, jwt_key_json, key_generation)
    VALUES (@id, @parent_lab_id, @created_at_ms, @last_used_at_ms, @clock_offset_seconds,
      @clock_frozen_at_seconds, @settings_json, @iron_password, @jwt_alg, @jwt_kid, @jwt_key_json, @key_generation)`);
  const byId = db.prepare<[string], LabRow>(`
    SELECT id, parent_lab_id, created_at_ms, last_used_at_ms, clock_offset_seconds, clock_frozen_at_seconds,
      settings_json, iron_password, jwt_alg, jwt_kid, jwt_key_json, key_generation
    FROM labs WHERE id = ?`);
  // Only writes over a stamp older than the cutoff: never moves the stamp backwards, and a
  // concurrent request that already wrote it costs no second write.
  const touch = db.prepare<[number, string, number]>('UPDATE labs SET last_used_at_ms = ? WHERE id = ? AND last_used_at_ms < ?');
  // RETURNING: the caller reports the offset this statement produced, not one computed from a row read
  // earlier (two overlapping advances would both report the same clock).
  const advanceClock = db.prepare<[number, string], ClockRow>(
    'UPDATE labs SET clock_offset_seconds = clock_offset_seconds + ? WHERE id = ? RETURNING clock_offset_seconds, clock_frozen_at_seconds',
  );
  const updateSettings = db.prepare<[string, string]>('UPDATE labs SET settings_json = ? WHERE id = ?');
  const replaceKey = db.prepare<[string, string, string, string], { key_generation: number }>(`
    UPDATE labs SET jwt_alg = ?, jwt_kid = ?, jwt_key_json = ?, key_generation = key_generation + 1
    WHERE id = ? RETURNING key_generation`);
  const deleteIdle = db.prepare<[number]>('DELETE FROM labs WHERE last_used_at_ms < ?');
  const deleteById = db.prepare<[string]>('DELETE FROM labs WHERE id = ?');

  return {
    insert: (row: LabRow) => void insert.run(row),
    findById: (id: string): LabRow | undefined => byId.get(id),
    /** Sets the lab's last-activity stamp to nowMs when the stored one is older than staleBeforeMs. */
    touch: (id: string, nowMs: number, staleBeforeMs: number) => void touch.run(nowMs, id, staleBeforeMs),
    /** The lab's clock after the move, or undefined when the lab is gone. */
    advanceClock: (id: string, seconds: number): ClockRow | undefined => advanceClock.get(seconds, id),
    updateSettings: (id: string, settingsJson: string) => void updateSettings.run(settingsJson, id),
    /** The new key generation, or undefined when the lab is gone. */
    replaceJwtKey: (id: string, alg: string, kid: string, keyJson: string): number | undefined =>
      replaceKey.get(alg, kid, keyJson, id)?.key_generation,
    deleteIdleSince: (cutoffMs: number): number => deleteIdle.run(cutoffMs).changes,
    deleteById: (id: string) => void deleteById.run(id),
  };
}
