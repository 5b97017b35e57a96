import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCanonicalBase64url } from './jwt-tokens';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The definition: a part is canonical when decoding and re-encoding gives it back. */
const roundTrips = (token: string) => token.split('.').every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);

describe('isCanonicalBase64url', () => {
  it('accepts what an encoder writes and refuses a re-spelled last character', () => {
    const part = randomBytes(32).toString('base64url'); // 43 characters: 2 unused bits
    expect(isCanonicalBase64url(`${part}.${part}.${part}`)).toBe(true);
    const last = ALPHABET.indexOf(part.at(-1)!);
    const respelled = part.slice(0, -1) + ALPHABET[last | 1];
    expect(isCanonicalBase64url(`${part}.${part}.${respelled}`)).toBe(last % 2 === 1);
    expect(isCanonicalBase64url('AAAAA')).toBe(false); // 1 mod 4 is never valid
    expect(isCanonicalBase64url('a.b.')).toBe(false);
    expect(isCanonicalBase64url('aQ.aQ.')).toBe(true);
  });

  it('agrees with the decode-and-re-encode definition on every length and last character', () => {
    for (let length = 0; length <= 12; length++) {
      for (const last of ALPHABET) {
        const part = Array.from({ length: Math.max(0, length - 1) }, () => ALPHABET[randomInt(64)]).join('') + (length > 0 ? last : '');
        expect(isCanonicalBase64url(part), part).toBe(roundTrips(part));
      }
    }
  });
});
