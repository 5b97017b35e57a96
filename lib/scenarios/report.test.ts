import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { cellText, matrixMarkdown, reviewerReport, type ReportOptions } from './report';
import { reviewerReportSchema } from './report-schema';
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
  settings: { jwtTtlSeconds: 900, accessTtlSeconds: 300, refreshTtlSeconds: 86400, sessionIdleSeconds: 1800, sessionAbsoluteSeconds: 28800, sessionCacheSeconds: 300, jwtAlg: 'HS256' },
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

const words = (locale: 'en' | 'ja'): ReportOptions => ({
  locale,
  origin: 'http://lab.test',
  t: { report: translator(locale, 'report'), explain: translator(locale, 'explain') },
});
const en = words('en');

describe('the Markdown report', () => {
  const md = matrixMarkdown(report, en);

  it('has the matrix with a symbol and a word per cell', () => {
    expect(md).toContain('| scenario | `jwt` | `session` |');
    expect(md).toContain('| `logout` | 🔴 works 15 min (jwtTtlSeconds) | 🟢 blocked |');
    expect(md).toContain('| `key-rotation` | 🟢 blocked · logged out 2 other users | ⚪ not applicable |');
  });

  it('has the configuration and the measured costs', () => {
    expect(md).toContain('| `jwtTtlSeconds` | 900 |');
    expect(md).toContain('| jose | 6.2.18 |');
    expect(md).toContain('| `session` | 1 | — | 54 |');
  });

  it('has the run\'s date and the lab clock as readable times', () => {
    expect(md).toContain('Run on 2026-11-25 17:00:00 UTC; lab clock 1970-01-12 13:46:40 UTC');
  });

  it('has a finding per red cell and per blocked cell with collateral, none for clean green cells', () => {
    expect(md).toContain('### 1. jwt: the stolen copy still works after logout (`jwt` × `logout`)');
    expect(md).toContain('- **Severity:** 🔴 High — V7.4.1 is an ASVS level 1 requirement (base: High); the copy kept working 15 min after the action: no change.');
    expect(md).toContain('keeps the victim’s access for 15 min after logout');
    expect(md).toContain('- **Remediation:** Record each token’s jti at logout');
    expect(md).toContain('[V7.4.1](https://github.com/OWASP/ASVS/blob/v5.0.0/5.0/en/0x16-V7-Session-Management.md)');
    expect(md).toContain('jwt: the signing key was rotated logged out 2 other users');
    expect(md).not.toContain('(`session` × `logout`)');
    expect(md).not.toContain('(`session` × `key-rotation`)');
  });

  it('gives each finding its evidence: the theft and the requests, as shell lines with status and reason', () => {
    const r = report.results[0]!;
    const withTrace: MatrixReport = {
      ...report,
      results: [
        {
          ...r,
          trace: [
            { kind: 'copy', seq: 2, phase: 'steal', from: 'victim-laptop', to: 'attacker', username: 'bob', cookieNames: ['jwt'], at: 0 },
            { kind: 'request', seq: 3, phase: 'revoke', actor: 'victim-laptop', username: 'bob', method: 'POST', path: '/api/labs/x/jwt/logout', requestBody: null, cookiesSent: ['jwt'], status: 200, reason: null, lookups: 0, at: 0, ms: 1 },
            { kind: 'request', seq: 4, phase: 'replay', actor: 'attacker', username: 'bob', method: 'GET', path: '/api/labs/x/jwt/me', requestBody: null, cookiesSent: ['jwt'], status: 200, reason: null, lookups: 0, at: 0, ms: 1 },
            { kind: 'request', seq: 5, phase: 'time-travel', actor: 'attacker', username: 'bob', method: 'GET', path: '/api/labs/x/jwt/me', requestBody: null, cookiesSent: ['jwt'], status: 401, reason: 'expired', lookups: 0, at: 900, ms: 1 },
          ],
        },
      ],
    };
    const text = matrixMarkdown(withTrace, en);
    expect(text).toContain('cp victim-laptop.txt attacker.txt');
    expect(text).toContain("curl -i -X POST -b victim-laptop.txt -c victim-laptop.txt -H 'Content-Type: application/json' http://lab.test/api/labs/x/jwt/logout   # → 200");
    expect(text).toContain('curl -i -b attacker.txt -c attacker.txt http://lab.test/api/labs/x/jwt/me   # → 401 expired');
  });

  it('grades severity by the requirement\'s level and the window', () => {
    const short = reviewerReport({ ...report, results: [{ ...report.results[0]!, windowSeconds: 300 }] }, en).findings[0]!;
    expect(short.severity).toBe('medium');
    const long = reviewerReport({ ...report, results: [{ ...report.results[0]!, scenario: 'password-change', windowSeconds: 8 * 3600 }] }, en).findings[0]!;
    expect(long.severity).toBe('high'); // V7.4.3 is level 2 (medium), an 8-hour window moves it up
    expect(long.severityRationale).toContain('V7.4.3');
  });

  it('is in Japanese when asked', () => {
    const ja = matrixMarkdown(report, words('ja'));
    expect(ja).toContain('## 指摘事項');
    expect(ja).toContain('🔴 15 分 有効（jwtTtlSeconds）');
    expect(ja).toContain('深刻度');
    expect(ja).not.toContain('Findings');
  });
});

describe('the JSON report', () => {
  it('follows its versioned schema and keeps the matrix result\'s fields', () => {
    const json = reviewerReport(report, en);
    const parsed = reviewerReportSchema.parse(JSON.parse(JSON.stringify(json)));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.labClock).toBe(1_000_000);
    expect(parsed.labClockIso).toBe('1970-01-12T13:46:40.000Z');
    expect(parsed.results).toHaveLength(4);
    expect(parsed.findings.map((f) => `${f.strategy}×${f.scenario}:${f.kind}`)).toEqual(['jwt×logout:still-works', 'jwt×key-rotation:collateral']);
    const cell = parsed.cells.find((c) => c.strategy === 'jwt' && c.scenario === 'logout')!;
    expect(cell.boundBy).toBe('jwtTtlSeconds');
    expect(cell.window).toBe('works 15 min — bounded by jwtTtlSeconds = 15 min');
    expect(cell.requirements).toContain('asvs-7.4.1');
  });

  it('refuses a shape it does not describe', () => {
    expect(() => reviewerReportSchema.parse({ ...reviewerReport(report, en), schemaVersion: 2 })).toThrow();
  });
});

describe('no finding for expiry', () => {
  it('treats a lifetime nobody revoked as the setting it is, not as a failure', () => {
    const expiry = reviewerReport({ ...report, results: [{ ...report.results[0]!, scenario: 'expiry' }] }, en);
    expect(expiry.findings).toEqual([]);
  });
});

describe('cells', () => {

  const t = en.t.report;
  it('marks a window that is a bound, not an exact figure, beside its setting', () => {
    expect(cellText(result({ scenario: 'expiry', strategy: 'session', verdict: 'works-until-expiry', windowSeconds: 8, window: { ...exact, exact: false } }), t, 'en')).toBe('🔴 works ≤ 8 s (sessionAbsoluteSeconds)');
    expect(cellText(result({ scenario: 'expiry', strategy: 'jwt-refresh', verdict: 'works-until-expiry', windowSeconds: null, window: { ...exact, lastWorkingSeconds: 86400, firstRefusedSeconds: null, stoppedBy: 'horizon' } }), t, 'en')).toBe('🔴 works ≥ 1 d (refreshTtlSeconds)');
  });
});
