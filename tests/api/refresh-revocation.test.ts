import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';
import type { HttpAgent } from '@/lib/http-agent';
import { MAX_REFRESHES_PER_WINDOW, REFRESH_WINDOW_MS } from '@/lib/auth/strategies/jwt-refresh';

const cookie = (a: HttpAgent, name: string) => a.jar().find((c) => c.name === name);

describe('jwt-refresh logout always revokes the refresh family (issue 13.3)', () => {
  it('the revoke cookie is HttpOnly-scoped to …/logout only: never sent to /me or /refresh', async () => {
    const lab = await newLab();
    const a = await loginAs(lab, 'jwt-refresh', 'bob');
    expect(cookie(a, 'rl_refresh_revoke')?.path).toBe(`/api/labs/${lab.labId}/jwt-refresh/logout`);
    expect(a.cookieHeaderFor(lab.api('/jwt-refresh/logout'))).toContain('rl_refresh_revoke=');
    expect(a.cookieHeaderFor(lab.api('/jwt-refresh/logout'))).not.toContain('rl_refresh=');
    expect(a.cookieHeaderFor(lab.api('/jwt-refresh/me'))).not.toContain('rl_refresh');
    expect(a.cookieHeaderFor(lab.api('/jwt-refresh/refresh'))).not.toContain('rl_refresh_revoke');
  });

  it('after a key rotation, logout still revokes: the stolen refresh cookie is refused', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    // The access token no longer verifies: the victim's logout cannot read its family claim.
    expect((await victim.get(lab.api('/jwt-refresh/me'))).body.reason).toBe('bad-signature');
    const out = await victim.post(lab.api('/jwt-refresh/logout'));
    expect(out.status).toBe(200);
    const stolen = await thief.post(lab.api('/jwt-refresh/refresh'));
    expect(stolen.status).toBe(401);
    expect(stolen.body.reason).toBe('revoked');
  });

  it('after an algorithm change (which replaces the key), logout still revokes', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    expect((await agent().patch(lab.api('/settings'), { jwtAlg: 'ES256' })).status).toBe(200);
    expect((await victim.post(lab.api('/jwt-refresh/logout'))).status).toBe(200);
    expect((await thief.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
  });

  it('logout from a browser that holds only the refresh cookies (no access cookie) revokes the family', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    const onlyRefresh = agent();
    for (const c of victim.jar()) if (c.name !== 'rl_access') onlyRefresh.setCookie({ ...c });
    expect(onlyRefresh.cookieHeaderFor(lab.api('/jwt-refresh/me'))).toBe('');
    const out = await onlyRefresh.post(lab.api('/jwt-refresh/logout'));
    expect(out.status).toBe(200);
    expect(out.body.wasAuthenticated).toBe(false);
    expect((await thief.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
    // Logout clears the revoke cookie on its own path too.
    expect(cookie(onlyRefresh, 'rl_refresh_revoke')).toBeUndefined();
  });

  it('a stolen refresh cookie keeps working when nobody logs out (the tests above would pass for nothing otherwise)', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    expect((await thief.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
  });

  it('sign-out-everywhere after a key rotation answers 401 (claims nothing); once refreshed, it revokes the stolen copy', async () => {
    const lab = await newLab();
    const laptop = await loginAs(lab, 'jwt-refresh', 'bob');
    const phone = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = laptop.clone();
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    const stale = await phone.post(lab.api('/jwt-refresh/logout-all'));
    expect(stale.status).toBe(401);
    expect((await phone.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
    expect((await phone.post(lab.api('/jwt-refresh/logout-all'))).status).toBe(200);
    expect((await thief.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
  });

  it('a ban after a key rotation revokes the stolen refresh cookie', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-refresh', 'bob');
    const thief = victim.clone();
    expect((await agent().post(lab.api('/keys/rotate'))).status).toBe(200);
    expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
    expect((await thief.post(lab.api('/jwt-refresh/refresh'))).body.reason).toBe('revoked');
  });
});

describe('jwt-refresh refreshes are rate-limited per login (issue 13.4)', () => {
  it(`after ${MAX_REFRESHES_PER_WINDOW} refreshes in a window: 429 { error, reason } with Retry-After, cookies kept; another login is unaffected`, async () => {
    const lab = await newLab();
    const looping = await loginAs(lab, 'jwt-refresh', 'bob');
    const otherDevice = await loginAs(lab, 'jwt-refresh', 'bob');
    for (let i = 0; i < MAX_REFRESHES_PER_WINDOW; i++) {
      const res = await looping.post(lab.api('/jwt-refresh/refresh'));
      if (res.status !== 200) throw new Error(`refresh ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const before = cookie(looping, 'rl_refresh')!.value;
    const limited = await looping.post(lab.api('/jwt-refresh/refresh'));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'too-many-requests', reason: 'too-many-refreshes' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(REFRESH_WINDOW_MS / 1000);
    expect(cookie(looping, 'rl_refresh')?.value).toBe(before);
    // Moving the lab clock does not lift it.
    expect((await agent().post(lab.api('/clock'), { advanceSeconds: 3600 })).status).toBe(200);
    expect((await looping.post(lab.api('/jwt-refresh/refresh'))).status).toBe(429);
    expect((await otherDevice.post(lab.api('/jwt-refresh/refresh'))).status).toBe(200);
  });
});
