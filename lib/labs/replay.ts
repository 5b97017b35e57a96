import 'server-only';
import { z } from 'zod';
import { ApiError } from '../http';
import { HttpAgent } from '../http-agent';
import { selfBaseUrl } from '../self-url';
import { cookiePath } from '../cookies';
import type { Strategy } from '../auth/types';

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

export const replayBodySchema = z
  .object({
    strategy: z.string().min(1).max(40),
    endpoint: z.enum(['me', 'admin', 'refresh']),
    cookies: z
      .array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), value: z.string().regex(COOKIE_VALUE) }).strict())
      .min(1)
      .max(4),
  })
  .strict();

export type ReplayBody = z.infer<typeof replayBodySchema>;

/**
 * Plays the attacker: a fresh cookie jar holding only the stolen values, and
 * a REAL HTTP request to our own API, verified by the same code as any other.
 */
export async function replayStolenCookies(labId: string, strategy: Strategy, body: ReplayBody) {
  for (const c of body.cookies) {
    if (!strategy.cookieNames.includes(c.name)) {
      throw new ApiError(400, 'bad-request', 'invalid-body', `cookies: "${c.name}" is not a cookie of ${strategy.id}.`);
    }
  }
  if (body.endpoint === 'refresh' && strategy.id !== 'jwt-refresh') {
    throw new ApiError(400, 'bad-request', 'invalid-body', 'endpoint: refresh exists only for jwt-refresh.');
  }
  const path = cookiePath(labId, strategy.id);
  const attacker = new HttpAgent(selfBaseUrl());
  for (const c of body.cookies) attacker.setCookie({ name: c.name, value: c.value, path });
  const { method, segment } = replayEndpoints[body.endpoint];
  const res = await attacker.request(method, `${path}/${segment}`);
  return { status: res.status, body: res.body, request: { method: res.method, path: res.path } };
}
