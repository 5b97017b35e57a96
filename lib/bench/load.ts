import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { benchResultsSchema, type BenchResults } from './results';

/** Where `npm run bench` writes a full run; the copy in git is what the site shows. */
export const COMMITTED_RESULTS_PATH = path.join('lib', 'bench', 'results.json');

export type LoadedBenchResults = { ok: true; results: BenchResults } | { ok: false; reason: 'missing' | 'invalid' };

/**
 * Reads the committed results. A missing or malformed file is a value, not a
 * crash: the page then says how to produce one instead of showing figures
 * nobody measured.
 */
export function loadCommittedBenchResults(root = process.cwd()): LoadedBenchResults {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, COMMITTED_RESULTS_PATH), 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = benchResultsSchema.safeParse(json);
  return parsed.success ? { ok: true, results: parsed.data } : { ok: false, reason: 'invalid' };
}
