import type { Key } from '../i18n/dictionaries';
import type { LabSettings } from '../labs/settings';
import { formatDuration, formatDurationAtLeast } from '../scenarios/format';
import type { ScenarioResult } from '../scenarios/types';
import { shownVerdict, type ShownVerdict } from '../ui/verdict-look';
import { isScenarioId, isStrategyId, type ScenarioId, type StrategyId } from './ids';
import { boundingSetting, predictedVerdict, type PredictedVerdict } from './mechanism';
import { requirementsFor, type Requirement } from './requirements';

/**
 * The explanation of one measured result: why it came out so, what would
 * change it, the window beside the setting that bounds it, and the
 * requirements it bears on. Chosen by the *measured* verdict: when it differs
 * from what the mechanism predicts, the usual text is replaced by a plain
 * "unexpected" one. Pure: the caller passes the `explain` namespace's t()
 * (server: translator(locale, 'explain'); page: useT('explain')).
 */

/** Every key a (scenario, strategy) pair needs: a missing one in the dictionary fails tsc here. */
type PairKey = `why_${ScenarioId}_${StrategyId}` | `fix_${ScenarioId}_${StrategyId}` | `checks_${StrategyId}`;
const everyPairHasItsText: PairKey extends Key<'explain'> ? true : never = true;
void everyPairHasItsText;

export type ExplainT = (key: Key<'explain'>, values?: Record<string, string | number>) => string;
export type Locale = 'en' | 'ja';

export type Explanation = {
  kind: 'expected' | 'unexpected' | 'error';
  measured: ShownVerdict;
  predicted: PredictedVerdict;
  /** The "unexpected: measured X, the mechanism predicts Y" line, when it is. */
  unexpected: string | null;
  why: string;
  fix: string;
  /** For a copy that kept working: the window beside the setting that bounds it. */
  window: string | null;
  requirements: Requirement[];
};

const VERDICT_WORD: Record<ShownVerdict, Key<'explain'>> = {
  blocked: 'v_blocked',
  'works-until-expiry': 'v_works',
  'not-applicable': 'v_na',
  error: 'v_error',
};

/** The lab's durations as placeholders, in the page's language. */
export function durationValues(settings: LabSettings, locale: Locale): Record<string, string> {
  const d = (s: number) => formatDuration(s, locale);
  return {
    jwtTtl: d(settings.jwtTtlSeconds),
    accessTtl: d(settings.accessTtlSeconds),
    refreshTtl: d(settings.refreshTtlSeconds),
    idle: d(settings.sessionIdleSeconds),
    absolute: d(settings.sessionAbsoluteSeconds),
    cache: d(settings.sessionCacheSeconds),
  };
}

/** "works 8 h — bounded by sessionAbsoluteSeconds = 8 h; each use slid the 30 min idle timeout". */
export function windowText(result: ScenarioResult, settings: LabSettings, t: ExplainT, locale: Locale): string | null {
  if (shownVerdict(result.verdict) !== 'works-until-expiry' || !isScenarioId(result.scenario) || !isStrategyId(result.strategy)) return null;
  const { setting, slidingIdle } = boundingSetting(result.scenario, result.strategy);
  const value = settings[setting];
  const values = {
    setting,
    value: typeof value === 'number' ? formatDuration(value, locale) : String(value),
    window: result.windowSeconds !== null ? formatDuration(result.windowSeconds, locale) : formatDurationAtLeast(result.window?.lastWorkingSeconds ?? 0, locale),
  };
  const main = t(result.windowSeconds === null ? 'windowOpen' : 'windowBound', values);
  // The idle timeout slid only if the attacker's replays were seen moving the expiry forward.
  const slid = slidingIdle && (result.window?.slides ?? 0) > 0 ? t('windowSlid', { idle: formatDuration(Number(settings[slidingIdle]), locale) }) : null;
  return slid ? `${main}; ${slid}` : main;
}

/** Null for a pair this build does not know (a newer server's result): nothing is said rather than something wrong. */
export function explainResult(result: ScenarioResult, settings: LabSettings, t: ExplainT, locale: Locale): Explanation | null {
  if (!isScenarioId(result.scenario) || !isStrategyId(result.strategy)) return null;
  const scenario: ScenarioId = result.scenario;
  const strategy: StrategyId = result.strategy;
  const measured = shownVerdict(result.verdict);
  const predicted = predictedVerdict(scenario, strategy);
  const requirements = requirementsFor(scenario, strategy);
  const window = windowText(result, settings, t, locale);
  if (measured === 'error') {
    return { kind: 'error', measured, predicted, unexpected: null, why: t('errorWhy'), fix: t('errorFix'), window: null, requirements };
  }
  if (measured !== predicted) {
    const words = { measured: t(VERDICT_WORD[measured]), predicted: t(VERDICT_WORD[predicted]) };
    return { kind: 'unexpected', measured, predicted, unexpected: t('unexpected', words), why: t('unexpectedWhy', words), fix: t('unexpectedFix'), window, requirements };
  }
  const values = durationValues(settings, locale);
  const effect = t(`why_${scenario}_${strategy}`, values);
  // Not applicable: what the strategy checks does not matter, only why the action cannot bear on it.
  const why = measured === 'not-applicable' ? effect : `${t(`checks_${strategy}`)} ${effect}`;
  return { kind: 'expected', measured, predicted, unexpected: null, why, fix: t(`fix_${scenario}_${strategy}`, values), window, requirements };
}
