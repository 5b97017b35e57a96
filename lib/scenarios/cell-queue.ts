import { LineFullError } from '../fifo-limiter';

/**
 * The line of scenario cells, served in turn across labs (issue 13.2): at most
 * `concurrency` cells run at once process-wide, and when a place frees up it
 * goes to the next lab in the rotation that has a cell waiting — not to the
 * cell that arrived first. A lab that starts its matrix behind ten others then
 * gets every eleventh place from the start instead of waiting for 420 cells.
 * At most `maxWaiting` cells wait in all; a call that would not fit is refused
 * whole with LineFullError before any of its cells start.
 *
 * A finished cell hands its place straight to the next one, so a newcomer
 * cannot slip in between and run one over the limit.
 */
export type CellQueue = {
  /** Runs one lab's cells; resolves with their results in order, or rejects with the first failure once all have settled. */
  runAll<T>(labKey: string, tasks: readonly (() => Promise<T>)[]): Promise<T[]>;
  stats(): { running: number; waiting: number; labsWaiting: number };
};

export function createCellQueue(concurrency: number, maxWaiting: number): CellQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a non-negative integer, got ${maxWaiting}`);

  let running = 0;
  let waiting = 0;
  // Labs with cells waiting, in rotation order, and each lab's own line (first in, first out within a lab).
  const rotation: string[] = [];
  const lines = new Map<string, (() => void)[]>();
  let turn = 0;

  const release = () => {
    if (rotation.length === 0) {
      running--;
      return;
    }
    if (turn >= rotation.length) turn = 0;
    const key = rotation[turn]!;
    const line = lines.get(key)!;
    const next = line.shift()!;
    waiting--;
    if (line.length === 0) {
      // The lab leaves the rotation; the one after it moves into this position and is next.
      lines.delete(key);
      rotation.splice(turn, 1);
    } else {
      turn++;
    }
    next();
  };

  const enqueue = (key: string): Promise<void> =>
    new Promise<void>((resolve) => {
      let line = lines.get(key);
      if (!line) {
        line = [];
        lines.set(key, line);
        // A newly waiting lab joins just before the one whose turn it is: it waits at most one round.
        if (turn >= rotation.length) turn = 0;
        rotation.splice(rotation.length === 0 ? 0 : turn, 0, key);
        if (rotation.length > 1) turn++;
      }
      line.push(resolve);
      waiting++;
    });

  const runOne = async <T>(task: () => Promise<T>, admitted: Promise<void> | null): Promise<T> => {
    if (admitted) await admitted;
    try {
      return await task();
    } finally {
      release();
    }
  };

  return {
    async runAll<T>(labKey: string, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
      // Newcomers start at once only while nobody waits: never ahead of the line.
      const free = waiting === 0 ? Math.max(0, concurrency - running) : 0;
      const toWait = Math.max(0, tasks.length - free);
      if (waiting + toWait > maxWaiting) throw new LineFullError(waiting, toWait);
      const runs = tasks.map((task, i) => {
        if (i < free) {
          running++;
          return runOne(task, null);
        }
        return runOne(task, enqueue(labKey));
      });
      const settled = await Promise.allSettled(runs);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
    },
    stats: () => ({ running, waiting, labsWaiting: rotation.length }),
  };
}
