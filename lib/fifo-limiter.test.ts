import { describe, expect, it } from 'vitest';
import { LineFullError, createFifoLimiter } from './fifo-limiter';

/** A cell that runs until the test lets it finish, recording when it started. */
function cell(name: string, started: string[]) {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return {
    finish,
    fail,
    task: () => {
      started.push(name);
      return done;
    },
  };
}

/** Lets every pending promise callback run (a released place is handed over in a microtask). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the FIFO line (scenario cells use it as the matrix does)', () => {
  it('never runs more than `concurrency` cells at once, across callers', async () => {
    const limiter = createFifoLimiter(3, 100);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await settle();
      running--;
      return running;
    };
    const calls = Array.from({ length: 5 }, () => limiter.runAll(Array.from({ length: 7 }, () => task)));
    expect(limiter.stats()).toEqual({ running: 3, waiting: 32 });
    await Promise.all(calls);
    expect(peak).toBe(3);
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('starts cells first come, first served: the first matrix\'s cells all run before the second\'s', async () => {
    const limiter = createFifoLimiter(2, 100);
    const started: string[] = [];
    const a = ['a1', 'a2', 'a3', 'a4'].map((n) => cell(n, started));
    const b = ['b1', 'b2', 'b3'].map((n) => cell(n, started));
    const first = limiter.runAll(a.map((c) => c.task));
    const second = limiter.runAll(b.map((c) => c.task));
    expect(started).toEqual(['a1', 'a2']);
    // Finishing in any order, the places go to the line in order.
    for (const c of [a[1]!, a[0]!, b[0]!, a[3]!, a[2]!, b[2]!, b[1]!]) {
      c.finish();
      await settle();
    }
    expect(started).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3']);
    await expect(first).resolves.toEqual(['a1', 'a2', 'a3', 'a4']);
    await expect(second).resolves.toEqual(['b1', 'b2', 'b3']);
  });

  it('a newcomer does not slip ahead of the line while a freed place is being handed over', async () => {
    const limiter = createFifoLimiter(1, 10);
    const started: string[] = [];
    const first = cell('first', started);
    const waiter = cell('waiter', started);
    const late = cell('late', started);
    const calls = [limiter.runAll([first.task]), limiter.runAll([waiter.task])];
    first.finish();
    await Promise.resolve(); // mid-hand-over
    calls.push(limiter.runAll([late.task]));
    await settle();
    expect(started).toEqual(['first', 'waiter']);
    expect(limiter.stats()).toEqual({ running: 1, waiting: 1 });
    waiter.finish();
    await settle();
    late.finish();
    await Promise.all(calls);
    expect(started).toEqual(['first', 'waiter', 'late']);
  });

  it('frees the place of a cell that fails, and reports the failure once its call has settled', async () => {
    const limiter = createFifoLimiter(1, 10);
    const started: string[] = [];
    const failing = cell('failing', started);
    const sibling = cell('sibling', started);
    const other = cell('other', started);
    const call = limiter.runAll([failing.task, sibling.task]);
    const otherCall = limiter.runAll([other.task]);
    let rejected = false;
    call.catch(() => (rejected = true));
    failing.fail(new Error('boom'));
    await settle();
    expect(started).toEqual(['failing', 'sibling']);
    expect(rejected).toBe(false); // its sibling still runs
    sibling.finish();
    await expect(call).rejects.toThrow('boom');
    await settle();
    expect(started).toEqual(['failing', 'sibling', 'other']);
    other.finish();
    await expect(otherCall).resolves.toEqual(['other']);
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('a task that throws before returning a promise frees its place too', async () => {
    const limiter = createFifoLimiter(1, 10);
    await expect(
      limiter.runAll([
        () => {
          throw new Error('sync');
        },
      ]),
    ).rejects.toThrow('sync');
    await expect(limiter.runAll([() => Promise.resolve('next')])).resolves.toEqual(['next']);
  });

  it('admits a whole call or none of it: beyond the line\'s room it refuses at once and starts nothing', async () => {
    const limiter = createFifoLimiter(2, 5);
    const started: string[] = [];
    const held = ['h1', 'h2', 'h3', 'h4', 'h5'].map((n) => cell(n, started));
    const call = limiter.runAll(held.map((c) => c.task)); // 2 running, 3 waiting
    const tooMany = ['x1', 'x2', 'x3'].map((n) => cell(n, started));
    const refused = limiter.runAll(tooMany.map((c) => c.task));
    await expect(refused).rejects.toBeInstanceOf(LineFullError);
    await expect(refused).rejects.toMatchObject({ waiting: 3, requested: 3 });
    expect(limiter.stats()).toEqual({ running: 2, waiting: 3 });
    const fits = ['f1', 'f2'].map((n) => cell(n, started));
    const accepted = limiter.runAll(fits.map((c) => c.task)); // exactly fills the line
    expect(limiter.stats()).toEqual({ running: 2, waiting: 5 });
    for (const c of [...held, ...fits]) {
      c.finish();
      await settle();
    }
    await Promise.all([call, accepted]);
    expect(started).not.toContain('x1');
    // Drained: the line takes calls again.
    await expect(limiter.runAll([() => Promise.resolve('again')])).resolves.toEqual(['again']);
  });

  it('with an empty line, a call that fits in the free places never waits, even with a line of 0', async () => {
    const limiter = createFifoLimiter(3, 0);
    await expect(limiter.runAll([1, 2, 3].map((n) => () => Promise.resolve(n)))).resolves.toEqual([1, 2, 3]);
    await expect(limiter.runAll([1, 2, 3, 4].map((n) => () => Promise.resolve(n)))).rejects.toBeInstanceOf(LineFullError);
  });

  it('refuses settings that would queue every cell for ever', () => {
    expect(() => createFifoLimiter(0, 10)).toThrow(RangeError);
    expect(() => createFifoLimiter(1.5, 10)).toThrow(RangeError);
    expect(() => createFifoLimiter(Number.NaN, 10)).toThrow(RangeError);
    expect(() => createFifoLimiter(2, -1)).toThrow(RangeError);
  });
});
