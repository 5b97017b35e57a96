import 'server-only';
import type { Store } from '../db/store';
import { readJournal, type JournalEntry } from '../labs/journal';
import type { CheckResult } from './checks';
import { labFacts } from './lab-facts';
import { MISSIONS } from './missions';

/**
 * Every mission's check over one lab's journal, cached by the journal's
 * newest seq and its cleared mark: the console asks for a whole room every
 * second, and a lab nobody touched since costs two indexed reads instead of
 * a journal walk. Derived data only — losing the cache loses nothing.
 */
type Cached = { key: string; results: Record<string, CheckResult> };
const cache = new Map<string, Cached>();
const CACHE_LIMIT = 5_000;

export function labMissionResults(store: Store, labId: string): Record<string, CheckResult> {
  const last = store.journal.bounds(labId).last ?? 0;
  const cleared = store.journal.clearedThrough(labId);
  const key = `${last}:${cleared}`;
  const hit = cache.get(labId);
  if (hit?.key === key) return hit.results;
  const results = computeMissionResults(readWholeJournal(store, labId));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(labId, { key, results });
  return results;
}

/** Pure: the unit tests run it over synthetic entries. */
export function computeMissionResults(entries: readonly JournalEntry[]): Record<string, CheckResult> {
  const facts = labFacts(entries);
  return Object.fromEntries(MISSIONS.map((m) => [m.missionId, m.check(facts)]));
}

/** What the lab shows on its timeline (entries after its cleared mark), all pages of it (the journal is bounded). */
function readWholeJournal(store: Store, labId: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let after = 0;
  for (let page = 0; page < 20; page++) {
    const p = readJournal(store, labId, after);
    entries.push(...p.entries);
    if (!p.more || p.entries.length === 0) break;
    after = p.entries[p.entries.length - 1]!.seq;
  }
  return entries;
}
