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

type KeyPair = { signKey: CryptoKey | Uint8Array; verifyKey: CryptoKey | Uint8Array };

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

async function importPair(key: StoredJwtKey): Promise<KeyPair> {
  if (key.alg === 'HS256') {
    const secret = await importJWK(key.jwk, 'HS256');
    return { signKey: secret, verifyKey: secret };
  }
  const { d: _private, ...publicJwk } = key.jwk;
  const [signKey, verifyKey] = await Promise.all([importJWK(key.jwk, key.alg), importJWK(publicJwk, key.alg)]);
  return { signKey, verifyKey };
}
