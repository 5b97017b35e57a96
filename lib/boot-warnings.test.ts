import { describe, expect, it } from 'vitest';
import { bootWarnings } from './boot-warnings';

describe('boot warnings', () => {
  it('name the test-only cheap hashing switch when it is on, and say nothing otherwise', () => {
    expect(bootWarnings({ unsafeTestOnlyCheapPasswordHashing: false })).toEqual([]);
    const [warning, ...rest] = bootWarnings({ unsafeTestOnlyCheapPasswordHashing: true });
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^WARNING: UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING=1/);
    expect(warning).toMatch(/test suites only/);
  });
});
