import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab, type TestLab } from './helpers';
import type { HttpAgent } from '@/lib/http-agent';

/** The cookie an agent holds, by name. */
const cookie = (a: HttpAgent, name: string) => a.jar().find((c) => c.name === name);

/**
 * Moves the lab clock to `secondsBefore` seconds before the credential's own
 * expiry, as the server reports it: real seconds tick between requests, so a
 * window is measured against the server's `now`, not a local count.
 */
async function advanceToBeforeExpiry(lab: TestLab, holder: HttpAgent, mePath: string, secondsBefore: number) {
  const me = await holder.get(lab.api(mePath));
  expect(me.status).toBe(200);
  const remaining = (me.body.expiresAt as number) - (me.body.now as number);
  if (remaining - secondsBefore > 0) await agent().post(lab.api('/clock'), { advanceSeconds: remaining - secondsBefore });
  return remaining;
}

const changePassword = (a: HttpAgent, lab: TestLab, strategy: string, user: string) =>
  a.post(lab.api(`/${strategy}/password`), { currentPassword: lab.password(user), newPassword: 'a brand new passphrase' });

describe('jwt-denylist, through HTTP', () => {
  it('logout blocks the stolen copy of that token (1 lookup per request)', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-denylist', 'bob');
    const stolen = victim.clone();
    expect((await stolen.get(lab.api('/jwt-denylist/me'))).body.lookups).toBe(1);
    expect((await victim.post(lab.api('/jwt-denylist/logout'))).status).toBe(200);
    const replay = await stolen.get(lab.api('/jwt-denylist/me'));
    expect(replay.status).toBe(401);
    expect(replay.body.reason).toBe('revoked');
  });

  it('sign-out-everywhere from the phone cannot find the laptop’s token: the stolen laptop copy still works', async () => {
    const lab = await newLab();
    const laptop = await loginAs(lab, 'jwt-denylist', 'bob');
    const phone = await loginAs(lab, 'jwt-denylist', 'bob');
    const stolen = laptop.clone();
    expect((await phone.post(lab.api('/jwt-denylist/logout-all'))).status).toBe(200);
    const phoneCopy = await phone.request('GET', lab.api('/jwt-denylist/me'));
    expect(phoneCopy.status).toBe(401); // the phone's own cookie was cleared
    const replay = await stolen.get(lab.api('/jwt-denylist/me'));
    expect(replay.status).toBe(200);
    expect(replay.body.user).toEqual({ username: 'bob', role: 'user' });
  });

  it('password change denylists the presented token and hands the device a new one', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-denylist', 'bob');
    const stolen = victim.clone();
    expect((await changePassword(victim, lab, 'jwt-denylist', 'bob')).status).toBe(200);
    expect((await stolen.get(lab.api('/jwt-denylist/me'))).body.reason).toBe('revoked');
    expect((await victim.get(lab.api('/jwt-denylist/me'))).status).toBe(200);
  });
});

describe('jwt-version, through HTTP', () => {
  it('a plain logout only clears the cookie: the stolen copy still works', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-version', 'bob');
    const stolen = victim.clone();
    await victim.post(lab.api('/jwt-version/logout'));
    const replay = await stolen.get(lab.api('/jwt-version/me'));
    expect(replay.status).toBe(200);
    expect(replay.body.lookups).toBe(1);
  });

  it('a password change bumps the version: the copy is revoked, the device that changed it gets a working token', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-version', 'bob');
    const stolen = victim.clone();
    expect((await changePassword(victim, lab, 'jwt-version', 'bob')).status).toBe(200);
    const replay = await stolen.get(lab.api('/jwt-version/me'));
    expect(replay.status).toBe(401);
    expect(replay.body.reason).toBe('revoked');
    expect((await victim.get(lab.api('/jwt-version/me'))).status).toBe(200);
  });

  it('a demotion bumps the version: the demoted admin’s copy no longer opens /admin', async () => {
    const lab = await newLab();
    const stolen = (await loginAs(lab, 'jwt-version', 'alice')).clone();
    expect((await stolen.get(lab.api('/jwt-version/admin'))).status).toBe(200);
    expect((await agent().post(lab.api('/users/alice/role'), { role: 'user' })).status).toBe(200);
    const denied = await stolen.get(lab.api('/jwt-version/admin'));
    expect(denied.status).toBe(401);
    expect(denied.body.reason).toBe('revoked');
  });

  it('a ban bumps the version, and sign-out-everywhere from the phone revokes the laptop’s copy', async () => {
    const lab = await newLab();
    const bobCopy = (await loginAs(lab, 'jwt-version', 'bob')).clone();
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    expect((await bobCopy.get(lab.api('/jwt-version/me'))).body.reason).toBe('revoked');

    const laptopCopy = (await loginAs(lab, 'jwt-version', 'carol')).clone();
    const phone = await loginAs(lab, 'jwt-version', 'carol');
    expect((await phone.post(lab.api('/jwt-version/logout-all'))).status).toBe(200);
    expect((await laptopCopy.get(lab.api('/jwt-version/me'))).body.reason).toBe('revoked');
  });
});

describe('jwt-refresh, through HTTP', () => {
  it('the refresh cookie is scoped to …/refresh; /me costs 0 lookups, a refresh ≥ 1 and rotates both cookies', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'jwt-refresh', 'bob');
    expect(cookie(a, 'rl_access')?.path).toBe(`/api/labs/${lab.labId}/jwt-refresh`);
    expect(cookie(a, 'rl_refresh')?.path).toBe(`/api/labs/${lab.labId}/jwt-refresh/refresh`);
    expect(a.cookieHeaderFor(lab.api('/jwt-refresh/me'))).not.toContain('rl_refresh');
    const me = await a.get(lab.api('/jwt-refresh/me'));
    expect(me.status).toBe(200);
    expect(me.body.lookups).toBe(0);
    const before = { access: cookie(a, 'rl_access')!.value, refresh: cookie(a, 'rl_refresh')!.value };
    const refreshed = await a.post(lab.api('/jwt-refresh/refresh'));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.lookups as number).toBeGreaterThanOrEqual(1);
    expect(refreshed.body.user).toEqual({ username: 'bob', role: 'user' });
    expect(cookie(a, 'rl_access')!.value).not.toBe(before.access);
    expect(cookie(a, 'rl_refresh')!.value).not.toBe(before.refresh);
    expect((await a.get(lab.api('/jwt-refresh/me'))).status).toBe(200);
  });

  it('a reused refresh token revokes its family: the thief is refused, and so is the holder of the newest token', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    expect((await victim.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
    const reuse = await thief.post(lab.api('/jwt-refresh/refresh'));
    expect(reuse.status).toBe(401);
    expect(reuse.body.reason).toBe('revoked');
    expect(cookie(thief, 'rl_refresh')).toBeUndefined(); // told to drop it
    const newest = await victim.post(lab.api('/jwt-refresh/refresh'));
    expect(newest.status).toBe(401);
    expect(newest.body.reason).toBe('revoked');
  });

  it('two simultaneous refreshes with one cookie: exactly one is answered with new tokens', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'jwt-refresh', 'bob');
    const b = a.clone();
    const answers = await Promise.all([a.post(lab.api('/jwt-refresh/refresh')), b.post(lab.api('/jwt-refresh/refresh'))]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(answers.find((r) => r.status === 401)!.body.reason).toBe('revoked');
  });

  it('after logout the stolen access token works until accessTtlSeconds on the lab clock; its refresh token is revoked', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const stolen = victim.clone();
    const logout = await victim.post(lab.api('/jwt-refresh/logout'));
    expect(logout.status).toBe(200);
    expect(victim.jar()).toHaveLength(0); // both cookies cleared, each on its own path
    expect((await stolen.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
    const remaining = await advanceToBeforeExpiry(lab, stolen, '/jwt-refresh/me', 2);
    expect(remaining).toBeGreaterThan(290);
    expect(remaining).toBeLessThanOrEqual(300);
    expect((await stolen.get(lab.api('/jwt-refresh/me'))).status).toBe(200);
    await agent().post(lab.api('/clock'), { advanceSeconds: 3 });
    const expired = await stolen.get(lab.api('/jwt-refresh/me'));
    expect(expired.status).toBe(401);
    expect(expired.body.reason).toBe('expired');
  });

  it('sign-out-everywhere revokes the laptop’s refresh token; with accessTtlSeconds 60 the window is a minute', async () => {
    const lab = await newLab();
    expect((await agent().patch(lab.api('/settings'), { accessTtlSeconds: 60 })).status).toBe(200);
    const laptop = await loginAs(lab, 'jwt-refresh', 'bob');
    const phone = await loginAs(lab, 'jwt-refresh', 'bob');
    const stolen = laptop.clone();
    expect((await phone.post(lab.api('/jwt-refresh/logout-all'))).status).toBe(200);
    expect((await stolen.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
    const remaining = await advanceToBeforeExpiry(lab, stolen, '/jwt-refresh/me', 2);
    expect(remaining).toBeLessThanOrEqual(60);
    expect((await stolen.get(lab.api('/jwt-refresh/me'))).status).toBe(200);
    await agent().post(lab.api('/clock'), { advanceSeconds: 3 });
    expect((await stolen.get(lab.api('/jwt-refresh/me'))).body.reason).toBe('expired');
  });

  it('a password change revokes the copy’s refresh token; the device that changed it gets a new login that refreshes', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const stolen = victim.clone();
    expect((await changePassword(victim, lab, 'jwt-refresh', 'bob')).status).toBe(200);
    expect((await stolen.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
    expect((await stolen.get(lab.api('/jwt-refresh/me'))).status).toBe(200); // the access token lives on
    expect((await victim.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
  });

  it('strategies without a refresh token answer 404 no-refresh; junk refresh cookies are refused with a reason', async () => {
    const lab = await newLab();
    for (const s of ['jwt', 'session', 'jwt-denylist', 'jwt-version', 'iron-stateless']) {
      const res = await agent().post(lab.api(`/${s}/refresh`));
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'not-found', reason: 'no-refresh', detail: expect.any(String) });
    }
    const none = await agent().post(lab.api('/jwt-refresh/refresh'));
    expect(none.status).toBe(401);
    expect(none.body.reason).toBe('no-credential');
    const junk = await agent().request('POST', lab.api('/jwt-refresh/refresh'), undefined, { cookie: `rl_refresh=${'x'.repeat(3000)}` });
    expect(junk.status).toBe(401);
    expect(junk.body.reason).toBe('malformed');
    const unknown = await agent().request('POST', lab.api('/jwt-refresh/refresh'), undefined, { cookie: `rl_refresh=${'A'.repeat(43)}` });
    expect(unknown.body.reason).toBe('unknown-session');
  });
});

describe('iron-stateless, through HTTP', () => {
  it('the sealed copy works after logout (0 lookups) and expires at jwtTtlSeconds on the lab clock', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'iron-stateless', 'bob');
    const stolen = victim.clone();
    expect(cookie(victim, 'rl_iron')!.value).toMatch(/^Fe26\.2\*/);
    await victim.post(lab.api('/iron-stateless/logout'));
    expect((await victim.get(lab.api('/iron-stateless/me'))).body.reason).toBe('no-credential');
    const replay = await stolen.get(lab.api('/iron-stateless/me'));
    expect(replay.status).toBe(200);
    expect(replay.body.lookups).toBe(0);
    const remaining = await advanceToBeforeExpiry(lab, stolen, '/iron-stateless/me', 2);
    expect(remaining).toBeGreaterThan(890);
    expect(remaining).toBeLessThanOrEqual(900);
    expect((await stolen.get(lab.api('/iron-stateless/me'))).status).toBe(200);
    await agent().post(lab.api('/clock'), { advanceSeconds: 3 });
    const expired = await stolen.get(lab.api('/iron-stateless/me'));
    expect(expired.status).toBe(401);
    expect(expired.body.reason).toBe('expired');
  });

  it('the sealed copy survives sign-out-everywhere, a password change and a ban', async () => {
    const lab = await newLab();
    const laptopCopy = (await loginAs(lab, 'iron-stateless', 'bob')).clone();
    const phone = await loginAs(lab, 'iron-stateless', 'bob');
    expect((await phone.post(lab.api('/iron-stateless/logout-all'))).status).toBe(200);
    const other = await loginAs(lab, 'iron-stateless', 'bob');
    expect((await changePassword(other, lab, 'iron-stateless', 'bob')).status).toBe(200);
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    const replay = await laptopCopy.get(lab.api('/iron-stateless/me'));
    expect(replay.status).toBe(200);
    expect(replay.body.user).toEqual({ username: 'bob', role: 'user' });
  });

  it('a demoted admin’s sealed copy still opens /admin; a tampered seal is refused as bad-signature', async () => {
    const lab = await newLab();
    const stolen = (await loginAs(lab, 'iron-stateless', 'alice')).clone();
    await agent().post(lab.api('/users/alice/role'), { role: 'user' });
    expect((await stolen.get(lab.api('/iron-stateless/admin'))).status).toBe(200);
    const seal = cookie(stolen, 'rl_iron')!.value;
    const parts = seal.split('*');
    parts[4] = (parts[4]![0] === 'A' ? 'B' : 'A') + parts[4]!.slice(1);
    const res = await agent().request('GET', lab.api('/iron-stateless/me'), undefined, { cookie: `rl_iron=${parts.join('*')}` });
    expect(res.status).toBe(401);
    expect(res.body.reason).toBe('bad-signature');
  });
});

describe('audience per strategy, through HTTP', () => {
  it('a cookie of one strategy is refused by every other one', async () => {
    const lab = await newLab();
    const jwt = cookie(await loginAs(lab, 'jwt', 'bob'), 'rl_jwt')!.value;
    const denylisted = cookie(await loginAs(lab, 'jwt-denylist', 'bob'), 'rl_jwt_denylist')!.value;
    const iron = cookie(await loginAs(lab, 'iron-stateless', 'bob'), 'rl_iron')!.value;
    const cases: [string, string, string][] = [
      ['jwt-denylist', 'rl_jwt_denylist', jwt],
      ['jwt-version', 'rl_jwt_version', jwt],
      ['jwt-refresh', 'rl_access', jwt],
      ['jwt-version', 'rl_jwt_version', denylisted],
      ['jwt', 'rl_jwt', denylisted],
      ['iron-stateless', 'rl_iron', jwt],
      ['jwt', 'rl_jwt', iron],
    ];
    for (const [strategy, name, value] of cases) {
      const res = await agent().request('GET', lab.api(`/${strategy}/me`), undefined, { cookie: `${name}=${value}` });
      expect(res.status, `${strategy} with ${value.slice(0, 12)}…`).toBe(401);
      expect(['bad-claims', 'malformed']).toContain(res.body.reason);
    }
  });
});
