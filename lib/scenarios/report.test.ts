import { describe, expect, it } from 'vitest';
import { cellText, matrixMarkdown } from './report';
import type { MatrixReport } from './matrix';
import type { ScenarioResult } from './types';

/** A result as the runner shapes it; only the fields a test cares about are given. */
function result(partial: Partial<ScenarioResult> & Pick<ScenarioResult, 'scenario' | 'strategy' | 'verdict'>): ScenarioResult {
  return {
    windowSeconds: null,
    window: null,
    refusedWith: null,
    collateral: { loggedOut: [], bystanders: ['carol'] },
    lookups: { perRequest: 0, perRefresh: null },
    cookieBytes: 400,
    note: null,
    noteCode: null,
    victim: { username: 'bob', role: 'user' },
    startedAt: 0,
    revokedAt: 0,
    trace: [],
    durationMs: 1,
    ...partial,
  };
}

const exact = { windowSeconds: 900, exact: true, lastWorkingSeconds: 899, firstRefusedSeconds: 900, probes: 2, slides: 0, stoppedBy: 'refused' as const };

const report: MatrixReport = {
  generatedAt: '2026-11-25T17:00:00.000Z',
  labClock: 1_000_000,
  settings: { jwtTtlSeconds: 900, accessTtlSeconds: 300, refreshTtlSeconds: 86400, sessionIdleSeconds: 1800, sessionAbsoluteSeconds: 28800, jwtAlg: 'HS256' },
  versions: { next: '16.4.6', jose: '6.2.18', 'iron-session': '8.0.4', 'better-sqlite3': '12.11.1' },
  scenarios: ['logout', 'key-rotation'],
  strategies: ['jwt', 'session'],
  results: [
    result({ scenario: 'logout', strategy: 'jwt', verdict: 'works-until-expiry', windowSeconds: 900, window: exact, refusedWith: { status: 401, reason: 'expired' } }),
    result({ scenario: 'logout', strategy: 'session', verdict: 'blocked', refusedWith: { status: 401, reason: 'unknown-session' }, lookups: { perRequest: 1, perRefresh: null }, cookieBytes: 54 }),
    result({ scenario: 'key-rotation', strategy: 'jwt', verdict: 'blocked', collateral: { loggedOut: ['alice', 'carol'], bystanders: ['alice', 'carol'] } }),
    result({ scenario: 'key-rotation', strategy: 'session', verdict: 'not-applicable', note: 'no key', noteCode: 'no-lab-jwt-key' }),
  ],
  durationMs: 1234,
};

describe('the Markdown report', () => {
  const md = matrixMarkdown(report);

  it('has the matrix with a symbol and a word per cell', () => {
    expect(md).toContain('| scenario | `jwt` | `session` |');
    expect(md).toContain('| `logout` | 🔴 works 15 min | 🟢 blocked |');
    expect(md).toContain('| `key-rotation` | 🟢 blocked · logged out 2 other users | ⚪ not applicable |');
  });

  it('has the configuration and the measured costs', () => {
    expect(md).toContain('| `jwtTtlSeconds` | 900 |');
    expect(md).toContain('| jose | 6.2.18 |');
    expect(md).toContain('| `session` | 1 | — | 54 |');
  });

  it('has a finding per red cell and per blocked cell with collateral, none for clean green cells', () => {
    expect(md).toContain('- **`jwt` × `logout`** — after the victim logged out, the attacker\'s copy kept working for 15 min (900 s on the lab clock), then it was refused (`expired`).');
    expect(md).toContain('**`jwt` × `key-rotation`** — the copy was refused, but 2 of 2 other users were logged out with it (alice, carol).');
    expect(md).not.toContain('**`session` × `logout`**');
  });

  it('marks a window that is a bound, not an exact figure', () => {
    expect(cellText(result({ scenario: 'expiry', strategy: 'x', verdict: 'works-until-expiry', windowSeconds: 8, window: { ...exact, exact: false } }))).toBe('🔴 works ≤ 8 s');
    expect(cellText(result({ scenario: 'expiry', strategy: 'x', verdict: 'works-until-expiry', windowSeconds: null, window: { ...exact, lastWorkingSeconds: 86400, firstRefusedSeconds: null, stoppedBy: 'horizon' } }))).toBe('🔴 works ≥ 1 d');
  });
});
