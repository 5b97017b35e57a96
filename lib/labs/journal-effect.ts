/**
 * What a journal entry did to the lab, read from the request line and the
 * server's own answer (never from what the client claims): the page uses it
 * to say what ended a credential ("ended by sign out everywhere from panel 1").
 * Only successful answers change anything, so only they have an effect.
 *
 * Pure: the recorder and the unit tests share it.
 */
export type JournalEffect =
  | { kind: 'login'; username: string }
  | { kind: 'logout' }
  | { kind: 'logout-all'; username: string }
  | { kind: 'password-change'; username: string }
  | { kind: 'refresh' }
  | { kind: 'role'; username: string; role: string }
  | { kind: 'ban' | 'unban'; username: string }
  | { kind: 'key-rotation' }
  | { kind: 'clock'; now: number }
  | { kind: 'settings'; keyRotated: boolean }
  // username: whose credential the copy is, as the steal's answer said (a
  // mission check matches it against the user a revoking action ended).
  | { kind: 'steal'; copyId: number; strategy: string; username?: string }
  | { kind: 'replay'; copyId: number; strategy: string; endpoint: string; status: number; reason: string | null }
  | { kind: 'clear' };

type Body = Record<string, unknown> | undefined;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * @param rest the path below /api/labs/{labId}/, split on "/"
 */
export function journalEffect(method: string, rest: readonly string[], status: number, body: Body): JournalEffect | null {
  if (status < 200 || status >= 300 || method === 'GET') return null;
  const username = str(rec(body?.user)?.username);
  const [a, b, c] = rest;
  if (rest.length === 2 && a && b) {
    if (b === 'login' && username) return { kind: 'login', username };
    if (b === 'logout') return { kind: 'logout' };
    if (b === 'logout-all' && username) return { kind: 'logout-all', username };
    if (b === 'password' && username) return { kind: 'password-change', username };
    if (b === 'refresh') return { kind: 'refresh' };
    if (a === 'keys' && b === 'rotate') return { kind: 'key-rotation' };
  }
  if ((rest.length === 2 && b === 'steal') || (rest.length === 3 && c === 'steal')) {
    const copyId = num(body?.copyId);
    const strategy = str(body?.strategy);
    const owner = str(body?.username);
    if (copyId !== null && strategy) return owner ? { kind: 'steal', copyId, strategy, username: owner.slice(0, 64) } : { kind: 'steal', copyId, strategy };
  }
  if (rest.length === 3 && a === 'users' && b) {
    if (c === 'role') return { kind: 'role', username: b, role: str(rec(body?.user)?.role) ?? '?' };
    if (c === 'ban' || c === 'unban') return { kind: c, username: b };
  }
  if (rest.length === 1 && a === 'clock') {
    const now = num(body?.now);
    if (now !== null) return { kind: 'clock', now };
  }
  if (rest.length === 1 && a === 'settings') return { kind: 'settings', keyRotated: body?.keyRotated === true };
  if (rest.length === 1 && a === 'replay') {
    const copyId = num(rec(body?.copy)?.copyId);
    const strategy = str(rec(body?.copy)?.strategy);
    const innerStatus = num(body?.status);
    if (copyId !== null && strategy && innerStatus !== null) {
      return {
        kind: 'replay',
        copyId,
        strategy,
        endpoint: str(body?.endpoint) ?? '?',
        status: innerStatus,
        reason: str(rec(body?.body)?.reason),
      };
    }
  }
  if ((rest.length === 1 && a === 'copies' && method === 'DELETE') || (rest.length === 2 && a === 'copies' && b === 'clear')) {
    return { kind: 'clear' };
  }
  return null;
}
