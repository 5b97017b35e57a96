import { LineFullError } from './fifo-limiter';

/**
 * A bounded line shared by many keys (clients, labs), served by key rather
 * than first come: at most `concurrency` tasks run at once process-wide, at
 * most `maxWaiting` wait in all, and — with `maxPerKey` — at most that many
 * run or wait for any one key, so one key can never fill the line that every
 * other key needs (issue 13.1: "limit per client before the shared queue").
 *
 * When a place frees up, which key's task goes next is the `order`:
 * - `round-robin`: the keys take turns; a key that starts waiting joins the end
 *   of the round, so it waits at most one task per other waiting key. Used for
 *   the password hasher, whose tasks all cost the same (one scrypt).
 * - `newest-and-oldest`: the places go alternately to the key that started
 *   waiting last and to the one that started waiting first. Used for scenario
 *   cells (issue 13.2): a lab whose matrix starts behind ten others' gets every
 *   other place, about half the throughput, so it finishes within about twice
 *   its lone time, while the oldest run is still served every other place, so
 *   no run waits for ever behind newer ones (each moves up as older ones
 *   finish). Round-robin would give the newcomer 1/11 of the throughput
 *   (~11× its lone time), and least-attained-service about the same: a
 *   matrix is 42 equal cells, so a newcomer only catches up with the others
 *   and then finishes with them.
 *
 * Within a key, tasks run first in, first out. A finished task hands its place
 * straight to the next one, so a newcomer cannot slip in between and run one
 * over the limit. State is in process memory on purpose: it is a line of
 * promises of this process (the work it orders runs here), not a fact to keep.
 */
export type LineOrder = 'round-robin' | 'newest-and-oldest';

/** One key already holds its whole share of the line: the caller answers 429 for that client only. */
export class KeyShareFullError extends Error {
  constructor(
    readonly key: string,
    readonly held: number,
    readonly maxPerKey: number,
  ) {
    super(`${held} tasks of this key are running or waiting (at most ${maxPerKey}).`);
    this.name = 'KeyShareFullError';
  }
}

export type KeyedLine = {
  /**
   * Runs the key's tasks, in order of admission within the key; resolves with
   * their results in order, or rejects with the first failure once every task
   * of the call has settled. Admitted whole or not at all: LineFullError when
   * the line, KeyShareFullError when the key's share, cannot take them all.
   */
  runAll<T>(key: string, tasks: readonly (() => Promise<T>)[]): Promise<T[]>;
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: number; keysWaiting: number };
};

export function createKeyedLine(options: { concurrency: number; maxWaiting: number; maxPerKey?: number; order: LineOrder }): KeyedLine {
  const { concurrency, maxWaiting, order } = options;
  const maxPerKey = options.maxPerKey ?? Infinity;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a non-negative integer, got ${maxWaiting}`);
  if (maxPerKey !== Infinity && (!Number.isInteger(maxPerKey) || maxPerKey < 1)) {
    throw new RangeError(`maxPerKey must be a positive integer, got ${maxPerKey}`);
  }

  let running = 0;
  let waiting = 0;
  // Keys with tasks waiting, in the order they started waiting (round-robin moves a served key to the end).
  const keys: string[] = [];
  const lines = new Map<string, (() => void)[]>();
  // Tasks running or waiting per key (for maxPerKey); a key with none has no entry.
  const held = new Map<string, number>();
  let newestNext = true;

  const pickKey = (): { key: string; index: number } => {
    if (order === 'round-robin' || keys.length === 1) return { key: keys[0]!, index: 0 };
    const index = newestNext ? keys.length - 1 : 0;
    newestNext = !newestNext;
    return { key: keys[index]!, index };
  };

  const release = (key: string) => {
    const left = held.get(key)! - 1;
    if (left === 0) held.delete(key);
    else held.set(key, left);
    if (keys.length === 0) {
      running--;
      return;
    }
    const { key: next, index } = pickKey();
    const line = lines.get(next)!;
    const start = line.shift()!;
    waiting--;
    keys.splice(index, 1);
    if (line.length === 0) lines.delete(next);
    // Round-robin: a key served now goes to the end of the round; otherwise it keeps its place in time.
    else if (order === 'round-robin') keys.push(next);
    else keys.splice(index, 0, next);
    start();
  };

  const enqueue = (key: string): Promise<void> =>
    new Promise<void>((resolve) => {
      let line = lines.get(key);
      if (!line) {
        line = [];
        lines.set(key, line);
        keys.push(key);
      }
      line.push(resolve);
      waiting++;
    });

  const runOne = async <T>(key: string, task: () => Promise<T>, admitted: Promise<void> | null): Promise<T> => {
    if (admitted) await admitted;
    try {
      return await task();
    } finally {
      release(key);
    }
  };

  const line: KeyedLine = {
    async runAll<T>(key: string, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
      const mine = held.get(key) ?? 0;
      if (mine + tasks.length > maxPerKey) throw new KeyShareFullError(key, mine, maxPerKey);
      // Newcomers start at once only while nobody waits: never ahead of the line.
      const free = waiting === 0 ? Math.max(0, concurrency - running) : 0;
      const toWait = Math.max(0, tasks.length - free);
      if (waiting + toWait > maxWaiting) throw new LineFullError(waiting, toWait);
      if (tasks.length > 0) held.set(key, mine + tasks.length);
      const runs = tasks.map((task, i) => {
        if (i < free) {
          running++;
          return runOne(key, task, null);
        }
        return runOne(key, task, enqueue(key));
      });
      const settled = await Promise.allSettled(runs);
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw failed.reason;
      return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
    },
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const [result] = await line.runAll(key, [task]);
      return result as T;
    },
    stats: () => ({ running, waiting, keysWaiting: keys.length }),
  };
  return line;
}
