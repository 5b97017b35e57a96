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

describe('cell queue: the newest and the oldest lab in turn', () => {
  it('a lab arriving behind others gets every other place, and the oldest keeps moving', async () => {
    vi.useFakeTimers();
    const queue = createCellQueue(1, 100);
    const served: string[] = [];
    const runs = [queue.runAll('A', cells('A', 4, served)), queue.runAll('B', cells('B', 4, served)), queue.runAll('C', cells('C', 2, served))];
    await vi.runAllTimersAsync();
    const results = await Promise.all(runs);
    expect(results[2]).toEqual(['C1', 'C2']);
    // First-come would be A1 A2 A3 A4 B1 B2 B3 B4 C1 C2: C would finish last, after 10 cells; round-robin
    // A1 A2 B1 C1 A3 B2 C2 …: C after 7. Newest and oldest in turn: C (newest) and A (oldest) alternate.
    expect(served).toEqual(['A1', 'C1', 'A2', 'C2', 'A3', 'B1', 'A4', 'B2', 'B3', 'B4']);
  });

  it('a matrix arriving behind ten matrices takes at most about twice its lone time, not 11×', async () => {
    vi.useFakeTimers();
    const queue = createCellQueue(2, 1000);
    const doneAt: Record<string, number> = {};
    const start = Date.now();
    const labs = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const runs = labs.map((l) => queue.runAll(l, cells(l, 42, [])).then(() => (doneAt[l] = Date.now() - start)));
    await vi.advanceTimersByTimeAsync(500); // the ten have been running a while (100 of their 420 cells)
    const lateStart = Date.now();
    const late = queue.runAll('K', cells('K', 42, [])).then(() => (doneAt.K = Date.now() - lateStart));
    await vi.runAllTimersAsync();
    await Promise.all([...runs, late]);
    // Alone, K's 42 cells take 21 rounds of 10 ms at concurrency 2 (210 ms). Behind the rest first-come it would
    // wait for 320 cells (1600 ms more); round-robin gives it one place in 11 (~2300 ms). Every other place: ~420 ms.
    expect(doneAt.K).toBeLessThanOrEqual(2 * 210 + 20);
    // The oldest is still served every other place: A finishes within about twice its lone time too, and the ten
    // finish one after another (FIFO-like from both ends), not all together at the end as round-robin would have it.
    expect(doneAt.A).toBeLessThanOrEqual(2 * 210 + 20);
    expect(Math.max(...labs.map((l) => doneAt[l]!))).toBeGreaterThan(2000);
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
