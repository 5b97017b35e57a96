import 'server-only';
import { ApiError } from '../http';
// Presets are addressed like strategies (lib/presets).
import { findStrategyOrPreset as findStrategy } from '../presets/registry';
import type { Strategy } from '../auth/types';
import { findScenario } from './registry';
import type { Scenario } from './scenario';

/** Edge validation for the scenario endpoints: unknown names are 404s with a reason, never a 500. */
export function requireScenario(id: string): Scenario {
  const scenario = findScenario(id);
  if (!scenario) throw new ApiError('unknown-scenario', 'No such scenario.');
  return scenario;
}

/** `?strategy=` narrows a run to one strategy; absent means all of them. */
export function strategiesFromQuery(params: URLSearchParams): Strategy[] | undefined {
  const id = params.get('strategy');
  if (id === null) return undefined;
  const strategy = findStrategy(id);
  if (!strategy) throw new ApiError('unknown-strategy', 'No such strategy.');
  return [strategy];
}

export type ReportFormat = 'json' | 'md';

export function formatFromQuery(params: URLSearchParams): ReportFormat {
  const format = params.get('format') ?? 'json';
  if (format === 'json' || format === 'md') return format;
  throw new ApiError('unknown-format', 'format must be json or md.');
}
