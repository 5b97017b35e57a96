/**
 * Headers every response carries, static files included (per-request ones —
 * the CSP nonce, HSTS — are set in proxy.ts). See docs/SECURITY.md.
 */
const securityHeaders = [
  // Never guess a type: a JSON answer is not a script or a page.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Lab URLs are capabilities (/lab/{labId}): a link to RFC 8725 must not hand the lab id to another site.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // Only features browsers know: an unknown one (`bluetooth`) costs a console warning on every page.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), browsing-topics=()' },
  // Legacy twin of CSP frame-ancestors 'none', for browsers that predate it.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework (one less fingerprint for an attacker).
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets parallel builds (several developers' test runs on one checkout) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // The build's filesystem cache speeds up the next build on this checkout; CI builds a fresh
    // clone once, where writing and compacting that cache only costs time.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
