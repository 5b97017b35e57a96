import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { presetHeadline, matrixMarkdown, reviewerReport, type ReportOptions } from './report';
import { reviewerReportSchema } from './report-schema';
import type { MatrixReport } from './matrix';
import type { ScenarioResult } from './types';
import { presets, presetView } from '../presets/registry';
import { defaultSettings } from '../labs/settings';

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

const DAY = 86_400;
const views = presets.filter((p) => ['authjs-jwt', 'better-auth-cached', 'firebase-check-revoked'].includes(p.id)).map(presetView);
/** A presets run as the runner shapes it: the headline is computed from these cells, whatever they say. */
const run = (authjs: Partial<ScenarioResult>): MatrixReport => ({
  set: 'presets',
  presets: views,
  generatedAt: '2026-12-02T17:00:00.000Z',
  labClock: 1_000_000,
  settings: defaultSettings,
  versions: { next: '16.4.6', jose: '6.2.18', 'iron-session': '8.0.4', 'better-sqlite3': '12.11.1' },
  scenarios: ['logout'],
  strategies: views.map((v) => v.id),
  results: [
    result({ scenario: 'logout', strategy: 'authjs-jwt', verdict: 'works-until-expiry', ...authjs }),
    result({
      scenario: 'logout',
      strategy: 'better-auth-cached',
      verdict: 'works-until-expiry',
      windowSeconds: 300,
      window: { windowSeconds: 300, exact: true, lastWorkingSeconds: 299, firstRefusedSeconds: 300, probes: 2, slides: 0, stoppedBy: 'refused' },
    }),
    result({ scenario: 'logout', strategy: 'firebase-check-revoked', verdict: 'blocked' }),
  ],
  durationMs: 10,
});

const words = (locale: 'en' | 'ja'): ReportOptions => ({
  locale,
  origin: 'http://lab.test',
  t: { report: translator(locale, 'report'), explain: translator(locale, 'explain'), presets: translator(locale, 'presets') },
});

describe('the presets headline', () => {
  it('is one line per preset, from the measured cells: a slid copy says so, a blocked one says so', () => {
    const slid = run({ windowSeconds: null, window: { windowSeconds: null, exact: false, lastWorkingSeconds: 60 * DAY, firstRefusedSeconds: null, probes: 3, slides: 2, stoppedBy: 'horizon' } });
    expect(presetHeadline(slid, words('en'))).toEqual([
      'Auth.js default, after logout: a stolen copy still worked 60 d later, when the measurement stopped — and longer if the thief keeps using it: each use pushed its expiry forward (2 times in this run).',
      'Better Auth with cookie cache, after logout: a stolen copy works for 5 min.',
      'Firebase ID token + checkRevoked, after logout: a stolen copy is refused on its next request.',
    ]);
    // The same cell measured differently reads differently: nothing is written per preset.
    const ended = run({ windowSeconds: 30 * DAY, window: { windowSeconds: 30 * DAY, exact: true, lastWorkingSeconds: 30 * DAY - 1, firstRefusedSeconds: 30 * DAY, probes: 2, slides: 0, stoppedBy: 'refused' } });
    expect(presetHeadline(ended, words('en'))[0]).toBe('Auth.js default, after logout: a stolen copy works for 30 d.');
    expect(presetHeadline(ended, words('ja'))[0]).toContain('Auth.js の既定、ログアウトの後');
  });

  it('says both windows where a second copy was kept in use: as stolen, and used — longer or no longer, as measured', () => {
    const asStolen = { windowSeconds: 30 * DAY, window: { windowSeconds: 30 * DAY, exact: true, lastWorkingSeconds: 30 * DAY - 1, firstRefusedSeconds: 30 * DAY, probes: 2, slides: 0, stoppedBy: 'refused' as const } };
    const longer = run({
      ...asStolen,
      withUse: { windowSeconds: null, refusedWith: null, window: { windowSeconds: null, exact: false, lastWorkingSeconds: 60 * DAY - 1, firstRefusedSeconds: null, probes: 5, slides: 3, stoppedBy: 'horizon' } },
    });
    expect(presetHeadline(longer, words('en'))[0]).toBe(
      'Auth.js default, after logout: a stolen copy works for 30 d — and longer if the thief keeps using it: a copy used and re-issued (3 times in this run) still worked 59 d 23 h after the action, when the measurement stopped.',
    );
    expect(presetHeadline(longer, words('ja'))[0]).toBe(
      'Auth.js の既定、ログアウトの後：盗まれたコピーは 30 日 使えます。泥棒が使い続ければさらに長く、使うたびに発行し直されたコピー（この実行で 3 回）は、操作の 59 日 23 時間 後、測定を止めた時点でもまだ使えました。',
    );
    expect(matrixMarkdown(longer, words('en'))).toContain('🔴 works 30 d (jwtTtlSeconds) · kept in use: ≥ 59 d 23 h');
    expect(reviewerReport(longer, words('en')).findings.find((f) => f.strategy === 'authjs-jwt')!.impact).toContain(
      'for 30 d after logout, and the victim has no way to end it sooner. And that is the copy as stolen: one the attacker keeps using is re-issued on each use and was measured working longer (≥ 59 d 23 h).',
    );
    expect(reviewerReport(longer, words('ja')).findings.find((f) => f.strategy === 'authjs-jwt')!.impact).toContain('さらに長く使えると測定された（≥ 59 日 23 時間）');
    // A kept copy refused at the same second: the words say using it did not extend it.
    const same = run({ ...asStolen, withUse: { windowSeconds: 30 * DAY, refusedWith: null, window: { ...asStolen.window, probes: 3 } } });
    expect(presetHeadline(same, words('en'))[0]).toBe('Auth.js default, after logout: a stolen copy works for 30 d; using it does not extend it (a copy kept in use was refused no later).');
    expect(reviewerReport(same, words('en')).findings.find((f) => f.strategy === 'authjs-jwt')!.impact).not.toContain('keeps using');
  });

  it('the exports carry the headline, each preset’s settings, source and thread; the JSON parses', () => {
    const m = run({ windowSeconds: 30 * DAY, window: { windowSeconds: 30 * DAY, exact: true, lastWorkingSeconds: 30 * DAY - 1, firstRefusedSeconds: 30 * DAY, probes: 2, slides: 0, stoppedBy: 'refused' } });
    const md = matrixMarkdown(m, words('en'));
    expect(md).toContain('## Library defaults, measured');
    expect(md).toContain('| Better Auth with cookie cache (`better-auth-cached`) | `session-cached` | `sessionIdleSeconds` 7 d, `sessionAbsoluteSeconds` 90 d, `sessionCacheSeconds` 5 min |');
    expect(md).toContain('https://github.com/nextauthjs/next-auth/issues/662');
    // A preset explained as a lab strategy gets that strategy's bound; one with its own words gets its own.
    expect(md).toContain('🔴 works 5 min (sessionCacheSeconds)');
    expect(md).toContain('🔴 works 30 d (jwtTtlSeconds)');
    expect(md).toContain('re-issues it for another 30 days');
    const json = reviewerReportSchema.parse(reviewerReport(m, words('ja')));
    expect(json.set).toBe('presets');
    expect(json.headline).toHaveLength(3);
    expect(json.findings.map((f) => f.strategy).sort()).toEqual(['authjs-jwt', 'better-auth-cached']);
  });
});
