import { describe, expect, it } from 'vitest';
import { issueCredentials } from '@/lib/auth/issue';
import { verifyCounted } from '@/lib/auth/measured';
import { logout } from '@/lib/auth/flows';
import { broadcastUserEvent } from '@/lib/auth/user-events';
import { frozenLab, jarOf } from '@/tests/support/frozen-lab';
import type { UserEvent } from '@/lib/auth/types';
import { findPreset } from '@/lib/presets/registry';

const unchecked = () => findPreset('firebase-id-token')!.runnable;
const checked = () => findPreset('firebase-check-revoked')!.runnable;

describe('Firebase ID token presets', () => {
  it('verifyIdToken(token): no lookup, and nothing the server does ends the token before its hour', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), unchecked(), lab.users.bob));
    for (const event of ['logout-all', 'password-change', 'ban'] as UserEvent[]) {
      lab.store.transaction((tx) => broadcastUserEvent(tx, lab.ctx(), lab.users.bob, event));
    }
    lab.store.users.setBanned(lab.labId, lab.users.bob.id, true);
    expect(await verifyCounted(unchecked(), lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 0, credential: { expiresAt: lab.ctx().now + 3600 } });
    lab.advance(3600);
    expect(await verifyCounted(unchecked(), lab.ctx(), jar)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('verifyIdToken(token, true): one lookup; sign-out-everywhere, password change and ban refuse older tokens; a role change does not', async () => {
    const cases: [UserEvent, string | null][] = [
      ['logout-all', 'revoked'],
      ['password-change', 'revoked'],
      ['ban', 'revoked'],
      ['role-change', null],
    ];
    for (const [event, reason] of cases) {
      const lab = await frozenLab();
      const jar = jarOf(await issueCredentials(lab.ctx(), checked(), lab.users.bob));
      expect(await verifyCounted(checked(), lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 1 });
      lab.store.transaction((tx) => broadcastUserEvent(tx, lab.ctx(), lab.users.bob, event));
      const after = await verifyCounted(checked(), lab.ctx(), jar);
      expect(after.ok ? null : after.reason, event).toBe(reason);
      // A token issued after the event is good again.
      expect((await verifyCounted(checked(), lab.ctx(), jarOf(await issueCredentials(lab.ctx(), checked(), lab.users.bob)))).ok).toBe(true);
    }
  });

  it('a disabled user is refused as such, and a plain logout revokes nothing', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), checked(), lab.users.bob));
    const copy = new Map(jar);
    await logout(lab.ctx(), checked(), jar);
    expect((await verifyCounted(checked(), lab.ctx(), copy)).ok).toBe(true);
    lab.store.users.setBanned(lab.labId, lab.users.bob.id, true);
    expect(await verifyCounted(checked(), lab.ctx(), copy)).toMatchObject({ ok: false, reason: 'account-disabled' });
  });
});
