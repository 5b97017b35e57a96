'use client';
import { useMemo } from 'react';
import { useT } from '@/lib/i18n/client';
import { scenarioKey } from '@/lib/i18n/keys';
import { isScenarioId } from '@/lib/ids';

type Words = (key: string, values?: Record<string, string | number>) => string;

/**
 * The missions' own words (goal, hints, question, options, short title) from
 * the `missions` dictionary, keyed by the ids the server sends
 * (`mission_<id>_goal`, `mission_<id>_hint_<n>`, …). The keys are built from
 * ids at run time, so the compiler cannot check them; a missing entry shows
 * the fallback given (or the key itself, which a test notices).
 */
export function useMissionWords() {
  const t = useT('missions') as unknown as Words;
  const ts = useT('scenarios');
  return useMemo(() => {
    const word = (missionId: string, part: string, fallback?: string): string => {
      const key = `mission_${missionId}_${part}`;
      const words = t(key);
      return words === key && fallback !== undefined ? fallback : words;
    };
    /** A short name for a column header or a step of the path. */
    const title = (m: { missionId: string; scenario: string }): string =>
      word(m.missionId, 'title', isScenarioId(m.scenario) ? ts(scenarioKey(m.scenario)) : m.scenario);
    return { word, title };
  }, [t, ts]);
}
