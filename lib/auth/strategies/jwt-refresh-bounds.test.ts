import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setRealClockForTests } from '@/lib/clock';
import { frozenLab, jarOf, FROZEN_AT, type FrozenLab } from '@/tests/support/frozen-lab';
import { refreshCounted } from '@/lib/auth/measured';
import type { CookieJar, RefreshResult } from '@/lib/auth/types';
import { issueCredentials } from '@/lib/auth/issue';
import { sqlOf } from '@/lib/db/testing';
import {
  hashRefreshToken,
  jwtRefreshStrategy as refresh,
  MAX_REFRESHES_PER_WINDOW,
  MAX_ROWS_PER_FAMILY,
  REFRESH_WINDOW_MS,
} from './jwt-refresh';

/** Issue 13.4: a login's refresh-token rows and refreshes are bounded; the sweep is an index range. Fake real clock. */

let nowMs = 1_800_000_000_000;
beforeEach(() => setRealClockForTests(() => nowMs));
afterEach(() => setRealClockForTests(null));
const advanceRealSeconds = (s: number) => (nowMs += s * 1000);

const trade = (lab: FrozenLab, jar: CookieJar): Promise<RefreshResult> => refreshCounted(refresh, lab.ctx(), jar);

async function refreshTimes(lab: FrozenLab, jar: CookieJar, times: number): Promise<CookieJar> {
  let current = jar;
  for (let i = 0; i < times; i++) {
    const r = await trade(lab, current);
    if (!r.ok) throw new Error(`refresh ${i + 1} refused: ${r.reason}`);
    current = jarOf(r.cookies);
  }
  return current;
}

const familyRows = (lab: FrozenLab, jar: CookieJar) =>
  sqlOf(lab.store).get<{ n: number }>(
    'SELECT count(*) AS n FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens t WHERE t.token_hash = ?)',
    hashOf(jar),
  )!.n;
const hashOf = (jar: CookieJar) => hashRefreshToken(jar.get('rl_refresh')!);

describe('jwt-refresh: bounded rows and refreshes', () => {
  it(`keeps at most ${MAX_ROWS_PER_FAMILY} rows per family however often it refreshes; reuse of a recent token still revokes the family`, async () => {
    const lab = await frozenLab();
    const first = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    const other = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.carol));
    let live = first;
    for (let i = 1; i <= MAX_ROWS_PER_FAMILY * 2; i++) {
      live = await refreshTimes(lab, live, 1);
      expect(familyRows(lab, live)).toBe(Math.min(i + 1, MAX_ROWS_PER_FAMILY));
    }
    expect(familyRows(lab, other)).toBe(1); // another login's rows are untouched
    // The oldest token's row is gone: refused as unknown, without touching the family.
    expect(await trade(lab, first)).toMatchObject({ ok: false, reason: 'unknown-session' });
    expect((await trade(lab, live)).ok).toBe(true);
  });

  it('rows past the cap never include the live token; a reuse of the previous token revokes the family', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    const previous = await refreshTimes(lab, jar, MAX_ROWS_PER_FAMILY + 5);
    const live = await refreshTimes(lab, previous, 1);
    expect(await trade(lab, previous)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await trade(lab, live)).toMatchObject({ ok: false, reason: 'revoked' });
  });

  it(`allows ${MAX_REFRESHES_PER_WINDOW} refreshes per family per window, then answers too-many-refreshes with a Retry-After and changes nothing`, async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    const otherLogin = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    const live = await refreshTimes(lab, jar, MAX_REFRESHES_PER_WINDOW);
    advanceRealSeconds(20);
    const limited = await trade(lab, live);
    expect(limited).toMatchObject({ ok: false, reason: 'too-many-refreshes', clear: [], retryAfterSeconds: REFRESH_WINDOW_MS / 1000 - 20 });
    // Nothing rotated: the same token works once the window has passed.
    expect(lab.store.refreshTokens.findByHash(lab.labId, hashOf(live))).toMatchObject({ rotated_at: null, revoked_at: null });
    // Another login of the same user has its own allowance.
    expect((await trade(lab, otherLogin)).ok).toBe(true);
    // Moving the lab clock does not lift it (real time, like the login throttle).
    lab.advance(3600);
    expect(await trade(lab, live)).toMatchObject({ ok: false, reason: 'too-many-refreshes' });
    advanceRealSeconds(REFRESH_WINDOW_MS / 1000 - 20);
    expect((await trade(lab, live)).ok).toBe(true);
  });

  it('the counters of ended windows are swept at the next login in the lab', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    await refreshTimes(lab, jar, 2);
    const counters = () => sqlOf(lab.store).get<{ n: number }>('SELECT count(*) AS n FROM refresh_rate_limits')!.n;
    expect(counters()).toBe(1);
    advanceRealSeconds(REFRESH_WINDOW_MS / 1000);
    await issueCredentials(lab.ctx(), refresh, lab.users.carol);
    expect(counters()).toBe(0);
  });

  it('the expired-row sweep is an index range over expired rows, not a scan of the lab’s rows', async () => {
    const lab = await frozenLab();
    const plan = sqlOf(lab.store).all<{ detail: string }>(
      'EXPLAIN QUERY PLAN DELETE FROM refresh_tokens WHERE lab_id = ? AND expires_at <= ?',
      lab.labId,
      FROZEN_AT,
    );
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX refresh_tokens_lab_expiry \(lab_id=\? AND expires_at<\?\)/);
    // And it still removes exactly the expired rows.
    const jar = jarOf(await issueCredentials(lab.ctx(), refresh, lab.users.bob));
    lab.advance(lab.lab().settings.refreshTtlSeconds);
    expect(lab.store.refreshTokens.sweepExpired(lab.labId, lab.ctx().now)).toBe(1);
    expect(lab.store.refreshTokens.findByHash(lab.labId, hashOf(jar))).toBeUndefined();
  });
});
