import { curlLine } from '@/lib/curl';
import { copyLineOf, jarFileOf } from '@/lib/scenarios/jar-files';
import type { TraceEntry } from '@/lib/scenarios/types';

/**
 * The shell line that repeats one step of a run. Every actor plays a browser
 * with its own curl cookie jar (`-b jar -c jar`); the theft is a `cp` of the
 * victim's jar file, which is exactly what a stolen copy is (lib/scenarios/jar-files.ts).
 */
export function shellLineFor(entry: TraceEntry, origin: string): string {
  if (entry.kind === 'copy') return copyLineOf(entry);
  const jar = jarFileOf(entry);
  return curlLine({
    origin,
    method: entry.method,
    path: entry.path,
    json: entry.requestBody === null ? undefined : entry.requestBody,
    jar: jar?.file,
    jarReadOnly: jar?.readOnly,
  });
}
