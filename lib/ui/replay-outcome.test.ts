import { describe, expect, it } from 'vitest';
import { classifyReplay, cookiesAfterReplay, innerAnswer } from './replay-outcome';

const wrap = (status: number, body: Record<string, unknown> = {}, path = '/api/labs/x/jwt/me') => ({
  status: 200,
  body: { status, body, request: { method: 'GET', path } },
});

describe('classifyReplay', () => {
  it('a 2xx inner answer: the copy works', () => {
    expect(classifyReplay('me', wrap(200, { user: { username: 'bob' } }))).toEqual({ kind: 'works', status: 200, reason: null });
    expect(classifyReplay('refresh', wrap(200, {}))).toMatchObject({ kind: 'works' });
  });

  it('an inner 401 is the only refusal: blocked, with its reason', () => {
    expect(classifyReplay('me', wrap(401, { reason: 'revoked' }))).toEqual({ kind: 'blocked', status: 401, reason: 'revoked' });
    expect(classifyReplay('admin', wrap(401, {}))).toEqual({ kind: 'blocked', status: 401, reason: null });
  });

  it('an inner 403 not-admin from /admin: the copy is accepted, just not as an admin', () => {
    expect(classifyReplay('admin', wrap(403, { reason: 'not-admin' }))).toEqual({ kind: 'not-admin', status: 403, reason: 'not-admin' });
  });

  it('any other inner status is an error (never blocked), with the status and reason', () => {
    expect(classifyReplay('admin', wrap(403, { reason: 'account-disabled' }))).toEqual({ kind: 'error', source: 'inner', status: 403, reason: 'account-disabled' });
    expect(classifyReplay('me', wrap(403, { reason: 'not-admin' }))).toMatchObject({ kind: 'error', status: 403 });
    expect(classifyReplay('refresh', wrap(404, { reason: 'no-refresh' }))).toMatchObject({ kind: 'error', status: 404, reason: 'no-refresh' });
    expect(classifyReplay('me', wrap(500, {}))).toEqual({ kind: 'error', source: 'inner', status: 500, reason: 'http-500' });
    expect(classifyReplay('me', wrap(503, { reason: 'database-busy' }))).toMatchObject({ kind: 'error', status: 503 });
  });

  it('a failure of the replay endpoint itself is an error, never blocked', () => {
    for (const [status, reason] of [
      [400, 'invalid-body'],
      [404, 'unknown-lab'],
      [429, 'too-many-requests'],
      [503, 'database-busy'],
      [403, 'cross-origin-request'],
    ] as const) {
      expect(classifyReplay('me', { status, body: { error: 'x', reason } })).toEqual({ kind: 'error', source: 'endpoint', status, reason });
    }
    expect(classifyReplay('me', { status: 0, body: { error: 'network', reason: 'network-error' } })).toEqual({
      kind: 'error',
      source: 'endpoint',
      status: 0,
      reason: 'network-error',
    });
    expect(classifyReplay('me', { status: 0, body: {} })).toMatchObject({ kind: 'error', status: 0, reason: 'network-error' });
    expect(classifyReplay('me', { status: 502, body: {} })).toMatchObject({ kind: 'error', status: 502, reason: 'http-502' });
  });

  it('a 200 from the replay endpoint without the promised shape is an error', () => {
    expect(classifyReplay('me', { status: 200, body: {} })).toMatchObject({ kind: 'error', source: 'endpoint', status: 200, reason: 'unexpected-answer' });
    expect(classifyReplay('me', { status: 200, body: { status: '401', body: {}, request: { method: 'GET', path: '/' } } })).toMatchObject({ kind: 'error' });
    expect(innerAnswer(200, { status: 401, body: [], request: { method: 'GET', path: '/' } })).toBeNull();
  });
});

describe('cookiesAfterReplay', () => {
  it('takes the rotated copy from a replay answer', () => {
    const cookies = [{ name: 'rl_access', value: 'a.b.c' }, { name: 'rl_refresh', value: 'new' }];
    expect(cookiesAfterReplay(200, { ...wrap(200).body, cookies })).toEqual(cookies);
  });
  it('keeps the copy (null) when the answer has no well-formed cookies', () => {
    expect(cookiesAfterReplay(200, wrap(200).body)).toBeNull();
    expect(cookiesAfterReplay(429, { cookies: [{ name: 'a', value: 'b' }] })).toBeNull();
    expect(cookiesAfterReplay(200, { cookies: [] })).toBeNull();
    expect(cookiesAfterReplay(200, { cookies: [{ name: 'a', value: 'b;c' }] })).toBeNull();
    expect(cookiesAfterReplay(200, { cookies: [{ name: 'a' }] })).toBeNull();
  });
});
