import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations } from './schema';

export type Db = Database.Database;
/** `verbose` (SQLite's own log of every statement executed) is for tests that check the statement counts against it. */
export type OpenOptions = Pick<Database.Options, 'verbose'>;

/**
 * Opens (creating when needed) a database file and brings its schema up to date.
 * WAL lets readers run beside the one writer; busy_timeout makes a second
 * `next start` on the same file wait for the lock instead of failing at once.
 */
export function openDatabase(filename: string, options: OpenOptions = {}): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const db = new Database(filename, options);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  // BEGIN IMMEDIATE takes the write lock first, so two processes starting
  // together cannot both run the same migration.
  const run = db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let i = version; i < migrations.length; i++) {
      db.exec(migrations[i]!);
    }
    // A rebuilt table must still satisfy every reference to it, or nothing commits.
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('migration broke a foreign key');
    if (version < migrations.length) db.pragma(`user_version = ${migrations.length}`);
  });
  // A migration may rebuild a table others reference (SQLite's ALTER TABLE
  // procedure): with foreign keys on, its DROP TABLE would cascade into every
  // session and refresh token. The pragma is a no-op inside a transaction, so
  // it is set around it.
  db.pragma('foreign_keys = OFF');
  try {
    run.immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
