import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The workshop's identifiers and capabilities. The facilitator key and the
 * participant cookie are 256 random bits: a fast SHA-256 of them is stored,
 * since nothing that random needs stretching, and a stolen database holds no
 * usable key. The workshop id (128 bits) only names the workshop; the key is
 * what opens its console.
 */

/** No look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B): read aloud or copied from a projector without doubt. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** 256 bits in base64url. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newWorkshopId = () => randomBytes(16).toString('base64url');
export const newParticipantId = () => randomBytes(16).toString('base64url');
export const newSecret = () => randomBytes(32).toString('base64url');

/** ~1.5 × 10⁸ codes: a room's code cannot be guessed by trying a few; joins are throttled besides. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Case-insensitive on input, with spaces and dashes people type ignored; null when it cannot be a code. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return JOIN_CODE.test(code) ? code : null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(presented: string, storedHash: string): boolean {
  if (!SECRET_PATTERN.test(presented)) return false;
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
