import { describe, expect, it } from 'vitest';
import { classifyCopyAnswer } from './probe';

describe('classifyCopyAnswer', () => {
  it('reads 2xx as works, and only the verifier’s own no as a refusal', () => {
    expect(classifyCopyAnswer('me', 200, undefined)).toBe('works');
    expect(classifyCopyAnswer('refresh', 200, undefined)).toBe('works');
    expect(classifyCopyAnswer('me', 401, 'expired')).toBe('refused');
    expect(classifyCopyAnswer('me', 401, 'unknown-session')).toBe('refused');
    expect(classifyCopyAnswer('refresh', 401, 'revoked')).toBe('refused');
  });

  it('reads a 403 not-admin as "no admin rights" on /admin only', () => {
    expect(classifyCopyAnswer('admin', 403, 'not-admin')).toBe('not-admin');
    expect(classifyCopyAnswer('me', 403, 'not-admin')).toBe('unexpected');
  });

  it('never turns a throttle, an outage or a crash into "blocked"', () => {
    for (const [status, reason] of [
      [429, 'too-many-failed-logins'],
      [429, 'too-many-refreshes'],
      [503, 'database-busy'],
      [500, 'unexpected'],
      [404, 'unknown-lab'],
      [403, 'cross-site-request'],
      [403, 'account-disabled'],
      [0, undefined],
    ] as const) {
      expect(classifyCopyAnswer('admin', status, reason)).toBe('unexpected');
    }
  });
});
