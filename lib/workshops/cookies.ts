import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { secureAllowed } from '../cookies';
import { env } from '../env';

/**
 * The workshop's two cookies, written only here. Both hold a 256-bit secret
 * the server keeps only as a hash; both are HttpOnly (page script never holds
 * them) and Path=/ (the join page, the lab page and the API all need them).
 */
export const PARTICIPANT_COOKIE = 'rl_participant';
export const facilitatorCookieName = (workshopId: string) => `rl_facilitator_${workshopId}`;

/**
 * Lax, not Strict: a participant who follows the join link from a chat or a
 * QR-code scanner arrives by a cross-site navigation, and must be recognised
 * there. Lax still withholds it from cross-site POSTs (and every POST needs
 * JSON and a matching Origin besides).
 */
export function setParticipantCookie(res: NextResponse, req: NextRequest, value: string): void {
  res.cookies.set(PARTICIPANT_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureAllowed(req),
    path: '/',
    // Outlives a closed tab or a browser restart for as long as the workshop can be idle.
    maxAge: env.workshopIdleSeconds,
  });
}

/** Strict: the console's key is never sent on a request another site starts. */
export function setFacilitatorCookie(res: NextResponse, req: NextRequest, workshopId: string, key: string): void {
  res.cookies.set(facilitatorCookieName(workshopId), key, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureAllowed(req),
    path: '/',
    maxAge: env.workshopIdleSeconds,
  });
}

/** The facilitator's key from the cookie, or from `Authorization: Bearer <key>` (curl). */
export function presentedFacilitatorKey(req: NextRequest, workshopId: string): string | null {
  const auth = req.headers.get('authorization');
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? req.cookies.get(facilitatorCookieName(workshopId))?.value ?? null;
}

/** Our origin as the request reached us (for the join and console links handed back to the creator). */
export function requestOrigin(req: NextRequest): string {
  const host = req.headers.get('host') ?? req.nextUrl.host;
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : req.nextUrl.protocol.replace(/:$/, '');
  return `${scheme}://${host}`;
}
