import 'server-only';
import { z } from 'zod';
import { ApiError } from '../http';
import { HttpAgent } from '../http-agent';
import { selfBaseUrl } from '../self-url';
import { cookiePath } from '../cookies';
import type { Strategy } from '../auth/types';
import { ACTOR_HEADER } from './journal';
import { isRefreshable } from '../auth/registry';

/** RFC 6265 cookie-octet: no controls, spaces, quotes, commas, semicolons or backslashes. */
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,4096}$/;

/**
 * The endpoints a replay may hit, by name. Never a URL from the caller: the
 * server makes this request itself, and a caller-chosen URL would turn the
 * lab into a request-forgery proxy (SSRF).
 */
export const replayEndpoints = {
  me: { method: 'GET', segment: 'me' },
  admin: { method: 'GET', segment: 'admin' },
  refresh: { method: 'POST', segment: 'refresh' },
} as const;

const stolenCookieSchema = z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), value: z.string().regex(COOKIE_VALUE) }).strict();
export const stolenCookiesSchema = z.array(stolenCookieSchema).min(1).max(4);

const claimsSchema = z.record(z.string().max(64), z.unknown());

/**
 * A replay names a copy the lab holds (POST …/steal made it): the page never
 * holds the stolen bytes. `tamper` edits a JWT copy's header or payload for
 * this one request (the /learn tamper demo): what an attacker who cannot sign
 * can do; the stored copy is not changed.
 */
export const replayBodySchema = z
  .object({
    copyId: z.number().int().positive().max(1_000_000),
    endpoint: z.enum(['me', 'admin', 'refresh']),
    tamper: z
      .object({ header: claimsSchema.optional(), payload: claimsSchema.optional(), dropSignature: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export type StolenCookie = z.infer<typeof stolenCookieSchema>;

/**
 * What the attacker's machine holds after the inner answer: the stolen
 * cookies, with every value the answer set through Set-Cookie for one of the
 * strategy's cookies replacing the old one (a refresh rotates both the access
 * and the refresh cookie). A deletion (Max-Age=0, empty value) is not applied:
 * the copy is the stolen bytes, which the attacker can always send again.
 * Validated with the schema of a stored copy: the attacker store keeps the
 * result (lib/labs/copies.ts), and the next replay sends it.
 */
export function cookiesAfter(sent: readonly StolenCookie[], setCookieLines: readonly string[], owned: readonly string[]): StolenCookie[] {
  const next = sent.map((c) => ({ ...c }));
  for (const line of setCookieLines) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq < 1) continue;
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (!owned.includes(name) || value === '') continue;
    const deleted = attrs.some((a) => {
      const [k, v = ''] = a.split('=');
      const key = k!.trim().toLowerCase();
      return (key === 'max-age' && Number(v) <= 0) || (key === 'expires' && Date.parse(v.trim()) <= Date.now());
    });
    if (deleted) continue;
    const candidate = stolenCookieSchema.safeParse({ name, value });
    if (!candidate.success) continue;
    const at = next.findIndex((c) => c.name === name);
    if (at >= 0) next[at] = candidate.data;
    else next.push(candidate.data);
  }
  return stolenCookiesSchema.parse(next);
}

export type ReplayBody = z.infer<typeof replayBodySchema>;
export type ReplayEndpoint = ReplayBody['endpoint'];

/**
 * Plays the attacker: a fresh cookie jar holding only the stolen values, and
 * a REAL HTTP request to our own API, verified by the same code as any other.
 * The request says `X-Lab-Actor: attacker`, so the lab journal names it.
 */
export async function replayStolenCookies(labId: string, strategy: Strategy, cookies: readonly StolenCookie[], endpoint: ReplayEndpoint) {
  // The strategy's own method, not a hard-coded id: a new refreshable strategy is one new file.
  if (endpoint === 'refresh' && !isRefreshable(strategy)) {
    throw new ApiError('invalid-body', `endpoint: ${strategy.id} has no refresh endpoint.`);
  }
  const path = cookiePath(labId, strategy.id);
  const attacker = new HttpAgent(selfBaseUrl(), { [ACTOR_HEADER]: 'attacker' });
  for (const c of cookies) attacker.setCookie({ name: c.name, value: c.value, path });
  const { method, segment } = replayEndpoints[endpoint];
  const res = await attacker.request(method, `${path}/${segment}`);
  return {
    status: res.status,
    body: res.body,
    request: { method: res.method, path: res.path },
    /** The copy as the attacker now holds it (rotated by the inner answer's Set-Cookie, if any): stays on the server. */
    cookiesAfter: cookiesAfter(cookies, res.headers.getSetCookie(), strategy.cookieNames),
  };
}
