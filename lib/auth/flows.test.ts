import { describe, expect, it } from 'vitest';
import { frozenLab, jarOf } from '@/tests/support/frozen-lab';
import { changePassword, login } from './flows';
import { hashPassword } from './passwords';
import { findStrategy } from './registry';
import type { Strategy } from './types';
import { issueCredentials } from '@/lib/auth/issue';
import { sqlOf } from '@/lib/db/testing';

/**
 * A revocation that commits while a login or password change is hashing
 * (~170 ms, seconds when queued) must win: the request started before it
 * must not issue a credential after it.
 */

const session = findStrategy('session')!;
const jwt = findStrategy('jwt')!;

async function labWithBobPassword(password: string) {
  const lab = await frozenLab();
  lab.store.users.setPassword(lab.labId, lab.users.bob.id, await hashPassword(password), null);
  return lab;
}

/** The strategy, with `sideEffect` run once the password hashing is under way (after the user row was read). */
function duringHashing(strategy: Strategy, sideEffect: () => void): Strategy {
  return {
    ...strategy,
    async verify(ctx, jar) {
      const result = await strategy.verify(ctx, jar);
      setTimeout(sideEffect, 0); // scrypt with the full parameters takes ~170 ms: this lands in the middle
      return result;
    },
  };
}

describe('login racing a revocation', () => {
  it('a password change committed while the old password was being verified: 401, no session row', async () => {
    const lab = await labWithBobPassword('the old passphrase');
    const newHash = await hashPassword('the new passphrase');
    const attempt = login(lab.ctx(), session, { username: 'bob', password: 'the old passphrase' });
    // login has read bob's row and is hashing now; the password changes under it.
    lab.store.users.setPassword(lab.labId, lab.users.bob.id, newHash, null);
    await expect(attempt).rejects.toMatchObject({ status: 401, reason: 'invalid-credentials' });
    expect(sqlOf(lab.store).get('SELECT count(*) AS n FROM sessions')).toEqual({ n: 0 });
  });

  it('a ban committed while the password was being verified: the same 401 as a wrong password', async () => {
    const lab = await labWithBobPassword('the old passphrase');
    const attempt = login(lab.ctx(), jwt, { username: 'bob', password: 'the old passphrase' });
    lab.store.users.setBanned(lab.labId, lab.users.bob.id, true);
    await expect(attempt).rejects.toMatchObject({ status: 401, reason: 'invalid-credentials' });
  });

  it('nothing changed meanwhile: the login succeeds', async () => {
    const lab = await labWithBobPassword('the old passphrase');
    await expect(login(lab.ctx(), session, { username: 'bob', password: 'the old passphrase' })).resolves.toMatchObject({
      user: { username: 'bob' },
    });
  });
});

describe('password change racing a revocation', () => {
  it('a ban committed while hashing: 403, the password is not changed', async () => {
    const lab = await labWithBobPassword('the old passphrase');
    const jar = jarOf(await issueCredentials(lab.ctx(), jwt, lab.users.bob));
    const before = lab.store.users.findById(lab.labId, lab.users.bob.id)!.password_hash;
    const racing = duringHashing(jwt, () => lab.store.users.setBanned(lab.labId, lab.users.bob.id, true));
    const attempt = changePassword(lab.ctx(), racing, jar, { currentPassword: 'the old passphrase', newPassword: 'mine now, all mine' });
    await expect(attempt).rejects.toMatchObject({ status: 403, reason: 'account-disabled' });
    expect(lab.store.users.findById(lab.labId, lab.users.bob.id)!.password_hash).toBe(before);
  });

  it('another password change committed while hashing: 401, that change stands', async () => {
    const lab = await labWithBobPassword('the old passphrase');
    const jar = jarOf(await issueCredentials(lab.ctx(), jwt, lab.users.bob));
    const theirs = await hashPassword('changed on the phone');
    const racing = duringHashing(jwt, () => lab.store.users.setPassword(lab.labId, lab.users.bob.id, theirs, null));
    const attempt = changePassword(lab.ctx(), racing, jar, { currentPassword: 'the old passphrase', newPassword: 'mine now, all mine' });
    await expect(attempt).rejects.toMatchObject({ status: 401, reason: 'invalid-credentials' });
    expect(lab.store.users.findById(lab.labId, lab.users.bob.id)!.password_hash).toBe(theirs);
  });
});
