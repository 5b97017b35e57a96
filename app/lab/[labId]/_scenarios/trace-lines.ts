import { curlLine, shellQuote } from '@/lib/curl';
import type { TraceEntry } from '@/lib/scenarios/types';

/**
 * The shell line that repeats one step of a run. Every actor plays a browser
 * with its own curl cookie jar (`-b jar -c jar`); the theft is a `cp` of the
 * victim's jar file, which is exactly what a stolen copy is.
 */
export function jarFileOf(entry: { actor: string; username: string | null }): string | undefined {
  if (entry.actor === 'operator') return undefined;
  if (entry.actor === 'bystander') return `bystander-${entry.username ?? 'user'}.txt`;
  return `${entry.actor}.txt`;
}

export function shellLineFor(entry: TraceEntry, origin: string): string {
  if (entry.kind === 'copy') return `cp ${shellQuote(`${entry.from}.txt`)} ${shellQuote(`${entry.to}.txt`)}`;
  return curlLine({
    origin,
    method: entry.method,
    path: entry.path,
    json: entry.requestBody === null ? undefined : entry.requestBody,
    jar: jarFileOf(entry),
  });
}
