import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../labs/journal';
import type { JournalEffect } from '../labs/journal-effect';
import { computeMissionResults } from './progress';

/**
 * The mission checks over synthetic journals: each scenario is first shown to
 * solve its mission, then each condition is taken away to show it fails.
 */
function journal() {
  const entries: JournalEntry[] = [];
  const add = (e: Partial<JournalEntry> & { effect?: JournalEffect | null }) => {
    const seq = entries.length + 1;
    entries.push({
      seq,
      actor: null,
      method: 'POST',
      path: '/api/labs/L/x',
      strategy: null,
      status: 200,
      reason: null,
      lookups: null,
      labAt: 1000 + seq,
      at: 1_700_000_000_000 + seq * 1000,
      credential: null,
      username: null,
      effect: null,
      ...e,
    });
    return api;
  };
  const api = {
    entries,
    steal: (copyId: number, strategy: string, credential: string, username = 'bob') =>
      add({ strategy, credential, status: 201, effect: { kind: 'steal', copyId, strategy, username } }),
    replay: (copyId: number, strategy: string, status: number, endpoint = 'me', reason: string | null = status === 401 ? 'revoked' : null) =>
      add({ effect: { kind: 'replay', copyId, strategy, endpoint, status, reason } }),
    logout: (strategy: string, credential: string, status = 200) =>
      add({ strategy, credential, status, effect: status === 200 ? { kind: 'logout' } : null }),
    logoutAll: (strategy: string, credential: string, username = 'bob') =>
      add({ strategy, credential, effect: { kind: 'logout-all', username } }),
    role: (username: string, role: string) => add({ effect: { kind: 'role', username, role } }),
    ban: (username: string) => add({ effect: { kind: 'ban', username } }),
    password: (strategy: string, credential: string, username = 'bob') =>
      add({ strategy, credential, effect: { kind: 'password-change', username } }),
    rotate: () => add({ effect: { kind: 'key-rotation' } }),
    clock: (now: number) => add({ effect: { kind: 'clock', now } }),
    clear: () => add({ effect: { kind: 'clear' } }),
    login: (strategy: string, credential: string | null = null) => add({ strategy, credential, effect: { kind: 'login', username: 'bob' } }),
    me: (strategy: string, credential: string, status: number, lookups = 0, actor: string | null = 'panel-1') =>
      add({ method: 'GET', path: `/api/labs/L/${strategy}/me`, strategy, credential, status, lookups, actor, username: status === 200 ? 'bob' : null }),
  };
  return api;
}

const statusOf = (j: ReturnType<typeof journal>, mission: string) => computeMissionResults(j.entries)[mission]!;

describe('stolen-jwt-survives-logout', () => {
  const M = 'stolen-jwt-survives-logout';
  const solved = () =>
    journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').logout('jwt', 'J').logout('session', 'S').replay(1, 'jwt', 200).replay(2, 'session', 401);

  it('is solved by a jwt copy answered 200 and a session copy answered 401 after their own logouts', () => {
    expect(statusOf(solved(), M)).toMatchObject({ status: 'solved', measured: 'works' });
  });
  it('not without a logout before the replays (the same replays before the revoking action)', () => {
    const j = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').replay(1, 'jwt', 200).replay(2, 'session', 401).logout('jwt', 'J').logout('session', 'S');
    expect(statusOf(j, M).status).toBe('attempted');
  });
  it('not when the logout presented another credential than the copy', () => {
    const j = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').logout('jwt', 'OTHER').logout('session', 'S').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(j, M).status).not.toBe('solved');
  });
  it('not when the logout was refused', () => {
    const j = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').logout('jwt', 'J', 401).logout('session', 'S').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(j, M).status).not.toBe('solved');
  });
  it('not when the jwt replay was refused, nor without the session half', () => {
    const refused = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').logout('jwt', 'J').logout('session', 'S').replay(1, 'jwt', 401).replay(2, 'session', 401);
    expect(statusOf(refused, M)).toMatchObject({ status: 'attempted', measured: 'blocked' });
    const half = journal().steal(1, 'jwt', 'J').logout('jwt', 'J').replay(1, 'jwt', 200);
    expect(statusOf(half, M).status).toBe('attempted');
  });
  it('forgets copies cleared away: a replay after a clear names a new copy', () => {
    const j = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').logout('jwt', 'J').logout('session', 'S').clear().replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(j, M).status).not.toBe('solved');
  });
  it('not started on an empty journal', () => {
    expect(statusOf(journal(), M)).toMatchObject({ status: 'not-started', attemptedAt: null, measured: null });
  });
});

describe('the contrast missions (one copy survives, another dies)', () => {
  it('sign-out-everywhere: from another device of the same user, the refused copy seen working just before', () => {
    const M = 'sign-out-everywhere';
    const ok = journal()
      .steal(1, 'jwt', 'J1').login('jwt').logoutAll('jwt', 'J2').replay(1, 'jwt', 200)
      .steal(2, 'jwt-version', 'V1').login('jwt-version').replay(2, 'jwt-version', 200).logoutAll('jwt-version', 'V2').replay(2, 'jwt-version', 401);
    expect(statusOf(ok, M)).toMatchObject({ status: 'solved', measured: 'works' });
    // Killed by the phone's login itself (not seen working after it): not the sign-out's doing.
    const killedByLogin = journal()
      .steal(1, 'jwt', 'J1').login('jwt').logoutAll('jwt', 'J2').replay(1, 'jwt', 200)
      .steal(2, 'session', 'S1').replay(2, 'session', 200).login('session').logoutAll('session', 'S2').replay(2, 'session', 401);
    expect(statusOf(killedByLogin, M).status).toBe('attempted');
    // From the copied device itself: that is a logout of the copy, not "everywhere from the phone".
    const sameDevice = journal()
      .steal(1, 'jwt', 'J1').logoutAll('jwt', 'J1').replay(1, 'jwt', 200)
      .steal(2, 'jwt-version', 'V1').replay(2, 'jwt-version', 200).logoutAll('jwt-version', 'V1').replay(2, 'jwt-version', 401);
    expect(statusOf(sameDevice, M).status).not.toBe('solved');
    // Another user's sign-out-everywhere does not concern bob's copy.
    const otherUser = journal()
      .steal(1, 'jwt', 'J1').logoutAll('jwt', 'J2', 'carol').replay(1, 'jwt', 200)
      .steal(2, 'jwt-version', 'V1').replay(2, 'jwt-version', 200).logoutAll('jwt-version', 'V2').replay(2, 'jwt-version', 401);
    expect(statusOf(otherUser, M).status).not.toBe('solved');
    // Both outcomes are needed.
    const onlySurvived = journal().steal(1, 'jwt', 'J1').logoutAll('jwt', 'J2').replay(1, 'jwt', 200);
    expect(statusOf(onlySurvived, M).status).toBe('attempted');
  });
  it('demote-admin: replays on /admin after the demotion of the copy’s user', () => {
    const M = 'demote-admin';
    const ok = journal().steal(1, 'jwt', 'J', 'alice').steal(2, 'session', 'S', 'alice').role('alice', 'user').replay(1, 'jwt', 200, 'admin').replay(2, 'session', 403, 'admin');
    expect(statusOf(ok, M)).toMatchObject({ status: 'solved', measured: 'works' });
    const onMe = journal().steal(1, 'jwt', 'J', 'alice').steal(2, 'session', 'S', 'alice').role('alice', 'user').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(onMe, M).status).not.toBe('solved');
    const promotion = journal().steal(1, 'jwt', 'J', 'alice').steal(2, 'session', 'S', 'alice').role('alice', 'admin').replay(1, 'jwt', 200, 'admin').replay(2, 'session', 403, 'admin');
    expect(statusOf(promotion, M).status).toBe('not-started');
  });
  it('password-change and ban: the action must name the copy’s user and come first', () => {
    const pw = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').password('jwt', 'J').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(pw, 'password-change').status).toBe('solved');
    const pwLate = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').replay(1, 'jwt', 200).replay(2, 'session', 401).password('jwt', 'J');
    expect(statusOf(pwLate, 'password-change').status).toBe('attempted');
    const ban = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').ban('bob').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(ban, 'ban').status).toBe('solved');
    const banOther = journal().steal(1, 'jwt', 'J').steal(2, 'session', 'S').ban('carol').replay(1, 'jwt', 200).replay(2, 'session', 401);
    expect(statusOf(banOther, 'ban').status).toBe('not-started');
  });
});

describe('key-rotation', () => {
  const M = 'key-rotation';
  it('is solved when the copy is refused and an innocent credential accepted before is refused after', () => {
    const j = journal().steal(1, 'jwt', 'J').me('jwt', 'C', 200).rotate().replay(1, 'jwt', 401).me('jwt', 'C', 401);
    expect(statusOf(j, M)).toMatchObject({ status: 'solved', measured: 'attacker-and-others' });
  });
  it('not without the collateral, nor when the only refused credential is the copy itself', () => {
    const noCollateral = journal().steal(1, 'jwt', 'J').me('session', 'C', 200).rotate().replay(1, 'jwt', 401).me('session', 'C', 200);
    expect(statusOf(noCollateral, M)).toMatchObject({ status: 'attempted', measured: 'only-attacker' });
    const victimOnly = journal().me('jwt', 'J', 200).steal(1, 'jwt', 'J').rotate().replay(1, 'jwt', 401).me('jwt', 'J', 401);
    expect(statusOf(victimOnly, M).status).toBe('attempted');
  });
});

describe('expiry', () => {
  const M = 'expiry';
  it('is solved by the same copy accepted, the clock moved, then refused as expired', () => {
    const j = journal().steal(1, 'jwt', 'J').replay(1, 'jwt', 200).clock(2000).replay(1, 'jwt', 401, 'me', 'expired');
    expect(statusOf(j, M)).toMatchObject({ status: 'solved', measured: 'until-expiry' });
  });
  it('not when refused for another reason, or never accepted first, or without a clock move', () => {
    expect(statusOf(journal().steal(1, 'jwt', 'J').replay(1, 'jwt', 200).clock(2000).replay(1, 'jwt', 401, 'me', 'revoked'), M).status).toBe('attempted');
    expect(statusOf(journal().steal(1, 'jwt', 'J').clock(2000).replay(1, 'jwt', 401, 'me', 'expired'), M).status).toBe('attempted');
    expect(statusOf(journal().steal(1, 'jwt', 'J').replay(1, 'jwt', 200).replay(1, 'jwt', 401, 'me', 'expired'), M).status).toBe('not-started');
  });
});

describe('find-the-strategy', () => {
  const M = 'find-the-strategy';
  it('is solved by a JWT strategy refusing the copy after another device signed out everywhere, and its lookup cost seen', () => {
    const j = journal().steal(1, 'jwt-version', 'V1').login('jwt-version').replay(1, 'jwt-version', 200).logoutAll('jwt-version', 'V2').replay(1, 'jwt-version', 401).me('jwt-version', 'V3', 200, 1);
    expect(statusOf(j, M)).toMatchObject({ status: 'solved', measured: 'jwt-version' });
    // jwt-denylist: the phone's login denylisted the laptop's token; the copy was dead before the sign-out.
    const denylist = journal().steal(1, 'jwt-denylist', 'D1').replay(1, 'jwt-denylist', 200).login('jwt-denylist').logoutAll('jwt-denylist', 'D2').replay(1, 'jwt-denylist', 401).me('jwt-denylist', 'D3', 200, 1);
    expect(statusOf(denylist, M)).toMatchObject({ status: 'attempted', measured: null });
  });
  it('not by session (not a JWT strategy), nor without the cost seen, nor when the copy survived', () => {
    expect(statusOf(journal().steal(1, 'session', 'S1').logoutAll('session', 'S2').replay(1, 'session', 401).me('session', 'S3', 200, 1), M).status).toBe('not-started');
    expect(statusOf(journal().steal(1, 'jwt-version', 'V1').replay(1, 'jwt-version', 200).logoutAll('jwt-version', 'V2').replay(1, 'jwt-version', 401).me('jwt-version', 'V3', 200, 0), M)).toMatchObject({
      status: 'attempted',
      measured: 'jwt-version',
    });
    expect(statusOf(journal().steal(1, 'jwt-denylist', 'D1').logoutAll('jwt-denylist', 'D2').replay(1, 'jwt-denylist', 200).me('jwt-denylist', 'D3', 200, 1), M).status).toBe('attempted');
  });
});
