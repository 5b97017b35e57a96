import { hkdfSync } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueCredentials } from '@/lib/auth/issue';
import { verifyCounted } from '@/lib/auth/measured';
import { logout } from '@/lib/auth/flows';
import { frozenLab, jarOf } from '@/tests/support/frozen-lab';
import type { CookieJar } from '@/lib/auth/types';
import { findPreset } from '@/lib/presets/registry';
import { AUTHJS_COOKIE, authjsEncryptionKey } from './authjs-jwt';

const DAY = 86_400;
const authjs = () => findPreset('authjs-jwt')!.runnable;

describe('authjs-jwt (the Auth.js default preset)', () => {
  it('derives its key as @auth/core does: HKDF-SHA256, salt = cookie name, info "Auth.js Generated Encryption Key (<salt>)", 64 bytes', () => {
    const secret = Buffer.from('a secret only for this test, 32+ bytes long');
    const key = authjsEncryptionKey(secret, AUTHJS_COOKIE);
    expect(key.byteLength).toBe(64);
    expect(Buffer.from(key)).toEqual(Buffer.from(hkdfSync('sha256', secret, 'authjs.session-token', 'Auth.js Generated Encryption Key (authjs.session-token)', 64)));
  });

  it('is a JWE with dir and A256CBC-HS512 that lives 30 days', async () => {
    const lab = await frozenLab();
    const jar = jarOf(await issueCredentials(lab.ctx(), authjs(), lab.users.bob));
    const header = decodeProtectedHeader(jar.get(AUTHJS_COOKIE)!);
    expect(header).toMatchObject({ alg: 'dir', enc: 'A256CBC-HS512' });
    expect(await verifyCounted(authjs(), lab.ctx(), jar)).toMatchObject({ ok: true, lookups: 0, credential: { expiresAt: lab.ctx().now + 30 * DAY } });
  });

  it('every read re-issues it with exp = now + 30 days; a copy replayed as stolen ends at its own exp, a copy kept in use never does', async () => {
    const lab = await frozenLab();
    const issuedAt = lab.ctx().now;
    const victim = jarOf(await issueCredentials(lab.ctx(), authjs(), lab.users.bob));
    const frozenCopy: CookieJar = new Map(victim);
    let usedCopy: CookieJar = new Map(victim);
    await logout(lab.ctx(), authjs(), victim); // signOut(): the cookie goes, nothing else
    for (let day = 1; day <= 40; day++) {
      lab.advance(DAY - 1);
      const read = await verifyCounted(authjs(), lab.ctx(), usedCopy);
      expect(read.ok, `day ${day}`).toBe(true);
      if (!read.ok) return;
      expect(read.renew?.[0]?.name).toBe(AUTHJS_COOKIE);
      // The re-issued token is pushed 30 days past this read.
      const next: CookieJar = new Map([[AUTHJS_COOKIE, read.renew![0]!.value]]);
      expect(await verifyCounted(authjs(), lab.ctx(), next)).toMatchObject({ ok: true, credential: { expiresAt: lab.ctx().now + 30 * DAY } });
      usedCopy = next;
      lab.advance(1);
    }
    // 40 days on: the copy that was kept in use still works; the one replayed as stolen died at 30 days.
    expect((await verifyCounted(authjs(), lab.ctx(), usedCopy)).ok).toBe(true);
    expect(await verifyCounted(authjs(), lab.ctx(), frozenCopy)).toMatchObject({ ok: false, reason: 'expired' });
    expect(lab.ctx().now - issuedAt).toBe(40 * DAY);
  });

  it('refuses a token under another lab’s secret, and junk, with reasons', async () => {
    const a = await frozenLab();
    const b = await frozenLab();
    const jar = jarOf(await issueCredentials(a.ctx(), authjs(), a.users.bob));
    expect(await verifyCounted(authjs(), b.ctx(), jar)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await verifyCounted(authjs(), a.ctx(), new Map([[AUTHJS_COOKIE, 'x.y.z']]))).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
