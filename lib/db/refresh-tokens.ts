import type { StatementSource } from './statement-count';
import type { UserRow } from './users';

export type RefreshTokenRow = {
  token_hash: string;
  lab_id: string;
  user_id: number;
  family_id: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
};

export type RefreshTokenWithUser = RefreshTokenRow & Pick<UserRow, 'username' | 'role' | 'banned'>;

export function createRefreshTokenQueries(db: StatementSource) {
  const insert = db.prepare<RefreshTokenRow>(`
    INSERT INTO refresh_tokens (token_hash, lab_id, user_id, family_id, created_at, expires_at, rotated_at, revoked_at)
    VALUES (@token_hash, @lab_id, @user_id, @family_id, @created_at, @expires_at, @rotated_at, @revoked_at)`);
  const byHash = db.prepare<[string, string], RefreshTokenRow>(`
    SELECT token_hash, lab_id, user_id, family_id, created_at, expires_at, rotated_at, revoked_at
    FROM refresh_tokens WHERE token_hash = ? AND lab_id = ?`);
  // One read gives the token and its user: the new access token carries the current role.
  const withUser = db.prepare<[string, string], RefreshTokenWithUser>(`
    SELECT t.token_hash, t.lab_id, t.user_id, t.family_id, t.created_at, t.expires_at, t.rotated_at, t.revoked_at,
           u.username, u.role, u.banned
    FROM refresh_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.lab_id = ?`);
  // An expired token can never be traded again, so its row (kept until then for reuse detection) can go.
  const sweep = db.prepare<[string, number]>('DELETE FROM refresh_tokens WHERE lab_id = ? AND expires_at <= ?');
  // Conditional update: of two concurrent refreshes with one token, only one sees changes = 1.
  const markRotated = db.prepare<[number, string]>(
    'UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL AND revoked_at IS NULL',
  );
  const revokeOne = db.prepare<[number, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const revokeFamily = db.prepare<[number, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL',
  );
  const revokeUser = db.prepare<[number, number]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  );

  return {
    insert: (row: RefreshTokenRow) => void insert.run(row),
    findByHash: (labId: string, hash: string): RefreshTokenRow | undefined => byHash.get(hash, labId),
    findWithUser: (labId: string, hash: string): RefreshTokenWithUser | undefined => withUser.get(hash, labId),
    sweepExpired: (labId: string, nowSeconds: number): number => sweep.run(labId, nowSeconds).changes,
    markRotated: (hash: string, nowSeconds: number): boolean => markRotated.run(nowSeconds, hash).changes > 0,
    revokeOne: (hash: string, nowSeconds: number): number => revokeOne.run(nowSeconds, hash).changes,
    revokeFamily: (familyId: string, nowSeconds: number): number => revokeFamily.run(nowSeconds, familyId).changes,
    revokeByUserId: (userId: number, nowSeconds: number): number => revokeUser.run(nowSeconds, userId).changes,
  };
}
