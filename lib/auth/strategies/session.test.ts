import { verifyCounted } from '@/lib/auth/measured';
import { describe, expect, it } from 'vitest';
import { frozenLab, jarOf, FROZEN_AT } from '@/tests/support/frozen-lab';
import { logout, logoutEverywhere } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { hashSessionId, sessionStrategy } from './session';
import { issueCredentials } from '@/lib/auth/issue';
import { sqlOf } from '@/lib/db/testing';

const COOKIE = 'rl_session';

describe('session strategy', () => {
  it('stores only the hash of a 256-bit id and reads the row on every request (1 lookup)', async () => {
    const lab = await frozenLab();
    const writes = await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob);
    const id = writes[0]!.value;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = sqlOf(lab.store).all<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(rows).toEqual([{ id_hash: hashSessionId(id) }]);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jarOf(writes))).toMatchObject({ ok: true, lookups: 1, user: lab.users.bob });
  });

  it('idle timeout on the lab clock, extended by use, and an absolute timeout that use does not extend', async () => {
    const lab = await frozenLab({ sessionIdleSeconds: 100, sessionAbsoluteSeconds: 250 });
    const jar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.advance(99);
    expect((await verifyCounted(sessionStrategy, lab.ctx(), jar)).ok).toBe(true); // touched at +99
    lab.advance(99);
    expect((await verifyCounted(sessionStrategy, lab.ctx(), jar)).ok).toBe(true); // touched at +198
    lab.advance(52);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jar)).toMatchObject({ ok: false, reason: 'expired' }); // +250
    const idle = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.advance(100);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), idle)).toMatchObject({ ok: false, reason: 'idle-timeout' });
  });

  it('writes last_seen_at only when the second has changed: repeated requests within a second are reads only', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    // Rows changed by this connection so far: a write that stores the same value still counts.
    const writes = () => sqlOf(lab.store).get<{ n: number }>('SELECT total_changes() AS n')!.n;
    const lastSeen = () => sqlOf(lab.store).get<{ last_seen_at: number }>('SELECT last_seen_at FROM sessions')!.last_seen_at;
    const before = writes();
    expect((await verifyCounted(sessionStrategy, lab.ctx(), jar)).ok).toBe(true);
    expect((await verifyCounted(sessionStrategy, lab.ctx(), jar)).ok).toBe(true);
    expect(writes()).toBe(before);
    lab.advance(1); // itself a write (the lab row's clock offset)
    const afterAdvance = writes();
    expect((await verifyCounted(sessionStrategy, lab.ctx(), jar)).ok).toBe(true);
    expect(writes()).toBe(afterAdvance + 1);
    expect(lastSeen()).toBe(FROZEN_AT + 1);
  });

  it('logout deletes this session only; sign-out-everywhere deletes all of the user’s sessions and no one else’s', async () => {
    const lab = await frozenLab();
    const laptop = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    const phone = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    const tablet = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    const carol = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.carol));
    await logout(lab.ctx(), sessionStrategy, laptop);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), laptop)).toMatchObject({ ok: false, reason: 'unknown-session' });
    expect((await verifyCounted(sessionStrategy, lab.ctx(), tablet)).ok).toBe(true);
    await logoutEverywhere(lab.ctx(), sessionStrategy, phone);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), tablet)).toMatchObject({ ok: false, reason: 'unknown-session' });
    expect((await verifyCounted(sessionStrategy, lab.ctx(), carol)).ok).toBe(true);
  });

  it('password change, role change and ban delete the sessions: the id changes with the privilege', async () => {
    const lab = await frozenLab();
    const alice = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.alice));
    lab.store.transaction((tx) => {
      tx.users.setRole(lab.labId, lab.users.alice.id, 'user');
      broadcastUserEvent(tx, lab.ctx(), { ...lab.users.alice, role: 'user' }, 'role-change');
    });
    expect(await verifyCounted(sessionStrategy, lab.ctx(), alice)).toMatchObject({ ok: false, reason: 'unknown-session' });
    const again = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, { ...lab.users.alice, role: 'user' }));
    lab.store.transaction((tx) => broadcastUserEvent(tx, lab.ctx(), lab.users.alice, 'password-change'));
    expect((await verifyCounted(sessionStrategy, lab.ctx(), again)).ok).toBe(false);

    const bob = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.store.transaction((tx) => {
      tx.users.setBanned(lab.labId, lab.users.bob.id, true);
      broadcastUserEvent(tx, lab.ctx(), lab.users.bob, 'ban');
    });
    expect(await verifyCounted(sessionStrategy, lab.ctx(), bob)).toMatchObject({ ok: false, reason: 'unknown-session' });
  });

  it('a banned user’s surviving session row is refused as account-disabled and deleted', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.store.users.setBanned(lab.labId, lab.users.bob.id, true); // no broadcast: the row survives
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jar)).toMatchObject({ ok: false, reason: 'account-disabled' });
    expect(lab.store.sessions.countByUserId(lab.users.bob.id)).toBe(0);
  });

  it('an expired (absolute timeout) and an idle session row are deleted by the verify that refuses them', async () => {
    const lab = await frozenLab({ sessionIdleSeconds: 100, sessionAbsoluteSeconds: 250 });
    const rows = () => sqlOf(lab.store).get<{ n: number }>('SELECT count(*) AS n FROM sessions')!.n;
    const old = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    lab.advance(99);
    expect((await verifyCounted(sessionStrategy, lab.ctx(), old)).ok).toBe(true);
    lab.advance(99);
    expect((await verifyCounted(sessionStrategy, lab.ctx(), old)).ok).toBe(true);
    const idle = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.carol)); // at +198
    lab.advance(52); // +250: old reaches its absolute timeout, though used 52 s ago
    expect(rows()).toBe(2);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), old)).toMatchObject({ ok: false, reason: 'expired', storeStatements: { reads: 1, writes: 1 } });
    expect(lab.store.sessions.countByUserId(lab.users.bob.id)).toBe(0);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), old)).toMatchObject({ ok: false, reason: 'unknown-session' });
    lab.advance(48); // +298: carol's session has been idle 100 s
    expect(await verifyCounted(sessionStrategy, lab.ctx(), idle)).toMatchObject({ ok: false, reason: 'idle-timeout', storeStatements: { reads: 1, writes: 1 } });
    expect(lab.store.sessions.countByUserId(lab.users.carol.id)).toBe(0);
    expect(rows()).toBe(0);
    expect(await verifyCounted(sessionStrategy, lab.ctx(), idle)).toMatchObject({ ok: false, reason: 'unknown-session' });
  });

  it('a session id of one lab is unknown in another; junk costs no lookup', async () => {
    const lab = await frozenLab();
    const other = await frozenLab({}, lab.store);
    const jar = jarOf(await issueCredentials(lab.ctx(), sessionStrategy, lab.users.bob));
    expect(await verifyCounted(sessionStrategy, other.ctx(), jar)).toMatchObject({ ok: false, reason: 'unknown-session' });
    expect(await verifyCounted(sessionStrategy, lab.ctx(), jarOf([], { [COOKIE]: 'x'.repeat(44) }))).toEqual({
      ok: false,
      reason: 'malformed',
      lookups: 0,
      storeStatements: { reads: 0, writes: 0 },
    });
    expect(FROZEN_AT).toBe(lab.ctx().now);
  });
});
