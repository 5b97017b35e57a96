import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineFullError } from '../fifo-limiter';
import { createCellQueue } from './cell-queue';

afterEach(() => vi.useRealTimers());

/** Each cell takes `ms` of (fake) time and records when it started. */
function cells(lab: string, count: number, served: string[], ms = 10) {
  return Array.from({ length: count }, (_, i) => async () => {
    served.push(`${lab}${i + 1}`);
    await new Promise((r) => setTimeout(r, ms));
    return `${lab}${i + 1}`;
  });
}

describe('cell queue: served in turn across labs', () => {
  it('a lab arriving behind others is served every round, not after all their cells', async () => {
    vi.useFakeTimers();
    const queue = createCellQueue(1, 100);
    const served: string[] = [];
    const runs = [queue.runAll('A', cells('A', 4, served)), queue.runAll('B', cells('B', 4, served)), queue.runAll('C', cells('C', 2, served))];
    await vi.runAllTimersAsync();
    const results = await Promise.all(runs);
    expect(results[2]).toEqual(['C1', 'C2']);
    // First-come would be A1 A2 A3 A4 B1 B2 B3 B4 C1 C2: C would finish last, after 10 cells.
    expect(served).toEqual(['A1', 'A2', 'B1', 'C1', 'A3', 'B2', 'C2', 'A4', 'B3', 'B4']);
  });

  it('a small run arriving behind ten matrices finishes in about (labs) × its lone time, not behind all 420 cells', async () => {
    vi.useFakeTimers();
    const queue = createCellQueue(2, 1000);
    const doneAt: Record<string, number> = {};
    const start = Date.now();
    const labs = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const runs = labs.map((l) => queue.runAll(l, cells(l, 42, [])).then(() => (doneAt[l] = Date.now() - start)));
    const late = queue.runAll('K', cells('K', 6, [])).then(() => (doneAt.K = Date.now() - start));
    await vi.runAllTimersAsync();
    await Promise.all([...runs, late]);
    // Alone, K's 6 cells take 3 rounds of 10 ms at concurrency 2 (30 ms). Behind 420 cells first-come it would take 2130 ms;
    // in turn, K gets one place in every 11: about 11 × 30 ms, plus the round it joined in.
    expect(doneAt.K).toBeLessThanOrEqual(12 * 30);
    expect(doneAt.J).toBeGreaterThan(2000);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, labsWaiting: 0 });
  });

  it('never runs more than `concurrency` at once, and refuses a call that does not fit, whole', async () => {
    vi.useFakeTimers();
    const queue = createCellQueue(2, 3);
    let now = 0;
    let peak = 0;
    const task = async () => {
      now++;
      peak = Math.max(peak, now);
      await new Promise((r) => setTimeout(r, 5));
      now--;
    };
    const a = queue.runAll('A', [task, task, task]);
    await expect(queue.runAll('B', [task, task, task])).rejects.toBeInstanceOf(LineFullError);
    expect(queue.stats()).toMatchObject({ running: 2, waiting: 1 });
    const b = queue.runAll('B', [task, task]);
    await vi.runAllTimersAsync();
    await Promise.all([a, b]);
    expect(peak).toBe(2);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, labsWaiting: 0 });
  });
});
