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

function readNonNegativeInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * A test-only switch: exactly "1" turns it on, unset or "0" leaves it off. Any
 * other value stops the boot, so a typo ("true", "yes") is an error, not a guess.
 */
function readTestOnlyFlag(name: string): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name} is a test-only switch: set it to "1", "0" or leave it unset, got ${JSON.stringify(raw)}`);
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
  /**
   * How many scenario cells (one scenario × one strategy, a few dozen requests
   * to this very server) may run at once, across every lab. The cells and the
   * requests they make share the server's one thread, so more at once only
   * makes every request wait longer. Measured here (2 cores, 30 labs' matrices
   * at once): 4, 6, 8 and 12 all ran ~0.9 s of matrix per matrix; the requests'
   * p99 was ~27 ms at 4, ~41 at 6, ~57 at 8, ~85 at 12; a lone matrix took as
   * long at 4 as with no limit at all (~0.95 s).
   */
  scenarioCellConcurrency: readPositiveInt('SCENARIO_CELL_CONCURRENCY', 4),
  /**
   * How many more cells may wait their turn; a matrix that does not fit whole
   * is answered 503 server-busy. 5,000: a room of 100 pressing "Run the matrix"
   * together (4,200 cells) fits; at ~20 ms of server time a cell, the last of
   * them waits about a minute and a half.
   */
  scenarioCellQueueLimit: readPositiveInt('SCENARIO_CELL_QUEUE_LIMIT', 5_000),
  /**
   * The lab journal (lib/labs/journal.ts) records every request to a lab's
   * API. On unless LAB_JOURNAL=off, which exists so `npm run bench` can
   * measure what recording costs a request.
   */
  labJournal: process.env.LAB_JOURNAL !== 'off',
  /**
   * How many reverse proxies in front of the server append to
   * X-Forwarded-For (lib/client-address.ts). 0, the default: the client is
   * the TCP peer, and a client-sent X-Forwarded-For is ignored (anyone can
   * write one). Set to 1 behind one nginx that appends `$remote_addr`.
   */
  trustedProxyHops: readNonNegativeInt('TRUSTED_PROXY_HOPS', 0),
  /**
   * TEST ONLY — never on a server people use. "1" hashes a password a person
   * chooses (a password change) with the cheap parameters of the seeded demo
   * accounts instead of OWASP's, so the API and end-to-end suites do not
   * spend ~170 ms of a core on every change and on every login after it. With
   * it, a chosen password is no harder to guess at than a demo password: the
   * server prints a warning at boot (lib/boot-warnings.ts). The suites keep
   * servers without it for the tests about hashing cost and the throttle.
   */
  unsafeTestOnlyCheapPasswordHashing: readTestOnlyFlag('UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING'),
} as const;
