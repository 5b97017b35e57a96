import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from './open';
import { createMemoryStore, insertBareLab, sqlOf } from './testing';
import { migrations } from './schema';
import { frozenLab, FROZEN_AT } from '@/tests/support/frozen-lab';
import { createChildLab } from '@/lib/labs/create';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDb = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-store-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'lab.db');
};

describe('the store', () => {
  it('runs every migration once and records it in user_version; reopening a file keeps its rows', () => {
    const file = tempDb();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['labs', 'users', 'sessions', 'jwt_denylist', 'refresh_tokens', 'login_throttle']));
    db.prepare("INSERT INTO labs (id, created_at_ms, last_used_at_ms, settings_json, iron_password, jwt_alg, jwt_kid, jwt_key_json) VALUES ('l', 0, 0, '{}', 'p', 'HS256', 'k', '{}')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(again.prepare('SELECT count(*) AS n FROM labs').get()).toEqual({ n: 1 });
    again.close();
  });

  it('upgrades a database written by an older build in place, keeping its rows', () => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = new Database(file);
    old.exec(migrations[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO labs (id, created_at_ms, last_used_at_ms, settings_json, iron_password, jwt_alg, jwt_kid, jwt_key_json) VALUES ('l', 0, 0, '{}', 'p', 'HS256', 'k', '{}')").run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('refresh_tokens_lab');
    expect(db.prepare('SELECT count(*) AS n FROM labs').get()).toEqual({ n: 1 });
    db.close();
  });

  it('a file database runs in WAL mode, synchronous=NORMAL, with foreign keys on', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 1 = NORMAL (docs/SECURITY.md, "Durability": what a process kill and an OS crash each keep).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('deleting a lab cascades to its users, sessions, denylist, refresh tokens, throttle rows and child labs — and nothing else', async () => {
    const store = createMemoryStore();
    const lab = await frozenLab({}, store);
    const keep = await frozenLab({}, store);
    const child = await createChildLab(store, lab.lab());
    for (const l of [lab, keep]) {
      const bob = l.users.bob.id;
      store.sessions.insert({ id_hash: `s-${l.labId}`, lab_id: l.labId, user_id: bob, created_at: 0, last_seen_at: 0, absolute_expires_at: 1 });
      store.denylist.add(l.labId, 'jti', FROZEN_AT + 60);
      store.refreshTokens.insert({
        token_hash: `r-${l.labId}`,
        lab_id: l.labId,
        user_id: bob,
        family_id: 'f',
        scope: 'jwt-refresh',
        created_at: 0,
        expires_at: FROZEN_AT + 60,
        rotated_at: null,
        revoked_at: null,
      });
      store.loginThrottle.put(l.labId, 'bob', { failures: 1, window_started_ms: 0, locked_until_ms: 0 });
    }
    const count = (table: string, labId: string) =>
      sqlOf(store).get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE lab_id = ?`, labId)!.n;
    const tables = ['users', 'sessions', 'jwt_denylist', 'refresh_tokens', 'login_throttle'];
    expect(count('users', child.id)).toBe(3);

    store.labs.deleteById(lab.labId);
    for (const t of tables) {
      expect(count(t, lab.labId), t).toBe(0);
      expect(count(t, keep.labId), t).toBeGreaterThan(0);
    }
    expect(store.labs.findById(child.id)).toBeUndefined();
    expect(count('users', child.id)).toBe(0);
  });

  it('refresh tokens: the conditional rotate succeeds once; revoked tokens cannot be rotated; sweep removes expired rows only', () => {
    const store = createMemoryStore();
    insertBareLab(store, 'l');
    const uid = store.users.insert('l', 'bob', 'h', null, 'user');
    const row = (hash: string, expires: number) => ({
      token_hash: hash, lab_id: 'l', user_id: uid, family_id: 'f', scope: 'jwt-refresh', created_at: 0, expires_at: expires, rotated_at: null, revoked_at: null,
    });
    store.refreshTokens.insert(row('a', 100));
    store.refreshTokens.insert(row('b', 200));
    expect(store.refreshTokens.markRotated('l', 'a', 10)).toBe(true);
    expect(store.refreshTokens.markRotated('l', 'a', 11)).toBe(false);
    store.refreshTokens.revokeFamily('l', 'f', 12);
    expect(store.refreshTokens.markRotated('l', 'b', 13)).toBe(false);
    expect(store.refreshTokens.findWithUser('l', 'b')).toMatchObject({ username: 'bob', role: 'user', banned: 0, revoked_at: 12 });
    expect(store.refreshTokens.sweepExpired('l', 100)).toBe(1);
    expect(store.refreshTokens.findByHash('l', 'a')).toBeUndefined();
    expect(store.refreshTokens.findByHash('l', 'b')).toBeDefined();
  });

  it('tokenStateInLab reads only the named lab’s user', async () => {
    const store = createMemoryStore();
    const a = await frozenLab({}, store);
    const b = await frozenLab({}, store);
    expect(store.users.tokenStateInLab(a.labId, a.users.bob.id)).toEqual({ token_version: 1, banned: 0 });
    expect(store.users.tokenStateInLab(a.labId, b.users.bob.id)).toBeUndefined();
  });
});
