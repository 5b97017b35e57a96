import type { StatementSource } from './statement-count';
import type { DenylistTable } from './store';

export function createDenylistQueries(db: StatementSource): DenylistTable {
  const insert = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO jwt_denylist (lab_id, jti, expires_at) VALUES (?, ?, ?)',
  );
  const has = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM jwt_denylist WHERE lab_id = ? AND jti = ?',
  );
  // Entries outlive nothing: once the token has expired on its own, the entry is dead weight.
  const sweep = db.prepare<[string, number]>('DELETE FROM jwt_denylist WHERE lab_id = ? AND expires_at <= ?');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM jwt_denylist WHERE lab_id = ?');

  return {
    add: (labId: string, jti: string, expiresAt: number) => void insert.run(labId, jti, expiresAt),
    has: (labId: string, jti: string): boolean => has.get(labId, jti) !== undefined,
    sweepExpired: (labId: string, nowSeconds: number): number => sweep.run(labId, nowSeconds).changes,
    count: (labId: string): number => count.get(labId)?.n ?? 0,
  };
}
