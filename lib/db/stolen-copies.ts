import type { StatementSource } from './statement-count';
import type { StolenCopiesTable } from './store';

export type StolenCopyRow = {
  copy_no: number;
  strategy: string;
  username: string | null;
  stolen_at: number;
  /** The raw stolen cookies as JSON: only the replay code reads this column, and no answer contains it. */
  cookies_json: string;
  credential_hash: string;
  last_json: string | null;
};

export function createStolenCopyQueries(db: StatementSource): StolenCopiesTable {
  type Insert = { lab_id: string; strategy: string; username: string | null; stolen_at: number; cookies_json: string; credential_hash: string };
  const insert = db.prepare<Insert, { copy_no: number }>(`
    INSERT INTO stolen_copies (lab_id, copy_no, strategy, username, stolen_at, cookies_json, credential_hash)
    SELECT @lab_id, COALESCE((SELECT MAX(copy_no) FROM stolen_copies WHERE lab_id = @lab_id), 0) + 1,
      @strategy, @username, @stolen_at, @cookies_json, @credential_hash
    RETURNING copy_no`);
  const list = db.prepare<[string], StolenCopyRow>(`
    SELECT copy_no, strategy, username, stolen_at, cookies_json, credential_hash, last_json
    FROM stolen_copies WHERE lab_id = ? ORDER BY copy_no`);
  const find = db.prepare<[string, number], StolenCopyRow>(`
    SELECT copy_no, strategy, username, stolen_at, cookies_json, credential_hash, last_json
    FROM stolen_copies WHERE lab_id = ? AND copy_no = ?`);
  const update = db.prepare<[string, string, string, string, number]>(
    'UPDATE stolen_copies SET cookies_json = ?, credential_hash = ?, last_json = ? WHERE lab_id = ? AND copy_no = ?',
  );
  const clear = db.prepare<[string]>('DELETE FROM stolen_copies WHERE lab_id = ?');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM stolen_copies WHERE lab_id = ?');

  return {
    insert: (labId: string, strategy: string, username: string | null, stolenAt: number, cookiesJson: string, credentialHash: string): number =>
      insert.get({ lab_id: labId, strategy, username, stolen_at: stolenAt, cookies_json: cookiesJson, credential_hash: credentialHash })!.copy_no,
    list: (labId: string): StolenCopyRow[] => list.all(labId),
    find: (labId: string, copyNo: number): StolenCopyRow | undefined => find.get(labId, copyNo),
    /** After a replay: the copy as the attacker now holds it (a refresh rotates it) and the answer it got. */
    update: (labId: string, copyNo: number, cookiesJson: string, credentialHash: string, lastJson: string) =>
      void update.run(cookiesJson, credentialHash, lastJson, labId, copyNo),
    clear: (labId: string): number => clear.run(labId).changes,
    count: (labId: string): number => count.get(labId)?.n ?? 0,
  };
}
