import { describe, expect, it } from 'vitest';
import { errorAnswer, shownVerdict, VERDICT_LOOK } from './verdict-look';

describe('shownVerdict', () => {
  it('keeps the known verdicts', () => {
    for (const v of ['blocked', 'works-until-expiry', 'not-applicable', 'error'] as const) expect(shownVerdict(v)).toBe(v);
  });
  it('shows anything unknown as an error (never blocked, never a crash)', () => {
    for (const v of ['surprise', '', undefined, null, 42, 'BLOCKED']) {
      expect(shownVerdict(v)).toBe('error');
      expect(VERDICT_LOOK[shownVerdict(v)]).toEqual({ symbol: '!', className: 'look-error' });
    }
  });
  it('gives error its own symbol, distinct from every other verdict', () => {
    const symbols = Object.values(VERDICT_LOOK).map((l) => l.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});

describe('VERDICT_LOOK speaks the one colour language', () => {
  it('a copy that still works is danger, a blocked one defended', () => {
    expect(VERDICT_LOOK['works-until-expiry'].className).toBe('look-danger');
    expect(VERDICT_LOOK.blocked.className).toBe('look-defended');
  });
});

describe('errorAnswer', () => {
  const req = (status: number, reason: string | null) => ({ kind: 'request', status, reason });
  it('finds the answer no verdict can come from', () => {
    const trace = [req(200, null), { kind: 'copy' }, req(401, 'revoked'), req(403, 'not-admin'), req(429, 'too-many-requests'), req(503, 'database-busy')];
    expect(errorAnswer({ trace, refusedWith: null })).toEqual({ status: 429, reason: 'too-many-requests' });
  });
  it('a 403 other than not-admin counts as uninterpretable', () => {
    expect(errorAnswer({ trace: [req(403, 'cross-site-request')] })).toEqual({ status: 403, reason: 'cross-site-request' });
  });
  it('falls back to refusedWith, then to null', () => {
    expect(errorAnswer({ trace: [req(200, null)], refusedWith: { status: 500, reason: 'unexpected' } })).toEqual({ status: 500, reason: 'unexpected' });
    expect(errorAnswer({ trace: [], refusedWith: null })).toBeNull();
    expect(errorAnswer({})).toBeNull();
  });
});
