/**
 * Response headers that make every answer of the site harder to abuse. Used
 * by proxy.ts (per request: the CSP nonce, HSTS) — the request-independent
 * ones (nosniff, Referrer-Policy, Permissions-Policy, …) are set for every
 * path, static files included, in next.config.js.
 *
 * No `server-only` import: proxy.ts runs outside the React server layer.
 */

/** True when the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
export function isHttpsRequest(protocol: string, forwardedProto: string | null): boolean {
  return protocol === 'https:' || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** 128 random bits, base64: unguessable and fresh for every page response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/**
 * The page policy (OWASP CSP cheat sheet, "strict policy"): scripts run only
 * with this response's nonce ('strict-dynamic' lets Next's nonce-carrying
 * loader add its own chunks), nothing is fetched from another origin — the
 * site must work on a workshop LAN with no internet — and no one may frame us.
 *
 * `style-src-attr 'unsafe-inline'`: React renders `style={{…}}` props as
 * attributes in the server HTML; an attribute cannot run script and, with
 * img-src/connect-src limited to 'self', cannot send anything elsewhere.
 * `<style>` elements still need the nonce.
 *
 * `upgrade-insecure-requests` only over HTTPS: on a plain-HTTP LAN address it
 * would make the browser ask for https:// subresources that do not exist.
 */
export function pageContentSecurityPolicy(nonce: string, options: { https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // `next dev` injects hot-reloaded <style> tags without a nonce (the Next CSP guide's dev variant).
    `style-src 'self' ${options.dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** JSON answers are never documents: nothing may load from them or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, subdomains included (OWASP HSTS cheat sheet). Sent only over HTTPS: browsers ignore it on http anyway. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/** Methods the API may answer. Anything else (TRACE, CONNECT, junk) is refused before routing. */
export const API_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** False when a path segment carries a broken percent-escape (Next would answer 500 while decoding it). */
export function pathIsWellEncoded(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}
