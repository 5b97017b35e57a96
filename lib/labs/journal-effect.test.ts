import { describe, expect, it } from 'vitest';
import { journalEffect } from './journal-effect';

describe('journalEffect (what an entry did, from the server’s own answer)', () => {
  it('names the user a sign-out-everywhere or password change ended, from the answer', () => {
    expect(journalEffect('POST', ['jwt-version', 'logout-all'], 200, { user: { username: 'bob', role: 'user' } })).toEqual({ kind: 'logout-all', username: 'bob' });
    expect(journalEffect('POST', ['session', 'password'], 200, { user: { username: 'bob' } })).toEqual({ kind: 'password-change', username: 'bob' });
    expect(journalEffect('POST', ['session', 'login'], 200, { user: { username: 'carol' } })).toEqual({ kind: 'login', username: 'carol' });
  });
  it('reads operator actions from the path and the answer', () => {
    expect(journalEffect('POST', ['users', 'alice', 'role'], 200, { user: { username: 'alice', role: 'user' } })).toEqual({ kind: 'role', username: 'alice', role: 'user' });
    expect(journalEffect('POST', ['users', 'bob', 'ban'], 200, {})).toEqual({ kind: 'ban', username: 'bob' });
    expect(journalEffect('POST', ['keys', 'rotate'], 200, {})).toEqual({ kind: 'key-rotation' });
    expect(journalEffect('POST', ['clock'], 200, { now: 100 })).toEqual({ kind: 'clock', now: 100 });
    expect(journalEffect('PATCH', ['settings'], 200, { keyRotated: true })).toEqual({ kind: 'settings', keyRotated: true });
  });
  it('reads the attacker store’s moves', () => {
    expect(journalEffect('POST', ['jwt', 'steal'], 201, { copyId: 3, strategy: 'jwt' })).toEqual({ kind: 'steal', copyId: 3, strategy: 'jwt' });
    expect(journalEffect('POST', ['session', 'steal'], 201, { copyId: 5, strategy: 'session', username: 'bob' })).toEqual({
      kind: 'steal',
      copyId: 5,
      strategy: 'session',
      username: 'bob',
    });
    expect(journalEffect('POST', ['jwt-refresh', 'refresh', 'steal'], 201, { copyId: 4, strategy: 'jwt-refresh' })).toEqual({ kind: 'steal', copyId: 4, strategy: 'jwt-refresh' });
    expect(
      journalEffect('POST', ['replay'], 200, { endpoint: 'me', status: 401, body: { reason: 'revoked' }, copy: { copyId: 1, strategy: 'jwt-version' } }),
    ).toEqual({ kind: 'replay', copyId: 1, strategy: 'jwt-version', endpoint: 'me', status: 401, reason: 'revoked' });
    expect(journalEffect('POST', ['copies', 'clear'], 200, { cleared: 1 })).toEqual({ kind: 'clear' });
    expect(journalEffect('DELETE', ['copies'], 200, { cleared: 1 })).toEqual({ kind: 'clear' });
  });
  it('a refused request, a read, or an answer without the user did nothing that can be named', () => {
    expect(journalEffect('POST', ['jwt', 'logout-all'], 401, { reason: 'expired' })).toBeNull();
    expect(journalEffect('GET', ['jwt', 'me'], 200, { user: { username: 'bob' } })).toBeNull();
    expect(journalEffect('POST', ['jwt', 'logout-all'], 200, {})).toBeNull();
    expect(journalEffect('POST', ['users', 'bob', 'role'], 404, { reason: 'unknown-user' })).toBeNull();
  });
});
