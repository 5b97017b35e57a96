import { createKeyedLine } from '../keyed-line';

/**
 * The line of scenario cells (issue 13.2): at most `concurrency` cells run at
 * once process-wide, at most `maxWaiting` wait; a call that would not fit is
 * refused whole with LineFullError before any of its cells start. When a
 * place frees up it goes alternately to the lab that started waiting last and
 * to the one that started waiting first (lib/keyed-line.ts
 * `newest-and-oldest`): a lab that starts its matrix behind ten others' gets
 * every other place and finishes within about twice its lone time, and the
 * oldest run still moves every other place, so none waits for ever.
 */
export type CellQueue = {
  /** Runs one lab's cells; resolves with their results in order, or rejects with the first failure once all have settled. */
  runAll<T>(labKey: string, tasks: readonly (() => Promise<T>)[]): Promise<T[]>;
  stats(): { running: number; waiting: number; labsWaiting: number };
};

export function createCellQueue(concurrency: number, maxWaiting: number): CellQueue {
  const line = createKeyedLine({ concurrency, maxWaiting, order: 'newest-and-oldest' });
  return {
    runAll: (labKey, tasks) => line.runAll(labKey, tasks),
    stats: () => {
      const { running, waiting, keysWaiting } = line.stats();
      return { running, waiting, labsWaiting: keysWaiting };
    },
  };
}
