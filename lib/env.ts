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
} as const;
