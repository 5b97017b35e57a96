import { NextResponse, type NextRequest } from 'next/server';
import {
  API_CONTENT_SECURITY_POLICY,
  API_METHODS,
  HSTS_VALUE,
  isHttpsRequest,
  newNonce,
  pageContentSecurityPolicy,
  pathIsWellEncoded,
} from './lib/security-headers';
import { statusOf } from './lib/errors/status';
import type { RequestReason } from './lib/errors/reasons';

const PAGE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * Per-request response headers only. Authentication is never decided here
 * (the route handlers verify every credential themselves); this file adds a
 * fresh CSP nonce to every page, a locked-down CSP to every API answer, HSTS
 * over HTTPS, and refuses requests Next itself would answer with a 500
 * (an unknown method such as TRACE, a broken percent-escape in the path).
 */
export function proxy(req: NextRequest) {
  const https = isHttpsRequest(req.nextUrl.protocol, req.headers.get('x-forwarded-proto'));
  const isApi = req.nextUrl.pathname === '/api' || req.nextUrl.pathname.startsWith('/api/');

  if (isApi && !API_METHODS.has(req.method)) {
    return apiError('method-not-allowed', https, { Allow: [...API_METHODS].join(', ') });
  }
  // Pages are read with GET (and HEAD); the app has no server actions, so any
  // other method on a page is refused here (Next would render the page for a POST).
  if (!isApi && !PAGE_METHODS.has(req.method)) {
    return apiError('method-not-allowed', https, { Allow: 'GET, HEAD' });
  }
  if (!pathIsWellEncoded(req.nextUrl.pathname)) {
    return apiError('malformed-path', https);
  }

  if (isApi) {
    const res = NextResponse.next();
    res.headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    // Every API answer depends on a capability URL or a credential: no cache keeps it.
    res.headers.set('Cache-Control', 'no-store');
    if (https) res.headers.set('Strict-Transport-Security', HSTS_VALUE);
    return res;
  }

  const nonce = newNonce();
  const csp = pageContentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === 'development' });
  // Next reads the nonce from the request's CSP header and puts it on its own
  // scripts; pages that need it read x-nonce. Both overwrite anything the client sent.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  if (https) res.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return res;
}

function apiError(reason: RequestReason, https: boolean, extra: Record<string, string> = {}) {
  const { status, error } = statusOf({ reason });
  const res = NextResponse.json(
    { error, reason },
    { status, headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY, ...extra } },
  );
  if (https) res.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return res;
}

export const config = {
  // Static build output carries no nonce and needs none; its headers come from next.config.js.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
