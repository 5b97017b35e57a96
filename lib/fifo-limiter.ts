/**
 * A first-in, first-out line with a bounded number of places: at most
 * `concurrency` tasks run at once, at most `maxWaiting` wait, the rest are
 * refused at once. Used for the password hasher (lib/auth/passwords.ts: each
 * scrypt holds 8 MiB) and for scenario cells (lib/scenarios/matrix.ts: each
 * drives this server's own API on the thread that answers it).
 *
 * A finished task hands its place straight to the first in line, so nobody
 * arriving in between can slip ahead and run one over the limit.
 */

/** The line is full: the caller answers "busy, retry later" rather than making everyone wait longer. */
export class LineFullError extends Error {
  constructor(
    readonly waiting: number,
    readonly requested: number,
  ) {
    super(`${waiting} tasks are already waiting; ${requested} more do not fit.`);
    this.name = 'LineFullError';
  }
}

export type FifoLimiter = {
  /** Runs one task when its turn comes; rejects with LineFullError at once if the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Runs the tasks, at most `concurrency` at a time across every caller, in
   * the order they were admitted, and resolves with their results in order.
   * All of them are admitted or none: rejects with
   * LineFullError, before starting any, when they would not fit in the
   * line (a matrix is refused whole, never half-run). A task that fails frees its place like any other; the call then
   * rejects with the first failure, once every task of the call has settled
   * (its work is done before its answer is).
   */
  runAll<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]>;
  /** Tasks running and waiting now (for tests and diagnostics). */
  stats(): { running: number; waiting: number };
};

export function createFifoLimiter(concurrency: number, maxWaiting: number): FifoLimiter {
  // A concurrency below 1 would queue every task for ever: refuse it loudly.
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

  const limiter: FifoLimiter = {
    async run<T>(task: () => Promise<T>): Promise<T> {
      const [result] = await limiter.runAll([task]);
      return result as T;
    },
    async runAll<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
      // Newcomers start at once only while nobody waits: never ahead of the line.
      const free = waiting() === 0 ? Math.max(0, concurrency - running) : 0;
      const toWait = Math.max(0, tasks.length - free);
      if (waiting() + toWait > maxWaiting) throw new LineFullError(waiting(), toWait);
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
  return limiter;
}
