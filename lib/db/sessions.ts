import type { StatementSource } from './statement-count';
import type { UserRow } from './users';
import type { SessionsTable } from './store';

export type SessionRow = {
  id_hash: string;
  lab_id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  absolute_expires_at: number;
};

export type SessionWithUser = SessionRow & Pick<UserRow, 'username' | 'role' | 'banned'>;

export function createSessionQueries(db: StatementSource): SessionsTable {
  const insert = db.prepare<SessionRow>(`
    INSERT INTO sessions (id_hash, lab_id, user_id, created_at, last_seen_at, absolute_expires_at)
    VALUES (@id_hash, @lab_id, @user_id, @created_at, @last_seen_at, @absolute_expires_at)`);
  // One query reads the session and its user: role and ban are always current.
  // This is the `session` strategy's whole per-request cost, so it runs in raw
  // mode: better-sqlite3 builds a keyed row object through the V8 API, which
  // costs about a microsecond — a fifth of the lookup itself (npm run bench);
  // an array read into a plain object literal below does not. The id hash and
  // lab id are the WHERE arguments, so they are not read back either.
  const withUser = db
    .prepare<[string, string], [number, number, number, number, string, UserRow['role'], UserRow['banned']]>(`
      SELECT s.user_id, s.created_at, s.last_seen_at, s.absolute_expires_at, u.username, u.role, u.banned
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = ? AND s.lab_id = ?`)
    .raw(true);
  const findWithUser = (labId: string, idHash: string): SessionWithUser | undefined => {
    const r = withUser.get(idHash, labId);
    if (!r) return undefined;
    const [user_id, created_at, last_seen_at, absolute_expires_at, username, role, banned] = r;
    return { id_hash: idHash, lab_id: labId, user_id, created_at, last_seen_at, absolute_expires_at, username, role, banned };
  };
  const touch = db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const deleteOne = db.prepare<[string, string]>('DELETE FROM sessions WHERE id_hash = ? AND lab_id = ?');
  // Lab-scoped like every write by user (issue 13.7).
  const deleteByUser = db.prepare<[string, number]>('DELETE FROM sessions WHERE lab_id = ? AND user_id = ?');
  const countByUser = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = ?');

  return {
    insert: (row: SessionRow) => void insert.run(row),
    findWithUser,
    touch: (idHash: string, nowSeconds: number) => void touch.run(nowSeconds, idHash),
    deleteOne: (labId: string, idHash: string): boolean => deleteOne.run(idHash, labId).changes > 0,
    deleteByUserId: (labId: string, userId: number): number => deleteByUser.run(labId, userId).changes,
    countByUserId: (userId: number): number => countByUser.get(userId)?.n ?? 0,
  };
}
