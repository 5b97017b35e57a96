import type { BenchResults } from '@/lib/bench/results';
import type { BenchServer } from './server';

/** Placeholder until the HTTP section lands (issue 6): fails loudly rather than inventing figures. */
export async function runHttpSection(
  _server: BenchServer,
  _settings: { connections: number; durationSeconds: number; rounds: number },
): Promise<NonNullable<BenchResults['http']>> {
  throw new Error('the http section is not written yet');
}
