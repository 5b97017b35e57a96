import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { env } from '../env';
import { LineFullError } from '../fifo-limiter';
import { createKeyedLine, KeyShareFullError } from '../keyed-line';
import { currentRequestClient } from '../request-client';

/**
 * scrypt with one of OWASP's listed parameter sets (Password Storage Cheat
 * Sheet: N=2^13, r=8, p=10). It costs about as much CPU as N=2^17, p=1 but
 * holds 8 MiB instead of 128 MiB, which keeps a burst of logins within memory.
 * Parameters live in the stored string, so they can be raised later and old
 * hashes still verify.
 */
const PARAMS = { N: 2 ** 13, r: 8, p: 10 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

type ScryptParams = { N: number; r: number; p: number };

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/**
 * Refused, not queued: the hasher is saturated. Every lab shares it, so an
 * unbounded queue would let one client (a script, a DNS-rebinding page) make
 * every login on the machine wait for ever; a full queue answers "busy" at
 * once instead (the HTTP layer maps this to 503 with Retry-After).
 */
export class PasswordHasherBusyError extends Error {
  constructor() {
    super('Too many password hashes are waiting.');
    this.name = 'PasswordHasherBusyError';
  }
}

/**
 * Refused, not queued: this client already has its share of the hasher's line
 * (PASSWORD_HASHES_PER_CLIENT) running or waiting. Only this client is told to
 * wait (429); everyone else still finds room in the line (issue 13.1).
 */
export class ClientHashShareError extends Error {
  constructor() {
    super('This client has too many password hashes waiting.');
    this.name = 'ClientHashShareError';
  }
}

/**
 * The hasher's line (lib/keyed-line.ts): each scrypt holds 8 MiB and a whole
 * core for ~170 ms, so at most `limit` run at once and at most `maxWaiting`
 * queue (the rest: PasswordHasherBusyError, 503). Clients take turns
 * (round-robin by client address), and one client holds at most `perClient`
 * places (the rest of its requests: ClientHashShareError, 429): a client
 * changing passwords or failing logins in a loop can neither fill the line
 * nor make another client's login wait behind all of its own.
 */
export function createLimiter(limit: number, maxWaiting: number, perClient: number = Infinity) {
  const line = createKeyedLine({ concurrency: limit, maxWaiting, maxPerKey: perClient, order: 'round-robin' });
  return async function run<T>(client: string, task: () => Promise<T>): Promise<T> {
    try {
      return await line.run(client, task);
    } catch (err) {
      if (err instanceof LineFullError) throw new PasswordHasherBusyError();
      if (err instanceof KeyShareFullError) throw new ClientHashShareError();
      throw err;
    }
  };
}

// One hasher line per process, kept on globalThis so that every route bundle
// shares it (a copy per bundle would multiply the memory bound). Rebuilt only
// if the settings differ, as they do in tests that stub the environment.
type SharedLimiter = { limit: number; maxWaiting: number; perClient: number; run: ReturnType<typeof createLimiter> };
const holder = globalThis as unknown as { __revocationLabHasher?: SharedLimiter };
const shared = holder.__revocationLabHasher;
const limiter =
  shared &&
  shared.limit === env.passwordHashConcurrency &&
  shared.maxWaiting === env.passwordHashQueueLimit &&
  shared.perClient === env.passwordHashesPerClient
    ? shared.run
    : (holder.__revocationLabHasher = {
        limit: env.passwordHashConcurrency,
        maxWaiting: env.passwordHashQueueLimit,
        perClient: env.passwordHashesPerClient,
        run: createLimiter(env.passwordHashConcurrency, env.passwordHashQueueLimit, env.passwordHashesPerClient),
      }).run;

const costOf = (params: ScryptParams) => params.N * params.r * params.p;

/**
 * Only stretched hashes go through the limiter. One at RANDOM_SECRET_PARAMS
 * costs ~0.15 ms and 64 KiB, less than waiting in line; a matrix run makes
 * ~230 of them at once, which would fill the queue that protects logins.
 */
function schedule<T>(params: ScryptParams, task: () => Promise<T>): Promise<T> {
  // Outside a request (the server's own work, unit tests) all callers share one key.
  return costOf(params) <= costOf(RANDOM_SECRET_PARAMS) ? task() : limiter(currentRequestClient() ?? 'server', task);
}

/**
 * For secrets no person chose: the scenario runner's throwaway accounts get
 * 128 random bits as a password. Stretching protects guessable passwords; a
 * 128-bit random secret cannot be guessed whatever the cost, so these hash in
 * ~0.15 ms of a core instead of ~170 ms. A matrix hashes or verifies about 230
 * of them (three accounts per throwaway lab, ~90 logins, six password changes):
 * at N=2^10 (~2 ms each, measured here) that was ~450 ms of CPU per matrix,
 * a quarter of all of it, for no security gain. Still scrypt, still salted,
 * still verified by the same code as every other password.
 * Never use them for a password a person typed.
 */
export const RANDOM_SECRET_PARAMS: ScryptParams = { N: 2 ** 6, r: 8, p: 1 };

/**
 * For the seeded demo accounts of a lab: their passwords are generated by the
 * site, printed on the lab page and kept in clear beside the hash
 * (`users.demo_password`) so the page can show them. Stretching a hash whose
 * plaintext sits in the next column protects nothing, and three stretched
 * hashes (~0.5 s of CPU) per lab made a room of 100 participants joining at
 * once wait ~30 s for their labs. So demo accounts are hashed like a random
 * secret (same scrypt, salted, verified by the same code); the moment a person
 * chooses a password (password change) it is hashed with the full OWASP
 * parameters and the clear demo password is erased. docs/SECURITY.md says so.
 */
export const PRINTED_DEMO_PASSWORD_PARAMS: ScryptParams = RANDOM_SECRET_PARAMS;

/**
 * For a password a person chose (a password change): the full OWASP set —
 * unless the server runs with the test-only UNSAFE_TEST_ONLY_CHEAP_PASSWORD_HASHING
 * (lib/env.ts), which the test suites set on the servers whose tests are not
 * about hashing cost, and which the server warns about at boot.
 */
export function chosenPasswordParams(): ScryptParams {
  return env.unsafeTestOnlyCheapPasswordHashing ? PRINTED_DEMO_PASSWORD_PARAMS : PARAMS;
}

export async function hashPassword(password: string, params: ScryptParams = PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await schedule(params, () => scrypt(password, salt, params));
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!match) return null;
  const [, n, r, p, salt, key] = match;
  return {
    params: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64url'),
    key: Buffer.from(key!, 'base64url'),
  };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const candidate = await schedule(parsed.params, () => scrypt(password, parsed.salt, parsed.params));
  return candidate.length === parsed.key.length && timingSafeEqual(candidate, parsed.key);
}

// Verifying against this for an unknown username makes "no such user" cost
// the same time as "wrong password" for a seeded account, so timing does not
// reveal which it was. It uses the seeded accounts' parameters: the usernames
// of a lab are printed on its page anyway, and an unknown-user flood then
// costs no more than a wrong-password flood against a seeded account.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  // A refused (busy) first attempt must not be cached, or every later unknown-user login would fail with it.
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'), PRINTED_DEMO_PASSWORD_PARAMS).catch((err: unknown) => {
    dummyHash = null;
    throw err;
  });
  await verifyPassword(password, await dummyHash);
  return false;
}
