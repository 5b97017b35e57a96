import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/db/testing';
import { frozenLab, jarOf, type FrozenLab } from '@/tests/support/frozen-lab';
import { isRefreshable, strategies } from './registry';
import { logout } from './flows';
import { refreshCounted, verifyCounted } from './measured';
import { jwtStrategy } from './strategies/jwt';
import { sessionStrategy } from './strategies/session';
import type { CookieJar, Strategy } from './types';
import { issueCredentials } from '@/lib/auth/issue';

/**
 * The ground truth is SQLite's own log of the statements it executed
 * (better-sqlite3's `verbose`), not our wrapper: the count a request reports
 * must equal what the database saw. Transaction control is not a statement of
 * the application and is left out on both sides.
 */
async function loggedLab(): Promise<{ lab: FrozenLab; sqlSince: () => { reads: number; writes: number } }> {
  const log: string[] = [];
  const store = createMemoryStore({ verbose: (sql) => log.push(String(sql)) });
  const lab = await frozenLab({ sessionIdleSeconds: 600, accessTtlSeconds: 60 }, store);
  let mark = log.length;
  const sqlSince = () => {
    const ran = log.slice(mark).filter((sql) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(sql));
    mark = log.length;
    const reads = ran.filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql)).length;
    return { reads, writes: ran.length - reads };
  };
  return { lab, sqlSince };
}

describe('lookups are the statements that ran, counted by the store', () => {
  for (const strategy of strategies) {
    it(`${strategy.id}: verify reports exactly the statements SQLite executed — fresh, a second later, after logout, junk`, async () => {
      const { lab, sqlSince } = await loggedLab();
      const jar = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
      const copy = new Map(jar);
      const check = async (j: CookieJar) => {
        const ctx = lab.ctx(); // reads the lab row: not part of the verify
        sqlSince();
        const v = await verifyCounted(strategy, ctx, j);
        const ran = sqlSince();
        expect(v.storeStatements).toEqual(ran);
        expect(v.lookups).toBe(ran.reads);
        return v;
      };
      await check(jar);
      lab.advance(1);
      await check(jar);
      await logout(lab.ctx(), strategy, jar);
      await check(copy);
      await check(jarOf([], Object.fromEntries(strategy.cookieNames.map((n) => [n, 'junk']))));
    });
  }

  it('jwt-refresh: a refresh reports exactly the statements SQLite executed, refused or not', async () => {
    const { lab, sqlSince } = await loggedLab();
    const refresh = strategies.find(isRefreshable)!;
    const jar = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    for (const attempt of [jar, jar /* reuse of the rotated token */, new Map([['rl_refresh', 'A'.repeat(43)]])]) {
      const ctx = lab.ctx();
      sqlSince();
      const r = await refreshCounted(refresh, ctx, attempt);
      expect(r.storeStatements).toEqual(sqlSince());
    }
  });

  it('session: a read on every request, and the last_seen write only when the lab-clock second has changed', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 1, storeStatements: { reads: 1, writes: 0 } });
    lab.advance(1);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 1, storeStatements: { reads: 1, writes: 1 } });
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 1, storeStatements: { reads: 1, writes: 0 } });
  });

  it('a strategy that runs one more store read reports one more lookup, with no number edited anywhere', async () => {
    const lab = await frozenLab();
    const withExtraRead = (inner: Strategy): Strategy => ({
      ...inner,
      async verify(ctx, jar) {
        ctx.store.users.findById(ctx.lab.id, lab.users.bob.id);
        return inner.verify(ctx, jar);
      },
    });
    const withExtraWrite = (inner: Strategy): Strategy => ({
      ...inner,
      async verify(ctx, jar) {
        const v = await inner.verify(ctx, jar);
        ctx.store.users.setRole(lab.labId, lab.users.bob.id, 'user');
        return v;
      },
    });
    for (const inner of [jwtStrategy, sessionStrategy]) {
      const jar = jarOf(await issueCredentials(lab.ctx(), inner, lab.users.bob));
      const plain = await verifyCounted(inner, lab.ctx(), jar);
      const more = await verifyCounted(withExtraRead(inner), lab.ctx(), jar);
      const written = await verifyCounted(withExtraWrite(inner), lab.ctx(), jar);
      expect(more.lookups, inner.id).toBe(plain.lookups + 1);
      expect(more.storeStatements, inner.id).toEqual({ reads: plain.storeStatements.reads + 1, writes: plain.storeStatements.writes });
      expect(written.lookups, inner.id).toBe(plain.lookups);
      expect(written.storeStatements.writes, inner.id).toBe(plain.storeStatements.writes + 1);
    }
  });

  it('two concurrent verifies are each charged their own statements', async () => {
    const lab = await frozenLab();
    const jwtJar = jarOf(await issueCredentials(lab.ctx(), jwtStrategy, lab.users.bob));
    lab.advance(1);
    const sessionJar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.advance(1);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 ? verifyCounted(jwtStrategy, lab.ctx(), jwtJar) : verifyCounted(sessionStrategy, lab.ctx(), sessionJar),
      ),
    );
    results.forEach((r, i) => expect(r.lookups, String(i)).toBe(i % 2 ? 0 : 1));
  });
});
