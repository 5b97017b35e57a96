import type { StatementSource } from './statement-count';

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

export function createUserQueries(db: StatementSource) {
  const insert = db.prepare<[string, string, string, string | null, Role]>(
    'INSERT INTO users (lab_id, username, password_hash, demo_password, role) VALUES (?, ?, ?, ?, ?)',
  );
  const byName = db.prepare<[string, string], UserRow>(
    `SELECT ${columns} FROM users WHERE lab_id = ? AND username = ?`,
  );
  const byId = db.prepare<[string, number], UserRow>(`SELECT ${columns} FROM users WHERE lab_id = ? AND id = ?`);
  const inLab = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE lab_id = ? ORDER BY id`);
  const setPassword = db.prepare<[string, string | null, number]>(
    'UPDATE users SET password_hash = ?, demo_password = ? WHERE id = ?',
  );
  const setRole = db.prepare<[Role, number]>('UPDATE users SET role = ? WHERE id = ?');
  const setBanned = db.prepare<[0 | 1, number]>('UPDATE users SET banned = ? WHERE id = ?');
  const bumpVersion = db.prepare<[number]>('UPDATE users SET token_version = token_version + 1 WHERE id = ?');
  const versionInLab = db.prepare<[string, number], { token_version: number; banned: 0 | 1 }>(
    'SELECT token_version, banned FROM users WHERE lab_id = ? AND id = ?',
  );

  return {
    insert: (labId: string, username: string, passwordHash: string, demoPassword: string | null, role: Role) =>
      Number(insert.run(labId, username, passwordHash, demoPassword, role).lastInsertRowid),
    findByName: (labId: string, username: string): UserRow | undefined => byName.get(labId, username),
    findById: (labId: string, id: number): UserRow | undefined => byId.get(labId, id),
    listInLab: (labId: string): UserRow[] => inLab.all(labId),
    setPassword: (userId: number, hash: string, demoPassword: string | null) =>
      void setPassword.run(hash, demoPassword, userId),
    setRole: (userId: number, role: Role) => void setRole.run(role, userId),
    setBanned: (userId: number, banned: boolean) => void setBanned.run(banned ? 1 : 0, userId),
    bumpTokenVersion: (userId: number) => void bumpVersion.run(userId),
    /** Version and ban flag of a user of this lab only (a token of another lab never reads this one's rows). */
    tokenStateInLab: (labId: string, userId: number) => versionInLab.get(labId, userId),
  };
}
