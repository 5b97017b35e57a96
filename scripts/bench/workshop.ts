import type { BenchResults } from '@/lib/bench/results';
import type { BenchServer } from './server';

/** Placeholder until the workshop section lands (issue 6): fails loudly rather than inventing figures. */
export async function runWorkshopSection(_server: BenchServer, _options: { labs: number }): Promise<NonNullable<BenchResults['workshop']>> {
  throw new Error('the workshop section is not written yet');
}
