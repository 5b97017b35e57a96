import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { ClientHashShareError, PasswordHasherBusyError } from './auth/passwords';
import { clientAddress } from './client-address';
import { recordLabRequest } from './labs/journal';
import { ApiError } from './errors/api-error';
import type { ApiReason } from './errors/reasons';
import { withRequestClient } from './request-client';

/** Every API answer that is not a success has this shape. */
export type ErrorBody = { error: string; reason: ApiReason; detail?: string };

// Thrown from anywhere below a route; its status comes from lib/errors/status.ts.
export { ApiError };

// Auth answers carry credentials or depend on them: no cache may keep them.
const NO_STORE = { 'Cache-Control': 'no-store' };

// The JSON each answer was built from, kept beside it so the lab journal can
// read status, reason and lookups without parsing the body back.
const answerBodies = new WeakMap<Response, Record<string, unknown>>();

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  const res = NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) answerBodies.set(res, body as Record<string, unknown>);
  return res;
}

export function errorResponse(err: ApiError): NextResponse {
  const body: ErrorBody = { error: err.error, reason: err.reason };
  if (err.detail) body.detail = err.detail;
  return jsonResponse(body, err.status, err.headers);
}

export const MAX_BODY_BYTES = 4 * 1024;

/**
 * Reads a JSON body with the size cap enforced while streaming (before any
 * parsing or password hashing), then validates it with the schema.
 */
export async function readJsonBody<S extends z.ZodType>(req: NextRequest, schema: S): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('expected-json', 'Send the body as Content-Type: application/json.');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readCapped(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('malformed-json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Names the field by our schema's path and says what is wrong, never echoing
    // what was sent: zod's message for an unknown key quotes the key itself.
    const where = issue?.path.length ? issue.path.map((p) => (typeof p === 'number' ? p : String(p).slice(0, 40))).join('.') : 'body';
    const what = issue?.code === 'unrecognized_keys' ? 'unknown field' : (issue?.message ?? 'invalid');
    throw new ApiError('invalid-body', `${where}: ${what}`);
  }
  return parsed.data;
}

function tooLarge(): ApiError {
  return new ApiError('body-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
}

async function readCapped(req: NextRequest): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('malformed-json', 'The body is not valid UTF-8.');
  }
}

/**
 * CSRF defence for state-changing requests (OWASP CSRF cheat sheet, "Fetch
 * Metadata" and "Verifying Origin"): refuse what a browser marks as
 * cross-site, or whose Origin is another host or the opaque `null`. Requests
 * carrying neither header (curl, scripts) are not made by a victim's browser
 * and pass. The required JSON content type (assertJsonRequest) and SameSite
 * cookies are further layers.
 */
export function assertSameOrigin(req: NextRequest): void {
  const fetchSite = req.headers.get('sec-fetch-site');
  // `same-site` is refused too: on a workshop LAN another app on the same
  // host (another port) or a sibling subdomain is "same-site" but not us.
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    throw new ApiError('cross-site-request', 'State changes are refused from other sites.');
  }
  const origin = req.headers.get('origin');
  if (origin === null) return;
  if (!sameOrigin(origin, ownOrigin(req))) {
    throw new ApiError('cross-origin-request', 'The Origin header names another site.');
  }
}

/**
 * CSRF's second layer (issue 13.5): an HTML form can send only
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`,
 * and a cross-origin fetch that sets `application/json` needs a CORS preflight
 * we never grant. So every state change must say `Content-Type: application/json`,
 * also when it has no body (logout, rotate, ban…): Origin is then not the only check.
 */
export function assertJsonRequest(req: NextRequest): void {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('expected-json', 'State changes must be sent with Content-Type: application/json.');
  }
}

/** Our own origin as the request reached us: scheme (x-forwarded-proto behind a proxy), host and port. */
function ownOrigin(req: NextRequest): string | null {
  const host = req.headers.get('host');
  if (!host) return null;
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : req.nextUrl.protocol.replace(/:$/, '');
  return `${scheme}://${host}`;
}

/** Scheme, host and port compared (URL normalises case and the default port); `null` and garbage never match. */
function sameOrigin(origin: string, own: string | null): boolean {
  if (origin === 'null' || own === null) return false;
  try {
    return new URL(origin).origin === new URL(own).origin;
  } catch {
    return false;
  }
}

type Handler<P> = (req: NextRequest, params: P) => Promise<Response>;
type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: CSRF check for state changes, ApiError to JSON, a
 * busy database or password hasher to 503 with Retry-After, and anything unexpected to a 500
 * without a stack trace (logged on the server only).
 */
export function apiRoute<P>(handler: Handler<P>, options: { stateChanging: boolean; journaled?: boolean }) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    const params = await ctx.params;
    // Shared lines below the route (the password hasher) share per client: they read it from here.
    const res = await withRequestClient(clientAddress(req), () => answer(handler, options, req, params));
    // Every request to a lab's API goes into the lab's journal, as answered — except the
    // reads of the journal itself and of the copies list (options.journaled: false): a
    // screen polling the journal would otherwise fill it with its own polling.
    const labId = (params as { labId?: unknown } | null)?.labId;
    if (typeof labId === 'string' && options.journaled !== false) recordLabRequest(req, labId, res.status, answerBodies.get(res));
    return res;
  };
}

async function answer<P>(handler: Handler<P>, options: { stateChanging: boolean }, req: NextRequest, params: P): Promise<Response> {
  try {
    if (options.stateChanging) {
      assertSameOrigin(req);
      assertJsonRequest(req);
    }
    return await handler(req, params);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(err);
    if (err instanceof ClientHashShareError) {
      return errorResponse(
        new ApiError('too-many-password-hashes', 'This address has too many password checks waiting; try again shortly.', {
          'Retry-After': '2',
        }),
      );
    }
    if (err instanceof PasswordHasherBusyError) {
      return errorResponse(
        new ApiError('server-busy', 'Too many logins at once; try again shortly.', { 'Retry-After': '2' }),
      );
    }
    if (isSqliteBusy(err)) {
      return errorResponse(new ApiError('database-busy', 'Try again shortly.', { 'Retry-After': '1' }));
    }
    console.error('unexpected error in', req.method, req.nextUrl.pathname, err);
    return errorResponse(new ApiError('unexpected'));
  }
}

function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}
