import Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './open';
import { createSqliteStore } from './sqlite-store';
import type { Store } from './store';

/*
 * Test fixture only (nothing under app/ or the lib code paths imports it): an
 * in-memory store, and for tests that must check what is really in the tables
 * (a hash and not the value, a row swept, a query plan), read-only SQL on that
 * store's own database. Application code gets neither: it has the Store
 * interface and nothing else.
 */

const databases = new WeakMap<Store, ReturnType<typeof openDatabase>>();

/** A fresh store on an in-memory SQLite database, with every migration applied. */
export function createMemoryStore(options: OpenOptions = {}): Store {
  const db = openDatabase(':memory:', options);
  const store = createSqliteStore(db);
  databases.set(store, db);
  return store;
}

/** SQL for assertions, on a store made by createMemoryStore. */
export type SqlProbe = {
  all<Row>(sql: string, ...params: unknown[]): Row[];
  get<Row>(sql: string, ...params: unknown[]): Row | undefined;
  /** For planting a state no API produces (a row from an old build, a lab that is someone's child). */
  run(sql: string, ...params: unknown[]): { changes: number };
};

export function sqlOf(store: Store): SqlProbe {
  const db = databases.get(store);
  if (!db) throw new Error('sqlOf: not a store made by createMemoryStore');
  return {
    all: <Row>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[],
    get: <Row>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Row | undefined,
    run: (sql: string, ...params: unknown[]) => ({ changes: db.prepare(sql).run(...params).changes }),
  };
}

/** A lab row with placeholder values, for store tests that need a lab to hang rows on. */
export function insertBareLab(store: Store, id: string): void {
  store.labs.insert({
    id,
    parent_lab_id: null,
    created_at_ms: 0,
    last_used_at_ms: 0,
    clock_offset_seconds: 0,
    clock_frozen_at_seconds: null,
    settings_json: '{}',
    iron_password: 'p',
    jwt_alg: 'HS256',
    jwt_kid: 'k',
    jwt_key_json: '{}',
    key_generation: 1,
  });
}

/**
 * Read-only SQL on a database file a running server uses (WAL lets a reader
 * sit beside it): for API tests that check what the server left behind.
 */
export function readDatabaseFile<T>(filename: string, read: (sql: Pick<SqlProbe, 'all' | 'get'>) => T): T {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    return read({
      all: <Row>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[],
      get: <Row>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Row | undefined,
    });
  } finally {
    db.close();
  }
}

/**
 * Another process's writer holding the database's write lock (BEGIN
 * IMMEDIATE) until released: for the test that a server kept waiting past
 * busy_timeout answers 503, not 500, and writes nothing half-way.
 */
export function holdWriteLock(filename: string): { release(): void } {
  const other = new Database(filename);
  other.pragma('busy_timeout = 5000');
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}
