import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';

describe('the core truths, through the HTTP API only', () => {
  it('after logout a copy of the jwt cookie still works and a copy of the session cookie does not', async () => {
    const lab = await newLab();
    for (const [strategy, expected] of [['jwt', 200], ['session', 401]] as const) {
      const victim = await loginAs(lab, strategy, 'bob');
      const stolen = victim.clone();
      expect((await victim.post(lab.api(`/${strategy}/logout`))).status).toBe(200);
      expect((await victim.get(lab.api(`/${strategy}/me`))).status).toBe(401); // the victim's own browser dropped it
      const replay = await stolen.get(lab.api(`/${strategy}/me`));
      expect(replay.status).toBe(expected);
      if (expected === 401) expect(replay.body.reason).toBe('unknown-session');
    }
  });

  it('/me reports 0 lookups for jwt and at least 1 for session', async () => {
    const lab = await newLab();
    const jwt = await (await loginAs(lab, 'jwt', 'bob')).get(lab.api('/jwt/me'));
    const session = await (await loginAs(lab, 'session', 'bob')).get(lab.api('/session/me'));
    expect(jwt.body.lookups).toBe(0);
    expect(session.body.lookups as number).toBeGreaterThanOrEqual(1);
  });

  it('after a password change a jwt copy still works, a session copy does not, and the old password no longer logs in', async () => {
    const lab = await newLab();
    const jwtCopy = (await loginAs(lab, 'jwt', 'bob')).clone();
    const sessionVictim = await loginAs(lab, 'session', 'bob');
    const sessionCopy = sessionVictim.clone();
    const change = await sessionVictim.post(lab.api('/session/password'), {
      currentPassword: lab.password('bob'),
      newPassword: 'a brand new passphrase',
    });
    expect(change.status).toBe(200);
    expect((await jwtCopy.get(lab.api('/jwt/me'))).status).toBe(200);
    expect((await sessionCopy.get(lab.api('/session/me'))).status).toBe(401);
    expect((await sessionVictim.get(lab.api('/session/me'))).status).toBe(200); // the device that changed it got a fresh session
    const old = await agent().post(lab.api('/session/login'), { username: 'bob', password: lab.password('bob') });
    expect(old.status).toBe(401);
    const fresh = await agent().post(lab.api('/jwt/login'), { username: 'bob', password: 'a brand new passphrase' });
    expect(fresh.status).toBe(200);
  });

  it('after a demotion the jwt copy still opens /admin and the session copy is ended (its id changes with its privilege)', async () => {
    const lab = await newLab();
    const jwtCopy = (await loginAs(lab, 'jwt', 'alice')).clone();
    const sessionCopy = (await loginAs(lab, 'session', 'alice')).clone();
    expect((await sessionCopy.get(lab.api('/session/admin'))).status).toBe(200);
    const demote = await agent().post(lab.api('/users/alice/role'), { role: 'user' });
    expect(demote.status).toBe(200);
    expect((await jwtCopy.get(lab.api('/jwt/admin'))).status).toBe(200);
    const denied = await sessionCopy.get(lab.api('/session/admin'));
    expect(denied.status).toBe(401);
    expect(denied.body.reason).toBe('unknown-session');
  });

  it('after a ban the jwt copy still works, the session copy does not, and a fresh login is refused', async () => {
    const lab = await newLab();
    const jwtCopy = (await loginAs(lab, 'jwt', 'bob')).clone();
    const sessionCopy = (await loginAs(lab, 'session', 'bob')).clone();
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    expect((await jwtCopy.get(lab.api('/jwt/me'))).status).toBe(200);
    expect((await sessionCopy.get(lab.api('/session/me'))).status).toBe(401);
    const relogin = await agent().post(lab.api('/jwt/login'), { username: 'bob', password: lab.password('bob') });
    // The same answer as a wrong password: a disabled account is no password oracle (issue 13.6).
    expect(relogin.status).toBe(401);
    expect(relogin.body.reason).toBe('invalid-credentials');
    expect((await agent().post(lab.api('/users/bob/unban'))).status).toBe(200);
    expect((await agent().post(lab.api('/jwt/login'), { username: 'bob', password: lab.password('bob') })).status).toBe(200);
  });

  it('key rotation logs out every jwt user of the lab and leaves session users alone', async () => {
    const lab = await newLab();
    const jwtUsers = await Promise.all(['alice', 'bob', 'carol'].map((u) => loginAs(lab, 'jwt', u)));
    const sessionUsers = await Promise.all(['alice', 'bob', 'carol'].map((u) => loginAs(lab, 'session', u)));
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    for (const a of jwtUsers) {
      const res = await a.get(lab.api('/jwt/me'));
      expect(res.status).toBe(401);
      expect(res.body.reason).toBe('bad-signature');
    }
    for (const a of sessionUsers) expect((await a.get(lab.api('/session/me'))).status).toBe(200);
  });

  it('a jwt works at +14 min and is expired at +16 min; with jwtTtlSeconds 60 a new one works at +30 s and not at +70 s', async () => {
    const lab = await newLab();
    const op = agent();
    const holder = await loginAs(lab, 'jwt', 'bob');
    await op.post(lab.api('/clock'), { advanceSeconds: 14 * 60 });
    expect((await holder.get(lab.api('/jwt/me'))).status).toBe(200);
    await op.post(lab.api('/clock'), { advanceSeconds: 2 * 60 });
    const expired = await holder.get(lab.api('/jwt/me'));
    expect(expired.status).toBe(401);
    expect(expired.body.reason).toBe('expired');

    const patched = await op.patch(lab.api('/settings'), { jwtTtlSeconds: 60 });
    expect(patched.status).toBe(200);
    const short = await loginAs(lab, 'jwt', 'bob');
    await op.post(lab.api('/clock'), { advanceSeconds: 30 });
    expect((await short.get(lab.api('/jwt/me'))).status).toBe(200);
    await op.post(lab.api('/clock'), { advanceSeconds: 40 });
    expect((await short.get(lab.api('/jwt/me'))).body.reason).toBe('expired');
  });

  it('a cookie from lab A is refused by lab B, and a jwt cookie is refused by the session endpoints', async () => {
    const [a, b] = await Promise.all([newLab(), newLab()]);
    const holder = await loginAs(a, 'jwt', 'bob');
    const token = holder.jar().find((c) => c.name === 'rl_jwt')!.value;
    const inB = await agent().request('GET', b.api('/jwt/me'), undefined, { cookie: `rl_jwt=${token}` });
    expect(inB.status).toBe(401);
    const asSession = await agent().request('GET', a.api('/session/me'), undefined, { cookie: `rl_session=${token}` });
    expect(asSession.status).toBe(401);
    expect(asSession.body.reason).toBe('malformed');
  });
});
