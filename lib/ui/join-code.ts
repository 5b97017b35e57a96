/**
 * A join code as people type it: read aloud, copied from a projector, typed
 * on a phone that capitalises the first letter and inserts spaces. The
 * server's codes use only `ACDEFGHJKMNPQRTUVWXY34679` (no look-alikes), six
 * of them; input is case-insensitive and tolerant of spaces and dashes.
 *
 * Pure: the join form and its unit test share it.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

/** Upper case, separators removed: `" ab-c 12 3"` → `"ABC123"`. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.·・]/g, '');
}

/** True when the normalized code can be one the server hands out (saves a round trip for a typo). */
export function isWellFormedJoinCode(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** A code shown to a room: two groups of three, easier to read aloud (`ACD 479`). */
export function spacedJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The seconds of a Retry-After header (delta form), or null. */
export function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const n = Number(header);
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}
