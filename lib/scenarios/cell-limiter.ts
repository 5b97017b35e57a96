/**
 * A first-in, first-out gate on starting scenario cells, shared by every
 * matrix in the process.
 *
 * Every cell drives the real HTTP API of this same server, on the same thread
 * that answers it. Started all at once, 100 matrices put 4,200 cells and their
 * loopback requests on that thread together: each request then waits behind
 * thousands of others, and everyone's matrix finishes late. With a few cells
 * running at a time, each request waits behind a few, and first come is first
 * served: the first participant's matrix finishes first.
 *
 * Only the start of a cell waits here. The requests a running cell makes to
 * the server are never gated (they would wait behind cells that wait for
 * them: a deadlock).
 */

/** The line is full: the caller answers "busy, retry later" rather than making everyone wait longer. */
export class CellQueueFullError extends Error {
  constructor(
    readonly waiting: number,
    readonly requested: number,
  ) {
    super(`${waiting} scenario cells are already waiting; ${requested} more do not fit.`);
    this.name = 'CellQueueFullError';
  }
}

export type CellLimiter = {
  /**
   * Runs the tasks, at most `concurrency` at a time across every caller, in
   * the order they were admitted, and resolves with their results in order.
   * All of them are admitted or none (a matrix is not half-run): rejects with
   * CellQueueFullError, before starting any, when they would not fit in the
   * line. A task that fails frees its place like any other; the call then
   * rejects with the first failure, once every task of the call has settled
   * (its work is done before its answer is).
   */
  runAll<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]>;
  /** Cells running and waiting now (for tests and diagnostics). */
  stats(): { running: number; waiting: number };
};

export function createCellLimiter(concurrency: number, maxWaiting: number): CellLimiter {
  // A concurrency below 1 would queue every cell for ever: refuse it loudly.
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a non-negative integer, got ${maxWaiting}`);

  let running = 0;
  // An array with a moving head: shift() on a line of thousands would copy it each time.
  let line: (() => void)[] = [];
  let head = 0;
  const waiting = () => line.length - head;

  const release = () => {
    if (waiting() > 0) {
      // The place passes straight to the next in line: `running` never drops, so
      // a newcomer cannot slip in between a release and the waiter's start.
      const next = line[head]!;
      line[head++] = undefined as unknown as () => void;
      if (head > 1024 && head * 2 > line.length) {
        line = line.slice(head);
        head = 0;
      }
      next();
    } else {
      running--;
    }
  };

  const runOne = async <T>(task: () => Promise<T>, admitted: Promise<void> | null): Promise<T> => {
    if (admitted) await admitted;
    try {
      return await task();
    } finally {
      release();
    }
  };

  return {
    async runAll<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
      // Newcomers start at once only while nobody waits: never ahead of the line.
      const free = waiting() === 0 ? Math.max(0, concurrency - running) : 0;
      const toWait = Math.max(0, tasks.length - free);
      if (waiting() + toWait > maxWaiting) throw new CellQueueFullError(waiting(), toWait);
      const runs = tasks.map((task, i) => {
        if (i < free) {
          running++;
          return runOne(task, null);
        }
        return runOne(task, new Promise<void>((resolve) => line.push(resolve)));
      });
      const settled = await Promise.allSettled(runs);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
    },
    stats: () => ({ running, waiting: waiting() }),
  };
}
