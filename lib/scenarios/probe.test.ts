import { describe, expect, it } from 'vitest';
import { classifyProbeAnswer } from './probe';

describe('classifyProbeAnswer', () => {
  it('reads 200 as works, and only the verifier’s own no as a refusal', () => {
    expect(classifyProbeAnswer(200, undefined)).toBe('works');
    expect(classifyProbeAnswer(401, 'expired')).toBe('refused');
    expect(classifyProbeAnswer(401, 'unknown-session')).toBe('refused');
    expect(classifyProbeAnswer(403, 'not-admin')).toBe('refused');
  });

  it('never turns a throttle, an outage or a crash into "blocked"', () => {
    for (const [status, reason] of [
      [429, 'too-many-failed-logins'],
      [503, 'database-busy'],
      [500, 'unexpected'],
      [404, 'unknown-lab'],
      [403, 'cross-site-request'],
      [0, undefined],
    ] as const) {
      expect(classifyProbeAnswer(status, reason)).toBe('unexpected');
    }
  });
});
