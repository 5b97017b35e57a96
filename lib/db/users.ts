import type { StatementSource } from './statement-count';
import type { UsersTable } from './store';

export type Role = 'admin' | 'user';

export type UserRow = {
  id: number;
  lab_id: string;
  username: string;
  password_hash: string;
  demo_password: string | null;
  role: Role;
  banned: 0 | 1;
  token_version: number;
};

const columns = 'id, lab_id, username, password_hash, demo_password, role, banned, token_version';

export function createUserQueries(db: StatementSource): UsersTable {
  const insert = db.prepare<[string, string, string, string | null, Role]>(
    'INSERT INTO users (lab_id, username, password_hash, demo_password, role) VALUES (?, ?, ?, ?, ?)',
  );
  const byName = db.prepare<[string, string], UserRow>(
    `SELECT ${columns} FROM users WHERE lab_id = ? AND username = ?`,
  );
  const byId = db.prepare<[string, number], UserRow>(`SELECT ${columns} FROM users WHERE lab_id = ? AND id = ?`);
  const inLab = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE lab_id = ? ORDER BY id`);
  // Every write by user id names the lab too (issue 13.7): a user id taken from
  // one lab can never reach a row of another, whatever the caller got wrong.
  const setPassword = db.prepare<[string, string | null, string, number]>(
    'UPDATE users SET password_hash = ?, demo_password = ? WHERE lab_id = ? AND id = ?',
  );
  const setRole = db.prepare<[Role, string, number]>('UPDATE users SET role = ? WHERE lab_id = ? AND id = ?');
  const setBanned = db.prepare<[0 | 1, string, number]>('UPDATE users SET banned = ? WHERE lab_id = ? AND id = ?');
  const bumpVersion = db.prepare<[string, number]>('UPDATE users SET token_version = token_version + 1 WHERE lab_id = ? AND id = ?');
  const versionInLab = db.prepare<[string, number], { token_version: number; banned: 0 | 1 }>(
    'SELECT token_version, banned FROM users WHERE lab_id = ? AND id = ?',
  );

  // The Firebase preset's "tokens valid after" mark (lib/auth/strategies/firebase-id-token.ts).
  const bumpGeneration = db.prepare<[string, number]>(
    'UPDATE users SET revocation_generation = revocation_generation + 1 WHERE lab_id = ? AND id = ?',
  );
  const generationInLab = db.prepare<[string, number], { revocation_generation: number; banned: 0 | 1 }>(
    'SELECT revocation_generation, banned FROM users WHERE lab_id = ? AND id = ?',
  );

  return {
    insert: (labId: string, username: string, passwordHash: string, demoPassword: string | null, role: Role) =>
      Number(insert.run(labId, username, passwordHash, demoPassword, role).lastInsertRowid),
    findByName: (labId: string, username: string): UserRow | undefined => byName.get(labId, username),
    findById: (labId: string, id: number): UserRow | undefined => byId.get(labId, id),
    listInLab: (labId: string): UserRow[] => inLab.all(labId),
    setPassword: (labId: string, userId: number, hash: string, demoPassword: string | null) =>
      void setPassword.run(hash, demoPassword, labId, userId),
    setRole: (labId: string, userId: number, role: Role) => void setRole.run(role, labId, userId),
    setBanned: (labId: string, userId: number, banned: boolean) => void setBanned.run(banned ? 1 : 0, labId, userId),
    bumpTokenVersion: (labId: string, userId: number) => void bumpVersion.run(labId, userId),
    /** Version and ban flag of a user of this lab only (a token of another lab never reads this one's rows). */
    tokenStateInLab: (labId: string, userId: number) => versionInLab.get(labId, userId),
    bumpRevocationGeneration: (labId: string, userId: number) => void bumpGeneration.run(labId, userId),
    /** The user's "tokens valid after" generation and ban flag, in this lab only. */
    revocationStateInLab: (labId: string, userId: number) => generationInLab.get(labId, userId),
  };
}
