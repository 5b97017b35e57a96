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

/** A set of results with the exact configuration they were produced under (the lab id is left out: it is a capability). */
export type MatrixReport = {
  generatedAt: string;
  labClock: number;
  settings: LabSettings;
  versions: PackageVersions;
  scenarios: string[];
  strategies: string[];
  results: ScenarioResult[];
  durationMs: number;
};

/**
 * Runs every (scenario, strategy) pair given, all at once: each has its own
 * throwaway lab, so nothing is shared and nothing needs ordering.
 */
export async function runMatrix(
  store: Store,
  lab: Lab,
  options: RunnerOptions,
  only: { scenarios?: readonly Scenario[]; strategies?: readonly Strategy[] } = {},
): Promise<MatrixReport> {
  const started = performance.now();
  const scenarios = only.scenarios ?? allScenarios;
  const strategies = only.strategies ?? allStrategies;
  const results = await Promise.all(
    scenarios.flatMap((scenario) => strategies.map((strategy) => runScenario(store, lab, scenario, strategy, options))),
  );
  return {
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
