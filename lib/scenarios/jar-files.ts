import { shellQuote } from '../curl';
import type { CopyKind, TraceCopy } from './types';

/**
 * The curl cookie jar each actor of a run plays its browser with, shared by
 * the report's evidence and the page's trace so both print the same lines.
 * Pure: no server imports.
 *
 * The theft is a `cp` of the victim's jar file. Where a run keeps two stolen
 * copies apart (a strategy that re-issues its credential on every read), the
 * copy "as stolen" is read and never written (`-b` only: it replays the stolen
 * values and never takes a re-issued cookie); the copy kept in use has a jar of
 * its own that takes every cookie the server sets (`-b … -c …`), like a browser.
 */
export type JarFile = { file: string; readOnly: boolean };

function attackerJar(copy: CopyKind | undefined): JarFile {
  if (copy === 'in-use') return { file: 'attacker-in-use.txt', readOnly: false };
  return { file: 'attacker.txt', readOnly: copy === 'as-stolen' };
}

export function jarFileOf(entry: { actor: string; username: string | null; copy?: CopyKind }): JarFile | undefined {
  if (entry.actor === 'operator') return undefined;
  if (entry.actor === 'bystander') return { file: `bystander-${entry.username ?? 'user'}.txt`, readOnly: false };
  if (entry.actor === 'attacker') return attackerJar(entry.copy);
  return { file: `${entry.actor}.txt`, readOnly: false };
}

/** The theft as a shell line: the victim's jar file copied to the attacker's. */
export function copyLineOf(entry: TraceCopy): string {
  return `cp ${shellQuote(`${entry.from}.txt`)} ${shellQuote(attackerJar(entry.copy).file)}`;
}
