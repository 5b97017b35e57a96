import { env } from './env';

/**
 * What the server says on stderr when it starts with a setting that must
 * never reach a server people use. Printed by instrumentation.ts, once.
 */
export function bootWarnings(settings: Pick<typeof env, 'unsafeTestOnlyCheapPasswordHashing'> = env): string[] {
  const warnings: string[] = [];
  if (settings.unsafeTestOnlyCheapPasswordHashing) {
    warnings.push(
      'WARNING: UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING=1 — passwords people choose are hashed with cheap scrypt parameters (N=64), ' +
        'not OWASP\'s (N=8192, r=8, p=10). This setting exists for the test suites only: unset it on any server people use.',
    );
  }
  return warnings;
}
