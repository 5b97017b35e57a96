'use client';
import { useMemo } from 'react';
import { useT } from '@/lib/i18n/client';
import { scenarioKey } from '@/lib/i18n/keys';
import { isScenarioId } from '@/lib/ids';
import type { Key } from '@/lib/i18n/dictionaries';
import { missions } from '@/lib/i18n/dictionaries/missions';

/** A key built from a server-sent id is narrowed against the table, not cast (both languages share its keys). */
const isMissionKey = (key: string): key is Key<'missions'> => Object.hasOwn(missions.en, key);

/**
 * The missions' own words (goal, hints, question, options, short title) from
 * the `missions` dictionary, keyed by the ids the server sends
 * (`mission_<id>_goal`, `mission_<id>_hint_<n>`, …). The keys are built from
 * ids at run time, so the compiler cannot check them: each is narrowed
 * against the dictionary, and a missing entry shows the fallback given (or
 * the key itself); lib/workshops/missions.test.ts fails for any mission
 * without all its words in both languages.
 */
export function useMissionWords() {
  const t = useT('missions');
  const ts = useT('scenarios');
  return useMemo(() => {
    const word = (missionId: string, part: string, fallback?: string): string => {
      const key = `mission_${missionId}_${part}`;
      if (isMissionKey(key)) return t(key);
      return fallback ?? key;
    };
    /** A short name for a column header or a step of the path. */
    const title = (m: { missionId: string; scenario: string }): string =>
      word(m.missionId, 'title', isScenarioId(m.scenario) ? ts(scenarioKey(m.scenario)) : m.scenario);
    return { word, title };
  }, [t, ts]);
}
