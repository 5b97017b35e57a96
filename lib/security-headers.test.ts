import { describe, expect, it } from 'vitest';
import { isHttpsRequest, newNonce, pageContentSecurityPolicy, pathIsWellEncoded } from './security-headers';

describe('security headers', () => {
  it('the production page policy: nonce scripts only, nothing from elsewhere, no framing, no upgrade over http', () => {
    const csp = pageContentSecurityPolicy('abc', { https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/(script|style)-src [^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageContentSecurityPolicy('abc', { https: true })).toContain('upgrade-insecure-requests');
  });

  it('dev mode relaxes only what next dev needs', () => {
    const csp = pageContentSecurityPolicy('abc', { https: false, dev: true });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('nonces are 128 random bits and never repeat', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 10)) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });

  it('HTTPS is the request protocol or the first X-Forwarded-Proto', () => {
    expect(isHttpsRequest('https:', null)).toBe(true);
    expect(isHttpsRequest('http:', 'https')).toBe(true);
    expect(isHttpsRequest('http:', 'HTTPS, http')).toBe(true);
    expect(isHttpsRequest('http:', 'http, https')).toBe(false);
    expect(isHttpsRequest('http:', null)).toBe(false);
  });

  it('a broken percent-escape anywhere in the path is caught', () => {
    expect(pathIsWellEncoded('/api/labs/abc/jwt/me')).toBe(true);
    expect(pathIsWellEncoded('/api/labs/%E2%80%AE/x')).toBe(true);
    for (const bad of ['/api/labs/%ZZ', '/api/%', '/api/labs/%E0%A4%A/me', '/a/%C3']) expect(pathIsWellEncoded(bad)).toBe(false);
  });
});
