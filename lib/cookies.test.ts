import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { secureAllowed } from './cookies';
import { isHttpsRequest } from './security-headers';

const lanRequest = (forwardedProto?: string) =>
  new NextRequest('http://192.168.1.10:3000/api/labs', { headers: forwardedProto ? { 'x-forwarded-proto': forwardedProto } : {} });

describe('Secure cookies', () => {
  it('follow the same reading of X-Forwarded-Proto as HSTS: a page sent with HSTS never gets non-Secure cookies', () => {
    for (const proto of [undefined, 'https', 'HTTPS', 'https, http', 'http, https', 'http']) {
      expect(secureAllowed(lanRequest(proto)), String(proto)).toBe(isHttpsRequest('http:', proto ?? null));
    }
    expect(secureAllowed(lanRequest('https, http'))).toBe(true);
  });

  it('are Secure on loopback even over plain HTTP (browsers treat localhost as a secure context)', () => {
    expect(secureAllowed(new NextRequest('http://127.0.0.1:3000/api/labs', { headers: { host: '127.0.0.1:3000' } }))).toBe(true);
  });
});
