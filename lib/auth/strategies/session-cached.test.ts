import { describe, expect, it } from 'vitest';
import { issueCredentials } from '@/lib/auth/issue';
import { verifyCounted } from '@/lib/auth/measured';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { frozenLab, jarOf, type FrozenLab } from '@/tests/support/frozen-lab';
import type { CookieJar, CookieWrite } from '@/lib/auth/types';
import { sessionCachedStrategy as strategy } from './session-cached';
import { sessionStrategy } from './session';

/** A browser's jar: later writes replace earlier cookies of the same name. */
const withWrites = (jar: CookieJar, writes: readonly CookieWrite[] = []): CookieJar =>
  new Map([...jar, ...writes.map((w) => [w.name, w.value] as const)]);

/** The first second the copy is refused, probing every second from now (bounded). */
async function secondsUntilRefused(lab: FrozenLab, copy: CookieJar, limit: number): Promise<number | null> {
  for (let s = 0; s <= limit; s++) {
    if (!(await verifyCounted(strategy, lab.ctx(), copy)).ok) return s;
    lab.advance(1);
  }
  return null;
}

describe('session-cached strategy', () => {
  it('a fresh cache is believed with 0 lookups; an expired one is renewed with 1 lookup (the read)', async () => {
    const lab = await frozenLab({ sessionCacheSeconds: 60 });
    const jar = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
    const hit = await verifyCounted(strategy, lab.ctx(), jar);
    expect(hit).toMatchObject({ ok: true, lookups: 0, user: lab.users.bob, credential: { cacheHit: true } });
    expect(hit.ok && hit.renew).toBeFalsy();
    lab.advance(60);
    const renewal = await verifyCounted(strategy, lab.ctx(), jar);
    expect(renewal).toMatchObject({ ok: true, lookups: 1, credential: { cacheHit: false } });
    expect(renewal.ok && renewal.renew?.map((c) => c.name)).toEqual(['rl_session_cache']);
    // The renewed cache is believed again without a lookup.
    const renewed = withWrites(jar, renewal.ok ? renewal.renew : []);
    expect(await verifyCounted(strategy, lab.ctx(), renewed)).toMatchObject({ ok: true, lookups: 0 });
  });

  it('after logout a copy works until its cache cookie expires, and is refused from that second; the window follows sessionCacheSeconds', async () => {
    for (const cacheSeconds of [30, 75]) {
      const lab = await frozenLab({ sessionCacheSeconds: cacheSeconds });
      const device = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
      const copy = new Map(device);
      lab.advance(5);
      await logout(lab.ctx(), strategy, device);
      expect(await secondsUntilRefused(lab, copy, 200)).toBe(cacheSeconds - 5);
      expect(await verifyCounted(strategy, lab.ctx(), copy)).toMatchObject({ ok: false, reason: 'unknown-session' });
    }
  });

  it('sign-out-everywhere deletes every row, yet each copy’s cache still works until it expires', async () => {
    const lab = await frozenLab({ sessionCacheSeconds: 40 });
    const laptop = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
    const phone = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
    await logoutEverywhere(lab.ctx(), strategy, phone);
    expect(lab.store.sessions.countByUserId(lab.users.bob.id)).toBe(0);
    expect(await verifyCounted(strategy, lab.ctx(), laptop)).toMatchObject({ ok: true, lookups: 0 });
    lab.advance(40);
    expect(await verifyCounted(strategy, lab.ctx(), laptop)).toMatchObject({ ok: false, reason: 'unknown-session', lookups: 1 });
  });

  it('a forged or foreign cache cookie is not believed: the row decides', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
    const cache = jar.get('rl_session_cache')!;
    const [body, mac] = cache.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const tampered = new Map([...jar, ['rl_session_cache', `${forged}.${mac}`]]);
    expect(await verifyCounted(strategy, lab.ctx(), tampered)).toMatchObject({ ok: true, lookups: 1, user: { role: 'user' } });
    // Bob's cache under alice's session id: bound to the id, so not believed either.
    const alice = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.alice));
    const swapped = new Map([...alice, ['rl_session_cache', cache]]);
    expect(await verifyCounted(strategy, lab.ctx(), swapped)).toMatchObject({ ok: true, lookups: 1, user: { username: 'alice' } });
  });

  it('its session ids are not `session`’s: neither strategy accepts the other’s', async () => {
    const lab = await frozenLab();
    const cached = jarOf(await issueCredentials(lab.ctx(), strategy, lab.users.bob));
    const plain = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    expect(await verifyCounted(sessionStrategy, lab.ctx(), cached)).toMatchObject({ ok: false, reason: 'unknown-session' });
    expect(await verifyCounted(strategy, lab.ctx(), plain)).toMatchObject({ ok: false, reason: 'unknown-session' });
  });
});
