import { describe, expect, it } from 'vitest';
import { agent, loginAs, newLab } from './helpers';

/** Regressions found in review: each test fails if its fix is removed. */

describe('a banned user cannot mint fresh credentials', () => {
  // The strategies whose credential survives a ban: the one place a banned user could still reach /password.
  for (const strategy of ['jwt', 'iron-stateless', 'jwt-refresh']) {
    it(`${strategy}: a still-valid credential of a banned user cannot change the password (403, no cookie, nothing changed)`, async () => {
      const lab = await newLab();
      const bob = await loginAs(lab, strategy, 'bob');
      expect((await agent().post(lab.api('/users/bob/ban'))).status).toBe(200);
      expect((await bob.get(lab.api(`/${strategy}/me`))).status).toBe(200); // the lesson: the old credential still works

      const change = await bob.post(lab.api(`/${strategy}/password`), {
        currentPassword: lab.password('bob'),
        newPassword: 'a brand new passphrase',
      });
      expect(change.status).toBe(403);
      expect(change.body).toMatchObject({ error: 'forbidden', reason: 'account-disabled' });
      expect(change.headers.getSetCookie()).toEqual([]);

      // The password did not change: once unbanned, the old one still logs in.
      expect((await agent().post(lab.api('/users/bob/unban'))).status).toBe(200);
      const login = await agent().post(lab.api(`/${strategy}/login`), { username: 'bob', password: lab.password('bob') });
      expect(login.status).toBe(200);
    });
  }
});
