import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import type { CookieJar, CookieWrite } from './auth/types';
import { isHttpsRequest } from './security-headers';

/**
 * Every cookie is scoped to /api/labs/{labId}/{strategy}: two labs, or two
 * strategies of one lab, open in one browser never send each other's cookies.
 * (Path matching is per segment, so `/jwt` does not match `/jwt-denylist`.)
 */
export function cookiePath(labId: string, strategyId: string): string {
  return `/api/labs/${labId}/${strategyId}`;
}

/**
 * `Secure` whenever the browser will keep it: over HTTPS, and on loopback
 * hosts (browsers treat http://localhost as a secure context). On a plain-HTTP
 * LAN address a browser would silently drop a Secure cookie, so it is left off
 * there — see the README, "Serving a workshop over plain HTTP".
 */
export function secureAllowed(req: NextRequest): boolean {
  // The same reading of X-Forwarded-Proto as the HSTS header's: a page sent with HSTS gets Secure cookies.
  if (isHttpsRequest(req.nextUrl.protocol, req.headers.get('x-forwarded-proto'))) return true;
  const host = (req.headers.get('host') ?? '').replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

function attributes(req: NextRequest, labId: string, strategyId: string, subPath?: string) {
  const base = cookiePath(labId, strategyId);
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: secureAllowed(req),
    path: subPath ? `${base}/${subPath}` : base,
    // No Max-Age: a browser-session cookie. Expiry is enforced by the server on
    // the lab clock, which the browser cannot see.
  };
}

export function readJar(req: NextRequest, names: readonly string[]): CookieJar {
  const jar = new Map<string, string>();
  for (const name of names) {
    const value = req.cookies.get(name)?.value;
    if (value !== undefined) jar.set(name, value);
  }
  return jar;
}

export function writeCookies(res: NextResponse, req: NextRequest, labId: string, strategyId: string, writes: CookieWrite[]) {
  for (const { name, value, subPath } of writes) res.cookies.set(name, value, attributes(req, labId, strategyId, subPath));
}

/**
 * Cleared with the very attributes it was set with, or the browser keeps the
 * original: a cookie set below the strategy's path (subPaths, by name) must be
 * cleared on that same path.
 */
export function clearCookies(
  res: NextResponse,
  req: NextRequest,
  labId: string,
  strategyId: string,
  names: readonly string[],
  subPaths: Readonly<Record<string, string>> = {},
) {
  for (const name of names) {
    res.cookies.set(name, '', { ...attributes(req, labId, strategyId, subPaths[name]), maxAge: 0, expires: new Date(0) });
  }
}
