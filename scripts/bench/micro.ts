import type { BenchResults } from '@/lib/bench/results';

/** Placeholder until the micro section lands (issue 6): fails loudly rather than inventing figures. */
export async function runMicroSection(_options: { quick: boolean }): Promise<NonNullable<BenchResults['micro']>> {
  throw new Error('the micro section is not written yet');
}
