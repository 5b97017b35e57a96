import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { JwtAlg } from '../labs/settings';

export type StoredJwtKey = { alg: JwtAlg; kid: string; jwk: JWK };

/**
 * A fresh signing key for a lab. Keys are generated per lab and stored in its
 * database row; nothing secret lives in the repository or the environment.
 */
export async function generateJwtKey(alg: JwtAlg): Promise<StoredJwtKey> {
  const kid = randomBytes(9).toString('base64url');
  if (alg === 'HS256') {
    // RFC 7518 §3.2: an HMAC key at least as long as the hash output.
    return { alg, kid, jwk: { kty: 'oct', k: randomBytes(32).toString('base64url') } };
  }
  const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
  return { alg, kid, jwk: await exportJWK(privateKey) };
}

/** Both halves are WebCrypto keys: jose then uses them as they are, with no import per call. */
type KeyPair = { signKey: CryptoKey; verifyKey: CryptoKey };

// Importing a key costs more than a verification: import once per (lab, kid).
// The cache holds derived data only; the database stays the source of truth,
// and a rotated key has a new kid, so a stale entry can never be picked.
const cache = new Map<string, Promise<KeyPair>>();
const CACHE_LIMIT = 500;

export function importJwtKey(labId: string, key: StoredJwtKey): Promise<KeyPair> {
  const cacheKey = `${labId}:${key.kid}`;
  let entry = cache.get(cacheKey);
  if (!entry) {
    entry = importPair(key);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, entry);
    entry.catch(() => cache.delete(cacheKey));
  }
  return entry;
}

/** What jose checks an HS256 CryptoKey against (RFC 7518 §3.2: HMAC with SHA-256). */
const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

async function importPair(key: StoredJwtKey): Promise<KeyPair> {
  if (key.alg === 'HS256') {
    // jose's importJWK returns an `oct` key as raw bytes, and jose imports raw
    // bytes into WebCrypto again on every sign and verify — a fifth of an HS256
    // verification (npm run bench). Import it once here, as a non-extractable
    // CryptoKey, so the cache holds what its name promises.
    const bytes = await importJWK(key.jwk, 'HS256');
    const secret =
      bytes instanceof Uint8Array ? await crypto.subtle.importKey('raw', new Uint8Array(bytes), HMAC_SHA256, false, ['sign', 'verify']) : bytes;
    return { signKey: secret, verifyKey: secret };
  }
  const { d: _private, ...publicJwk } = key.jwk;
  const [signKey, verifyKey] = await Promise.all([importJWK(key.jwk, key.alg), importJWK(publicJwk, key.alg)]);
  return { signKey: asCryptoKey(signKey), verifyKey: asCryptoKey(verifyKey) };
}

function asCryptoKey(key: CryptoKey | Uint8Array): CryptoKey {
  if (key instanceof Uint8Array) throw new Error('expected an asymmetric key, got raw bytes');
  return key;
}
