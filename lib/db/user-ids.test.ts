import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { migrations } from './schema';
import { createSqliteStore } from './sqlite-store';
import { createMemoryStore, insertBareLab } from './testing';

const LAB_SQL =
  "INSERT INTO labs (id, created_at_ms, last_used_at_ms, settings_json, iron_password, jwt_alg, jwt_kid, jwt_key_json) VALUES (?, 0, 0, '{}', 'p', 'HS256', 'k', '{}')";

describe('user ids (issue 13.7)', () => {
  it('are never reused after the lab holding the newest user is deleted', () => {
    const store = createMemoryStore();
    for (const id of ['a', 'b', 'c']) insertBareLab(store, id);
    store.users.insert('a', 'alice', 'h', null, 'admin');
    const newest = store.users.insert('b', 'bob', 'h', null, 'user');
    store.labs.deleteById('b');
    // Without AUTOINCREMENT SQLite hands out max(id)+1: bob's id again.
    expect(store.users.insert('c', 'carol', 'h', null, 'user')).toBeGreaterThan(newest);
  });

  it('writes naming another lab change nothing (every write by user names the lab)', () => {
    const store = createMemoryStore();
    for (const id of ['a', 'b']) insertBareLab(store, id);
    const uid = store.users.insert('a', 'alice', 'h', null, 'user');
    store.sessions.insert({ id_hash: 's', lab_id: 'a', user_id: uid, created_at: 0, last_seen_at: 0, absolute_expires_at: 10 });
    store.refreshTokens.insert({ token_hash: 't', lab_id: 'a', user_id: uid, family_id: 'f', scope: 'jwt-refresh', created_at: 0, expires_at: 10, rotated_at: null, revoked_at: null });
    store.users.setRole('b', uid, 'admin');
    store.users.setBanned('b', uid, true);
    store.users.setPassword('b', uid, 'other', null);
    store.users.bumpTokenVersion('b', uid);
    expect(store.users.findById('a', uid)).toMatchObject({ role: 'user', banned: 0, password_hash: 'h', token_version: 1 });
    expect(store.sessions.deleteByUserId('b', uid)).toBe(0);
    expect(store.refreshTokens.revokeByUserId('b', uid, 5)).toBe(0);
    expect(store.refreshTokens.revokeFamily('b', 'f', 5)).toBe(0);
    expect(store.refreshTokens.revokeOne('b', 't', 5)).toBe(0);
    expect(store.refreshTokens.markRotated('b', 't', 5)).toBe(false);
    expect(store.sessions.deleteByUserId('a', uid)).toBe(1);
    expect(store.refreshTokens.revokeByUserId('a', uid, 5)).toBe(1);
  });

  it('the rebuild keeps every user, id and session of a database from before it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-mig-'));
    const file = path.join(dir, 'lab.db');
    const rebuild = migrations.findIndex((m) => m.includes('users_autoincrement'));
    expect(rebuild).toBeGreaterThan(0);
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    for (const m of migrations.slice(0, rebuild)) old.exec(m);
    old.pragma(`user_version = ${rebuild}`);
    old.prepare(LAB_SQL).run('l');
    const uid = Number(old.prepare("INSERT INTO users (lab_id, username, password_hash, role) VALUES ('l', 'bob', 'h', 'user')").run().lastInsertRowid);
    old.prepare("INSERT INTO sessions VALUES ('hash', 'l', ?, 0, 0, 10)").run(uid);
    old.close();

    // The adapter's own test: it opens the file itself, to look at the schema the migration left.
    const db = openDatabase(file);
    const store = createSqliteStore(db);
    expect(store.users.findById('l', uid)).toMatchObject({ username: 'bob' });
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    expect(String((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'users'").get() as { sql: string }).sql)).toMatch(/AUTOINCREMENT/);
    // Foreign keys are on again: deleting the lab still cascades.
    store.labs.deleteById('l');
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
