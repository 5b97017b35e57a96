import 'server-only';
import type { Store } from '../db/store';
import type { Lab } from '../labs/lab';
import type { LabSettings } from '../labs/settings';
import type { Strategy } from '../auth/types';
import { strategies as allStrategies } from '../auth/registry';
import { scenarios as allScenarios } from './registry';
import type { Scenario } from './scenario';
import { runScenario, type RunnerOptions } from './runner';
import type { ScenarioResult } from './types';
import { packageVersions, type PackageVersions } from './versions';
import { LineFullError } from '../fifo-limiter';
import { createCellQueue, type CellQueue } from './cell-queue';
import { env } from '../env';
import { ApiError } from '../http';
import type { MatrixSet } from '../db/matrix-runs';
import type { PresetView } from '../presets/registry';

/** A set of results with the exact configuration they were produced under (the lab id is left out: it is a capability). */
export type MatrixReport = {
  /** Which set ran (reports stored before sets existed have none: strategies). */
  set?: MatrixSet;
  /** For the presets set: each preset's strategy, own settings and sources (its cells ran under those, not `settings`). */
  presets?: PresetView[];
  generatedAt: string;
  labClock: number;
  settings: LabSettings;
  versions: PackageVersions;
  scenarios: string[];
  strategies: string[];
  results: ScenarioResult[];
  durationMs: number;
};

// One line of scenario cells for the whole process, kept on globalThis: the
// matrix route and the single-scenario route must share it however Next
// bundles and loads them (a module-level copy per route would double what runs
// at once). Every cell drives this server's own API on the thread that answers
// it: 100 matrices started at once put 4,200 cells and their requests on that
// thread together and everyone finishes late; a few at a time, in arrival
// order, keeps each request fast and finishes the first participant first.
// Only the start of a cell waits: the requests a running cell makes are never
// gated (they would wait behind cells that wait for them — a deadlock).
// Served in turn across labs (cell-queue.ts), not first-come: one lab's matrix
// must not wait behind every cell of ten matrices started before it.
const holder = globalThis as unknown as { __revocationLabCellQueue?: CellQueue };
/** A full line frees room for one more matrix (42 cells, ~20 ms each) in about a second; a few, under load. */
const RETRY_AFTER_SECONDS = 5;
const cellQueue = () => (holder.__revocationLabCellQueue ??= createCellQueue(env.scenarioCellConcurrency, env.scenarioCellQueueLimit));

/** The run's client went away before it finished: nobody is left to answer. */
export class MatrixCancelledError extends Error {
  constructor() {
    super('matrix run cancelled: the client went away');
  }
}

/**
 * Runs every (scenario, strategy) pair given. Each has its own throwaway lab,
 * so nothing is shared and nothing needs ordering; they start through the
 * process-wide line of cells (cell-queue.ts), so a room of matrices is served
 * a few cells at a time, in turn across labs, instead of all at once and all late.
 * When the line is full the request is answered 503 server-busy at once.
 */
export async function runMatrix(
  store: Store,
  lab: Lab,
  options: RunnerOptions & { signal?: AbortSignal },
  only: { scenarios?: readonly Scenario[]; strategies?: readonly Strategy[]; set?: MatrixSet; presets?: PresetView[] } = {},
): Promise<MatrixReport> {
  const started = performance.now();
  const scenarios = only.scenarios ?? allScenarios;
  const strategies = only.strategies ?? allStrategies;
  const { signal, ...runnerOptions } = options;
  // A cancelled run (its client went away) skips every cell not yet started: each
  // gives its place in the line back at once, and only the few already running
  // (tens of ms each, deleting their throwaway labs as usual) finish.
  const cells = scenarios.flatMap((scenario) =>
    strategies.map((strategy) => () => {
      if (signal?.aborted) return Promise.reject(new MatrixCancelledError());
      return runScenario(store, lab, scenario, strategy, runnerOptions);
    }),
  );
  let results: ScenarioResult[];
  try {
    results = await cellQueue().runAll(lab.id, cells);
  } catch (err) {
    if (err instanceof LineFullError) {
      throw new ApiError('server-busy', 'Too many scenario runs are waiting; try again shortly.', {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      });
    }
    throw err;
  }
  return {
    ...(only.set ? { set: only.set } : {}),
    ...(only.presets ? { presets: only.presets } : {}),
    generatedAt: new Date().toISOString(),
    labClock: lab.now(),
    settings: lab.settings,
    versions: packageVersions(),
    scenarios: scenarios.map((s) => s.id),
    strategies: strategies.map((s) => s.id),
    results,
    durationMs: Math.round(performance.now() - started),
  };
}
