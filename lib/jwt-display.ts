/**
 * Splits a compact JWS for DISPLAY ONLY — nothing here verifies anything, and
 * no code path may take a decision from it (verification is jose's jwtVerify
 * in lib/auth/jwt-tokens.ts, with the algorithm and key pinned). Pure and
 * dependency-free so the page (the /learn demos) and the server share it.
 */
export type JwtDisplay = {
  raw: { header: string; payload: string; signature: string };
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Bytes of the signature (0 for `alg: none`). */
  signatureBytes: number;
};

const SEGMENT = /^[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 3 && parts.every((p) => SEGMENT.test(p)) && parts[0]!.length > 0 && parts[1]!.length > 0;
}

export function base64UrlToBytes(segment: string): Uint8Array {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (segment.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeJsonSegment(value: unknown): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

function decodeJsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(segment)));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** null when the value is not a readable JWT (an opaque id, an iron seal, garbage). */
export function decodeJwtForDisplay(token: string): JwtDisplay | null {
  if (!looksLikeJwt(token)) return null;
  const [h, p, s] = token.split('.') as [string, string, string];
  const header = decodeJsonSegment(h);
  const payload = decodeJsonSegment(p);
  if (!header || !payload) return null;
  let signatureBytes = 0;
  try {
    signatureBytes = base64UrlToBytes(s).length;
  } catch {
    return null;
  }
  return { raw: { header: h, payload: p, signature: s }, header, payload, signatureBytes };
}

/**
 * Re-encodes a token with edited header and/or payload, keeping the original
 * signature (or dropping it for `alg: none`): what an attacker who cannot sign
 * can do. The /learn tamper demo sends the result for real and shows it refused.
 */
export function tamperJwt(token: string, edit: { header?: Record<string, unknown>; payload?: Record<string, unknown>; dropSignature?: boolean }): string {
  const decoded = decodeJwtForDisplay(token);
  if (!decoded) throw new Error('not a JWT');
  const header = edit.header ? encodeJsonSegment({ ...decoded.header, ...edit.header }) : decoded.raw.header;
  const payload = edit.payload ? encodeJsonSegment({ ...decoded.payload, ...edit.payload }) : decoded.raw.payload;
  return `${header}.${payload}.${edit.dropSignature ? '' : decoded.raw.signature}`;
}

/** Byte length as a browser would send it (UTF-8). */
export function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length;
}
