import type { StatementSource } from './statement-count';
import type { UserRow } from './users';
import type { RefreshTokensTable } from './store';

export type RefreshTokenRow = {
  token_hash: string;
  lab_id: string;
  user_id: number;
  family_id: string;
  /** The strategy or preset that issued it (its credential scope): only its own refresh endpoint trades it. */
  scope: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
};

export type RefreshTokenWithUser = RefreshTokenRow & Pick<UserRow, 'username' | 'role' | 'banned'>;

export function createRefreshTokenQueries(db: StatementSource): RefreshTokensTable {
  const insert = db.prepare<RefreshTokenRow>(`
    INSERT INTO refresh_tokens (token_hash, lab_id, user_id, family_id, scope, created_at, expires_at, rotated_at, revoked_at)
    VALUES (@token_hash, @lab_id, @user_id, @family_id, @scope, @created_at, @expires_at, @rotated_at, @revoked_at)`);
  const byHash = db.prepare<[string, string], RefreshTokenRow>(`
    SELECT token_hash, lab_id, user_id, family_id, scope, created_at, expires_at, rotated_at, revoked_at
    FROM refresh_tokens WHERE token_hash = ? AND lab_id = ?`);
  // One read gives the token and its user: the new access token carries the current role.
  const withUser = db.prepare<[string, string], RefreshTokenWithUser>(`
    SELECT t.token_hash, t.lab_id, t.user_id, t.family_id, t.scope, t.created_at, t.expires_at, t.rotated_at, t.revoked_at,
           u.username, u.role, u.banned
    FROM refresh_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.lab_id = ?`);
  // An expired token can never be traded again, so its row (kept until then for reuse detection) can go.
  const sweep = db.prepare<[string, number]>('DELETE FROM refresh_tokens WHERE lab_id = ? AND expires_at <= ?');
  // Conditional update: of two concurrent refreshes with one token, only one sees changes = 1.
  // Every revocation names the lab too (issue 13.7).
  const markRotated = db.prepare<[number, string, string]>(
    'UPDATE refresh_tokens SET rotated_at = ? WHERE lab_id = ? AND token_hash = ? AND rotated_at IS NULL AND revoked_at IS NULL',
  );
  const revokeOne = db.prepare<[number, string, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE lab_id = ? AND token_hash = ? AND revoked_at IS NULL',
  );
  // Lab-scoped: logout takes the family id from a request cookie (MACed with the lab's key, but request input all the same).
  const revokeFamily = db.prepare<[number, string, string]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE lab_id = ? AND family_id = ? AND revoked_at IS NULL',
  );
  const revokeUser = db.prepare<[number, string, number]>(
    'UPDATE refresh_tokens SET revoked_at = ? WHERE lab_id = ? AND user_id = ? AND revoked_at IS NULL',
  );

  // Keeps the newest `keep` rows of a family (the live token and the latest rotated ones, which
  // reveal reuse); older rotated rows go, so one login's rows stay bounded however often it refreshes.
  const capFamily = db.prepare<[string, string, string, string, number]>(`
    DELETE FROM refresh_tokens WHERE lab_id = ? AND family_id = ? AND rowid NOT IN (
      SELECT rowid FROM refresh_tokens WHERE lab_id = ? AND family_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`);
  // One statement counts this refresh in the family's window (opening a new window when the old
  // one has ended) and returns the count: two concurrent refreshes cannot both read a stale count.
  const countRefresh = db.prepare<
    { lab: string; family: string; now: number; window: number },
    { window_started_ms: number; refreshes: number }
  >(`
    INSERT INTO refresh_rate_limits (lab_id, family_id, window_started_ms, refreshes) VALUES (@lab, @family, @now, 1)
    ON CONFLICT (lab_id, family_id) DO UPDATE SET
      refreshes = CASE WHEN @now - window_started_ms >= @window THEN 1 ELSE refreshes + 1 END,
      window_started_ms = CASE WHEN @now - window_started_ms >= @window THEN @now ELSE window_started_ms END
    RETURNING window_started_ms, refreshes`);
  const sweepRateWindows = db.prepare<[string, number]>('DELETE FROM refresh_rate_limits WHERE lab_id = ? AND window_started_ms <= ?');

  return {
    insert: (row: RefreshTokenRow) => void insert.run(row),
    /** Deletes all but the newest `keep` rows of a family; returns how many went. */
    capFamily: (labId: string, familyId: string, keep: number): number =>
      capFamily.run(labId, familyId, labId, familyId, keep).changes,
    /** Counts one refresh of a family in its real-time window; the window's start and the count so far, this one included. */
    countRefresh: (labId: string, familyId: string, nowMs: number, windowMs: number) =>
      countRefresh.get({ lab: labId, family: familyId, now: nowMs, window: windowMs })!,
    /** Drops the counters of windows that started at or before `beforeMs` (an ended window counts as none). */
    sweepRateWindows: (labId: string, beforeMs: number): number => sweepRateWindows.run(labId, beforeMs).changes,
    findByHash: (labId: string, hash: string): RefreshTokenRow | undefined => byHash.get(hash, labId),
    findWithUser: (labId: string, hash: string): RefreshTokenWithUser | undefined => withUser.get(hash, labId),
    sweepExpired: (labId: string, nowSeconds: number): number => sweep.run(labId, nowSeconds).changes,
    markRotated: (labId: string, hash: string, nowSeconds: number): boolean => markRotated.run(nowSeconds, labId, hash).changes > 0,
    revokeOne: (labId: string, hash: string, nowSeconds: number): number => revokeOne.run(nowSeconds, labId, hash).changes,
    revokeFamily: (labId: string, familyId: string, nowSeconds: number): number =>
      revokeFamily.run(nowSeconds, labId, familyId).changes,
    revokeByUserId: (labId: string, userId: number, nowSeconds: number): number => revokeUser.run(nowSeconds, labId, userId).changes,
  };
}
