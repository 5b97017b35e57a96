import { describe, expect, it } from 'vitest';
import { isWellFormedJoinCode, normalizeJoinCode, retryAfterSeconds, spacedJoinCode } from './join-code';

describe('join codes as typed', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normalizeJoinCode(' acd 479 ')).toBe('ACD479');
    expect(normalizeJoinCode('Acd-479')).toBe('ACD479');
    expect(normalizeJoinCode('a\tc d4 7 9')).toBe('ACD479');
  });

  it('accepts only six characters of the look-alike-free alphabet', () => {
    expect(isWellFormedJoinCode('ACD479')).toBe(true);
    expect(isWellFormedJoinCode('ACD47')).toBe(false);
    expect(isWellFormedJoinCode('ACD4790')).toBe(false);
    // O, 0, I, 1, B, 8, S, 5 and Z, 2 are left out of the alphabet: a code holding one is a typo.
    for (const bad of ['O', '0', 'I', '1', 'B', '8', 'S', '5', 'Z', '2']) expect(isWellFormedJoinCode(`ACD47${bad}`)).toBe(false);
  });

  it('groups a code in threes for reading aloud, and reads Retry-After', () => {
    expect(spacedJoinCode('ACD479')).toBe('ACD 479');
    expect(retryAfterSeconds('3')).toBe(3);
    expect(retryAfterSeconds('1.2')).toBe(2);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});
