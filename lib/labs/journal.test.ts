import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../db/testing';
import { createChildLab, createLab } from './create';
import { appendEntry, clearJournalView, JOURNAL_LIMIT, readJournal } from './journal';

const entry = (labId: string) => ({
  lab_id: labId,
  actor: null,
  method: 'GET',
  path: `/api/labs/${labId}/jwt/me`,
  strategy: 'jwt',
  status: 401,
  reason: 'no-credential',
  lookups: 0,
  real_at_ms: 1_700_000_000_000,
  real_now_seconds: 1_700_000_000,
  credential_hash: null,
  username: null,
  effect_json: null,
});

describe('the lab journal in the store', () => {
  it('numbers entries per lab, stamps them on the lab clock, and skips a scenario runner’s child lab', async () => {
    const store = createMemoryStore();
    const { lab } = await createLab(store);
    store.labs.advanceClock(lab.id, 600);
    expect(appendEntry(store, entry(lab.id))).toBe(1);
    expect(appendEntry(store, entry(lab.id))).toBe(2);
    const page = readJournal(store, lab.id, 0);
    expect(page.entries.map((e) => e.seq)).toEqual([1, 2]);
    // Real time + the lab's offset: the journal's clock is the lab's.
    expect(page.entries[0]!.labAt).toBe(1_700_000_000 + 600);
    const child = await createChildLab(store, lab);
    expect(appendEntry(store, entry(child.id))).toBeUndefined();
    expect(appendEntry(store, entry('AAAAAAAAAAAAAAAAAAAAAA'))).toBeUndefined();
  });

  it('keeps at most its bound (plus one trim batch), counts what it dropped, and a cleared view keeps counting seqs', async () => {
    const store = createMemoryStore();
    const { lab } = await createLab(store);
    const total = JOURNAL_LIMIT + 120;
    for (let i = 0; i < total; i++) appendEntry(store, entry(lab.id));
    const { first, last } = store.journal.bounds(lab.id);
    expect(last).toBe(total);
    expect(total - first! + 1).toBeGreaterThanOrEqual(JOURNAL_LIMIT);
    expect(total - first! + 1).toBeLessThan(JOURNAL_LIMIT + 50);
    expect(readJournal(store, lab.id, 0).dropped).toBe(first! - 1);
    clearJournalView(store, lab.id);
    expect(readJournal(store, lab.id, 0).entries).toEqual([]);
    expect(appendEntry(store, entry(lab.id))).toBe(total + 1);
    expect(readJournal(store, lab.id, 0).entries.map((e) => e.seq)).toEqual([total + 1]);
    store.labs.deleteById(lab.id);
    expect(store.journal.bounds(lab.id)).toEqual({ first: null, last: null });
  });
});
