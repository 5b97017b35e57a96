import 'server-only';
import path from 'node:path';

/**
 * Environment, read and validated once. Only this module reads process.env
 * (the Next.js data-security guide: keep configuration behind one door).
 */
function readPositiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export const env = {
  /** SQLite file; ":memory:" works for throwaway runs. */
  databasePath: process.env.DATABASE_PATH || path.join(process.cwd(), 'data', 'revocation-lab.db'),
  /** Labs untouched for this long are deleted by the sweeper. */
  labIdleSeconds: readPositiveInt('LAB_IDLE_SECONDS', 24 * 60 * 60),
  /** How many scrypt computations may run at once (each holds ~8 MiB). */
  passwordHashConcurrency: readPositiveInt('PASSWORD_HASH_CONCURRENCY', 2),
  /**
   * How many more may wait; beyond that a login or lab creation is answered
   * 503 server-busy. 256 at ~170 ms each, two at a time: about 20 s of queue —
   * enough for a room of 40 pressing "Start a lab" together (120 hashes, ~10 s).
   */
  passwordHashQueueLimit: readPositiveInt('PASSWORD_HASH_QUEUE_LIMIT', 256),
} as const;
