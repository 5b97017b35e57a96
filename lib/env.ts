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
   * How many more may wait; beyond that a login or password change that needs
   * a stretched hash is answered 503 server-busy. 256 at ~170 ms each, two at
   * a time: about 20 s of queue. (Lab creation and seeded accounts' logins use
   * cheap hashes outside this line: lib/auth/passwords.ts.)
   */
  passwordHashQueueLimit: readPositiveInt('PASSWORD_HASH_QUEUE_LIMIT', 256),
  /**
   * How many of those places one client (lib/client-address.ts) may hold,
   * running or waiting; beyond that its hashes are answered 429 (issue 13.1).
   * 16: ~1.5 s of that client's own hashing, and 16 clients to fill the line.
   * Behind one NAT a whole room is one client: raise it (or set
   * TRUSTED_PROXY_HOPS behind a proxy that names the clients).
   */
  passwordHashesPerClient: readPositiveInt('PASSWORD_HASHES_PER_CLIENT', 16),
  /**
   * Lab admission (lib/labs/admission.ts, issue 13.1). Labs live until a day
   * idle; without a cap one client in a loop fills the disk and the server's
   * one thread. A lab created for a workshop participant counts against the
   * global cap only (the workshop bounds its own room), never a client's.
   * - LAB_LIMIT: live labs in all; beyond, 503 lab-limit-reached.
   * - LABS_PER_CLIENT: live labs one client created; beyond, 429.
   * - LAB_CREATIONS_PER_CLIENT_PER_MINUTE: beyond, 429.
   * Behind one NAT a room pressing "Start a lab" is one client: raise the two
   * per-client ones to the room's size (workshop joins need no change).
   */
  /**
   * How many requests one client may have open at once; beyond, 429 at the
   * socket before Next spends the thread on it (lib/client-in-flight.ts). A
   * person's browser has a few open (six connections per host at most), the
   * server's own scenario cells a dozen: 32. A room behind one NAT needs more.
   */
  requestsInFlightPerClient: readPositiveInt('REQUESTS_IN_FLIGHT_PER_CLIENT', 32),
  labLimit: readPositiveInt('LAB_LIMIT', 2_000),
  labsPerClient: readPositiveInt('LABS_PER_CLIENT', 50),
  labCreationsPerClientPerMinute: readPositiveInt('LAB_CREATIONS_PER_CLIENT_PER_MINUTE', 20),
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
   * Workshops (issue 12). The capacity is the real cap on a room's labs; the
   * per-client join limit only stops one client from looping, so it is set
   * above a full room: a whole class behind one NAT shares one address.
   */
  workshopCapacity: readPositiveInt('WORKSHOP_CAPACITY', 200),
  /** Joins (each makes a lab) per client address, across workshops, per 10 minutes. */
  workshopJoinsPerClient: readPositiveInt('WORKSHOP_JOINS_PER_CLIENT', 300),
  /** Workshops one client address may create per hour. */
  workshopsPerClient: readPositiveInt('WORKSHOPS_PER_CLIENT', 60),
  /** A workshop nobody used for this long refuses joins and is deleted with its labs. */
  workshopIdleSeconds: readPositiveInt('WORKSHOP_IDLE_SECONDS', 12 * 60 * 60),
  /** How long a closed workshop (and its participants' labs) is kept, for the summary export. */
  workshopClosedRetentionSeconds: readPositiveInt('WORKSHOP_CLOSED_RETENTION_SECONDS', 2 * 60 * 60),
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
