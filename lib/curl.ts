/**
 * Builds the `curl` line that repeats a request outside the browser. Pure, so
 * the timeline can build it on the page and tests can pin it.
 *
 * Cookies: a victim's cookies are HttpOnly, so the page never knows them;
 * its lines use a cookie-jar file per strategy (`-b jar -c jar`), which is
 * how curl plays a browser. An attacker's lines carry the stolen values
 * explicitly (`-b 'name=value'`): that is exactly what a stolen copy is.
 */
export type CurlInput = {
  origin: string;
  method: string;
  path: string;
  json?: unknown;
  jar?: string;
  /** Send the jar's cookies but never write the answer's back (`-b` without `-c`): a stolen copy replayed as it was. */
  jarReadOnly?: boolean;
  cookies?: readonly { name: string; value: string }[];
  /** A JSON body given as a shell word the caller has quoted itself (it names shell variables, such as "$PASSWORD"). */
  shellData?: string;
};

/** POSIX single-quoting: safe for any value, including quotes and spaces. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-./:=@%+,]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlLine(input: CurlInput): string {
  const parts = ['curl', '-i'];
  const method = input.method.toUpperCase();
  if (method !== 'GET') parts.push('-X', method);
  if (input.jar) parts.push('-b', shellQuote(input.jar), ...(input.jarReadOnly ? [] : ['-c', shellQuote(input.jar)]));
  if (input.cookies?.length) parts.push('-b', shellQuote(input.cookies.map((c) => `${c.name}=${c.value}`).join('; ')));
  // The server refuses a state change without this header, body or not (CSRF, lib/http.ts).
  if (input.json !== undefined || input.shellData !== undefined || method !== 'GET') parts.push('-H', shellQuote('Content-Type: application/json'));
  if (input.json !== undefined) parts.push('--data', shellQuote(JSON.stringify(input.json)));
  else if (input.shellData !== undefined) parts.push('--data', input.shellData);
  parts.push(shellQuote(input.origin.replace(/\/+$/, '') + input.path));
  return parts.join(' ');
}
