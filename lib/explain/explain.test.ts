import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import { defaultSettings } from '../labs/settings';
import type { ScenarioResult, Verdict } from '../scenarios/types';
import { isRefreshable, strategies } from '../auth/registry';
import { scenarioIds } from '../scenarios/registry';
import { explainResult, windowText } from './explain';
import { SCENARIO_IDS, STRATEGY_IDS } from './ids';
import { MECHANISMS, predictedVerdict } from './mechanism';
import { requirementsFor } from './requirements';

function result(scenario: string, strategy: string, verdict: Verdict, more: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    scenario,
    strategy,
    verdict,
    windowSeconds: verdict === 'works-until-expiry' ? 900 : null,
    window: null,
    refusedWith: null,
    collateral: { loggedOut: [], bystanders: [] },
    lookups: { perRequest: 0, perRefresh: null },
    cookieBytes: 100,
    note: null,
    noteCode: null,
    victim: null,
    startedAt: 0,
    revokedAt: 0,
    trace: [],
    durationMs: 1,
    ...more,
  };
}

const t = { en: translator('en', 'explain'), ja: translator('ja', 'explain') };
const pairs = SCENARIO_IDS.flatMap((scenario) => STRATEGY_IDS.map((strategy) => [scenario, strategy] as const));
const hasJapanese = (s: string) => /[\u3040-\u30ff\u4e00-\u9faf]/.test(s);

describe('the ids the explanations are typed by', () => {
  it('are the registries\' ids (a new scenario or strategy must be explained)', () => {
    expect([...SCENARIO_IDS]).toEqual([...scenarioIds]);
    expect([...STRATEGY_IDS]).toEqual(strategies.map((s) => s.id));
  });

  it('repeat each strategy\'s own declarations in its mechanism', () => {
    for (const s of strategies) {
      const m = MECHANISMS[s.id as (typeof STRATEGY_IDS)[number]];
      expect(m.usesLabJwtKey, s.id).toBe(s.usesLabJwtKey);
      expect(m.refreshable, s.id).toBe(isRefreshable(s));
    }
  });
});

describe('every (scenario, strategy) pair', () => {
  it.each(pairs)('%s × %s has a why and a fix in both languages, with no placeholder left', (scenario, strategy) => {
    const verdict = predictedVerdict(scenario, strategy);
    for (const locale of ['en', 'ja'] as const) {
      const e = explainResult(result(scenario, strategy, verdict), defaultSettings, t[locale], locale)!;
      expect(e.kind).toBe('expected');
      expect(e.why.length, `${locale} why`).toBeGreaterThan(40);
      expect(e.fix.length, `${locale} fix`).toBeGreaterThan(20);
      // A missing key comes back as the key itself: never shown.
      expect(e.why).not.toMatch(/why_|checks_|\{\w+\}/);
      expect(e.fix).not.toMatch(/fix_|\{\w+\}/);
      expect(hasJapanese(e.why + e.fix)).toBe(locale === 'ja');
      expect(e.requirements.length).toBeGreaterThan(0);
    }
  });

  it.each(pairs)('%s × %s says so plainly when the measured verdict is not the predicted one', (scenario, strategy) => {
    const predicted = predictedVerdict(scenario, strategy);
    const other: Verdict = predicted === 'blocked' ? 'works-until-expiry' : 'blocked';
    for (const locale of ['en', 'ja'] as const) {
      const usual = explainResult(result(scenario, strategy, predicted), defaultSettings, t[locale], locale)!;
      const odd = explainResult(result(scenario, strategy, other), defaultSettings, t[locale], locale)!;
      expect(odd.kind).toBe('unexpected');
      expect(odd.unexpected).toBeTruthy();
      expect(odd.why).not.toBe(usual.why);
      expect(odd.fix).not.toBe(usual.fix);
      expect(odd.why.length).toBeGreaterThan(20);
      expect(odd.fix.length).toBeGreaterThan(20);
    }
  });
});

describe('the explanation follows the measured verdict', () => {
  it('jwt × logout: the usual text when the copy still works, "unexpected" when it was blocked', () => {
    const works = explainResult(result('logout', 'jwt', 'works-until-expiry'), defaultSettings, t.en, 'en')!;
    expect(works.why).toContain('signature');
    expect(works.why).toContain('15 min');
    expect(works.unexpected).toBeNull();
    const blocked = explainResult(result('logout', 'jwt', 'blocked'), defaultSettings, t.en, 'en')!;
    expect(blocked.unexpected).toBe('Unexpected: measured blocked, the mechanism predicts still works.');
    expect(blocked.why).not.toContain('signature');
  });

  it('uses the lab\'s settings, in the page\'s language', () => {
    const settings = { ...defaultSettings, jwtTtlSeconds: 120 };
    expect(explainResult(result('ban', 'jwt', 'works-until-expiry'), settings, t.en, 'en')!.why).toContain('2 min');
    expect(explainResult(result('ban', 'jwt', 'works-until-expiry'), settings, t.ja, 'ja')!.why).toContain('2 分');
  });

  it('an error is no verdict, not an unexpected one', () => {
    const e = explainResult(result('logout', 'session', 'error'), defaultSettings, t.en, 'en')!;
    expect(e.kind).toBe('error');
    expect(e.why).toMatch(/No verdict/);
  });

  it('says nothing about a pair it does not know', () => {
    expect(explainResult(result('logout', 'newer-strategy', 'blocked'), defaultSettings, t.en, 'en')).toBeNull();
  });
});

describe('expiry, told honestly', () => {
  it('shows the window beside the setting that bounds it, and the slid idle timeout when it slid', () => {
    const slid = result('expiry', 'session', 'works-until-expiry', {
      windowSeconds: 28800,
      window: { windowSeconds: 28800, exact: true, lastWorkingSeconds: 28799, firstRefusedSeconds: 28800, probes: 20, slides: 16, stoppedBy: 'refused' },
    });
    expect(windowText(slid, defaultSettings, t.en, 'en')).toBe('works 8 h — bounded by sessionAbsoluteSeconds = 8 h; each use slid the 30 min idle timeout (sessionIdleSeconds)');
    expect(windowText(slid, defaultSettings, t.ja, 'ja')).toBe('8 時間 有効 — 上限は sessionAbsoluteSeconds = 8 時間; 使われるたびに 30 分 の無操作タイムアウト（sessionIdleSeconds）が延びた');
    expect(windowText(result('expiry', 'jwt', 'works-until-expiry'), defaultSettings, t.en, 'en')).toBe('works 15 min — bounded by jwtTtlSeconds = 15 min');
    expect(windowText(result('logout', 'jwt-refresh', 'works-until-expiry', { windowSeconds: 300 }), defaultSettings, t.en, 'en')).toContain('accessTtlSeconds = 5 min');
    expect(windowText(result('logout', 'session', 'blocked'), defaultSettings, t.en, 'en')).toBeNull();
  });

  it('the session\'s expiry says the server can end it at any moment; the JWT\'s says it cannot', () => {
    expect(explainResult(result('expiry', 'session', 'works-until-expiry'), defaultSettings, t.en, 'en')!.why).toMatch(/can end this session at any moment/);
    expect(explainResult(result('expiry', 'jwt', 'works-until-expiry'), defaultSettings, t.en, 'en')!.why).toMatch(/no way to end it sooner/);
  });

  it('never speaks of a revoking action', () => {
    for (const strategy of STRATEGY_IDS) {
      for (const locale of ['en', 'ja'] as const) {
        const e = explainResult(result('expiry', strategy, 'works-until-expiry'), defaultSettings, t[locale], locale)!;
        expect(`${e.why} ${e.fix}`).not.toMatch(/revok|取り消し|失効させ/i);
      }
    }
  });
});

describe('requirements', () => {
  it('name ASVS 5.0 V7 for each revocation, V10.4.5 and RFC 9700 for the refresh strategy', () => {
    const numbers = (s: Parameters<typeof requirementsFor>[0], st: Parameters<typeof requirementsFor>[1]) => requirementsFor(s, st).map((r) => r.number);
    expect(numbers('logout', 'jwt')).toEqual(expect.arrayContaining(['V7.4.1', 'WSTG-SESS-06', 'CWE-613', 'RFC 8725']));
    expect(numbers('ban', 'session')).toContain('V7.4.2');
    expect(numbers('password-change', 'session')).toContain('V7.4.3');
    expect(numbers('stolen-token', 'session')).toContain('V7.5.2');
    expect(numbers('expiry', 'session')).toEqual(expect.arrayContaining(['V7.3.1', 'V7.3.2', 'WSTG-SESS-07']));
    expect(numbers('logout', 'jwt-refresh')).toEqual(expect.arrayContaining(['V10.4.5', 'RFC 9700 §4.14.2']));
    for (const [scenario, strategy] of pairs) for (const r of requirementsFor(scenario, strategy)) expect(r.url).toMatch(/^https:\/\//);
  });
});
