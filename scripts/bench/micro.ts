import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unsealData } from 'iron-session';
import { importJWK, jwtVerify } from 'jose';
import type { BenchResults, PrimitiveResult, StrategyVerifyResult } from '@/lib/bench/results';
import { openDatabase } from '@/lib/db/open';
import { createSqliteStore } from '@/lib/db/sqlite-store';
import type { Store } from '@/lib/db/store';
import type { StoredJwtKey } from '@/lib/auth/keys';
import { login } from '@/lib/auth/flows';
import { verifyCounted } from '@/lib/auth/measured';
import { strategies } from '@/lib/auth/registry';
import type { AuthContext, CookieJar, Strategy } from '@/lib/auth/types';
import { createLab } from '@/lib/labs/create';
import { updateSettings } from '@/lib/labs/operator';
import { findLab, type Lab } from '@/lib/labs/lab';
import { defaultSettings, jwtAlgs, type JwtAlg } from '@/lib/labs/settings';
import { median, round } from './stats';

/**
 * In-process, per operation: the raw primitives a verification is made of,
 * next to each strategy's full `verify` on a real lab in a store of 100,000
 * sessions. Everything runs in this process, one operation at a time (async
 * ones awaited one by one, as a request's verify is): the figures are the
 * wall time of one operation, not throughput under concurrency (the HTTP
 * section measures that).
 *
 * Every timed operation checks that it succeeded: a failed verify is cheaper
 * than a good one, and timing it would flatter the strategy.
 */

const SESSION_ROWS = 100_000;
/** Other labs' rows share the tables (and the B-trees) with the lab under test, as on a workshop server. */
const FILLER_LABS = 100;
const FILLER_USERS_PER_LAB = 10;
const FILLER_DENYLIST_ROWS = 10_000;
const FILLER_REFRESH_ROWS = 10_000;

type Options = { quick: boolean };
type Plan = { rounds: number; warmupMs: number; roundMs: number };

// Many short rounds rather than a few long ones: on a shared machine the
// median of eleven shrugs off a burst of someone else's load that would skew a
// third of seven.
const planFor = ({ quick }: Options): Plan => (quick ? { rounds: 3, warmupMs: 100, roundMs: 60 } : { rounds: 11, warmupMs: 400, roundMs: 120 });

/** One timed operation. `run` does `n` operations and throws if any of them failed. */
type Bench = { run: (n: number) => Promise<void> };

/** `n` synchronous operations, each checked. */
const syncBench = (op: () => boolean, what: string): Bench => ({
  async run(n) {
    for (let i = 0; i < n; i++) if (!op()) throw new Error(`${what} failed: the bench would time a failure`);
  },
});

/** `n` asynchronous operations, awaited one at a time, each checked. */
const asyncBench = (op: () => Promise<boolean>, what: string): Bench => ({
  async run(n) {
    for (let i = 0; i < n; i++) if (!(await op())) throw new Error(`${what} failed: the bench would time a failure`);
  },
});

type Timing = { opsPerRound: number; roundMeansUs: number[] };

/**
 * Warm-up (JIT, caches, the key cache) until `warmupMs` have passed, and
 * from its pace a fixed number of operations per round, so that each round
 * lasts about `roundMs`.
 */
async function warmUp(bench: Bench, plan: Plan): Promise<number> {
  let ops = 0;
  const started = performance.now();
  let batch = 10;
  while (performance.now() - started < plan.warmupMs) {
    await bench.run(batch);
    ops += batch;
    batch = Math.min(batch * 2, 1000);
  }
  const perOpMs = (performance.now() - started) / ops;
  return Math.max(20, roundToTwoDigits(plan.roundMs / perOpMs));
}

function roundToTwoDigits(n: number): number {
  const f = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / f) * f;
}

async function timeRound(bench: Bench, ops: number): Promise<number> {
  // An untimed lead-in: the switch from the previous operation (a synchronous
  // loop that left the crypto thread pool asleep, say) is not this one's cost.
  await bench.run(Math.ceil(ops / 10));
  const started = performance.now();
  await bench.run(ops);
  return ((performance.now() - started) * 1000) / ops;
}

/**
 * Rounds are interleaved (round 1 of everything, then round 2, ...), each
 * round in a different order (rotated, and reversed every other round): on a
 * shared 2-core machine load comes and goes, and interleaving spreads it over
 * every figure instead of landing on whichever operation happened to run
 * during it, or always after the same neighbour.
 */
async function timeAll(benches: readonly Bench[], plan: Plan): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const b of benches) timings.push({ opsPerRound: await warmUp(b, plan), roundMeansUs: [] });
  for (let r = 0; r < plan.rounds; r++) {
    for (let k = 0; k < benches.length; k++) {
      const rotated = (k + r) % benches.length;
      const i = r % 2 === 0 ? rotated : benches.length - 1 - rotated;
      timings[i]!.roundMeansUs.push(await timeRound(benches[i]!, timings[i]!.opsPerRound));
    }
  }
  return timings;
}

function summary(t: Timing) {
  const medianUs = median(t.roundMeansUs);
  return {
    medianUs: round(medianUs, 2),
    minUs: round(Math.min(...t.roundMeansUs), 2),
    maxUs: round(Math.max(...t.roundMeansUs), 2),
    opsPerSecond: Math.round(1e6 / medianUs),
    rounds: t.roundMeansUs.length,
    opsPerRound: t.opsPerRound,
  };
}

function strategyById(id: string): Strategy {
  const s = strategies.find((x) => x.id === id);
  if (!s) throw new Error(`no strategy ${id}`);
  return s;
}

/** The value of a one-cookie strategy's cookie in a jar. */
function cookieOf(jar: CookieJar, strategyId: string): string {
  const value = jar.get(strategyById(strategyId).cookieNames[0]!);
  if (!value) throw new Error(`the ${strategyId} login set no cookie`);
  return value;
}

/** The cookies a browser sends to /me: those scoped below the strategy's path (jwt-refresh's refresh cookie) stay home. */
async function loginAs(store: Store, lab: Lab, strategy: Strategy, username: string, password: string): Promise<CookieJar> {
  const { cookies } = await login({ store, lab, now: lab.now() }, strategy, { username, password });
  return new Map(cookies.filter((c) => c.subPath === undefined).map((c) => [c.name, c.value]));
}

/** A lab whose signing key uses `alg` (changing the setting rotates the key, as the settings PATCH does). */
async function labWithAlg(store: Store, alg: JwtAlg) {
  const created = await createLab(store);
  if (alg !== created.lab.settings.jwtAlg) await updateSettings(store, created.lab, { jwtAlg: alg });
  const lab = findLab(store, created.lab.id)!;
  if (lab.jwtKey.alg !== alg) throw new Error(`lab key is ${lab.jwtKey.alg}, wanted ${alg}`);
  return { lab, users: created.users };
}

/**
 * Other labs' users, sessions, denylist entries and refresh tokens, inserted
 * through the store's own statements in one transaction, until the sessions
 * table holds SESSION_ROWS rows.
 */
function fillStore(store: Store, nowSeconds: number, sessionsWanted: number): void {
  const nowMs = nowSeconds * 1000;
  const settingsJson = JSON.stringify(defaultSettings);
  // Random 256-bit hex strings: the same shape as the SHA-256 hashes the real rows hold.
  const hash = () => randomBytes(32).toString('hex');
  store.transaction((tx) => {
    const userIds: { labId: string; userId: number }[] = [];
    for (let l = 0; l < FILLER_LABS; l++) {
      const labId = randomBytes(16).toString('base64url');
      tx.labs.insert({
        id: labId,
        parent_lab_id: null,
        created_at_ms: nowMs,
        last_used_at_ms: nowMs,
        clock_offset_seconds: 0,
        clock_frozen_at_seconds: null,
        settings_json: settingsJson,
        iron_password: randomBytes(32).toString('base64url'),
        jwt_alg: 'HS256',
        jwt_kid: randomBytes(9).toString('base64url'),
        jwt_key_json: JSON.stringify({ kty: 'oct', k: randomBytes(32).toString('base64url') }),
        key_generation: 1,
      });
      for (let u = 0; u < FILLER_USERS_PER_LAB; u++) {
        userIds.push({ labId, userId: tx.users.insert(labId, `user${u}`, 'not-a-real-hash', null, u === 0 ? 'admin' : 'user') });
      }
    }
    for (let i = 0; i < sessionsWanted; i++) {
      const { labId, userId } = userIds[i % userIds.length]!;
      tx.sessions.insert({
        id_hash: hash(),
        lab_id: labId,
        user_id: userId,
        created_at: nowSeconds - (i % 3600),
        last_seen_at: nowSeconds - (i % 600),
        absolute_expires_at: nowSeconds + 8 * 3600,
      });
    }
    for (let i = 0; i < FILLER_DENYLIST_ROWS; i++) {
      tx.denylist.add(userIds[i % userIds.length]!.labId, randomBytes(16).toString('base64url'), nowSeconds + 900);
    }
    for (let i = 0; i < FILLER_REFRESH_ROWS; i++) {
      const { labId, userId } = userIds[i % userIds.length]!;
      tx.refreshTokens.insert({
        token_hash: hash(),
        lab_id: labId,
        user_id: userId,
        family_id: randomBytes(16).toString('base64url'),
        scope: 'jwt-refresh',
        created_at: nowSeconds,
        expires_at: nowSeconds + 86_400,
        rotated_at: i % 2 === 0 ? nowSeconds : null,
        revoked_at: null,
      });
    }
  });
}

/**
 * The primitive's key, imported here rather than through lib/auth/keys.ts, so
 * that the primitive stays "jwtVerify with a CryptoKey" whatever the app does:
 * handed raw bytes (what jose's importJWK gives for an `oct` JWK), jose would
 * import them again on every call.
 */
async function verificationCryptoKey(key: StoredJwtKey): Promise<CryptoKey> {
  const { d: _private, ...publicJwk } = key.jwk;
  const imported =
    key.alg === 'HS256'
      ? await crypto.subtle.importKey('raw', Buffer.from(String(key.jwk.k), 'base64url'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
      : await importJWK(publicJwk, key.alg);
  if (!(imported instanceof CryptoKey)) throw new Error(`the ${key.alg} primitive's key is not a CryptoKey`);
  return imported;
}

const jwtPrimitiveId = (alg: JwtAlg) => `jwt-verify-${alg.toLowerCase()}`;

/** Which primitives each strategy's verify is made of: their medians add up to `primitivesUs`. */
function primitivesOf(strategyId: string, lab: Lab): string[] {
  const jwt = jwtPrimitiveId(lab.jwtKey.alg);
  switch (strategyId) {
    case 'session':
      return ['sha256', 'sqlite-pk-get'];
    case 'jwt':
    case 'jwt-refresh': // its access-token verify; the refresh token is only read at …/refresh
      return [jwt];
    case 'jwt-denylist':
    case 'jwt-version':
      return [jwt, 'sqlite-pk-get'];
    case 'iron-stateless':
      return ['iron-unseal'];
    case 'session-cached': // a cache hit, the path it exists for: the id hashed, the MAC key derived (one HMAC) and the cache cookie's MAC checked; no row read
      return ['sha256', 'hmac-sha256', 'hmac-sha256'];
    default:
      throw new Error(`no primitives declared for strategy ${strategyId}: add it to scripts/bench/micro.ts`);
  }
}

export async function runMicroSection(options: Options): Promise<NonNullable<BenchResults['micro']>> {
  const plan = planFor(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-micro-'));
  // A file database (WAL, the real schema) opened through lib/db, as the server opens its own.
  const db = openDatabase(path.join(dir, 'micro.db'));
  try {
    const store = createSqliteStore(db);

    // The lab under test, with a real password login per strategy (so every cookie is genuine),
    // and one lab per asymmetric algorithm for the jwtVerify primitives.
    const { lab, users } = await labWithAlg(store, defaultSettings.jwtAlg);
    const bob = users.find((u) => u.username === 'bob')!;
    const jars = new Map<string, CookieJar>();
    for (const s of strategies) jars.set(s.id, await loginAs(store, lab, s, bob.username, bob.password));
    const jwtTokens = new Map<JwtAlg, { token: string; lab: Lab }>();
    for (const alg of jwtAlgs) {
      const l = alg === lab.jwtKey.alg ? { lab, users } : await labWithAlg(store, alg);
      const u = l.users.find((x) => x.username === 'bob')!;
      const jar = await loginAs(store, l.lab, strategyById('jwt'), u.username, u.password);
      jwtTokens.set(alg, { token: cookieOf(jar, 'jwt'), lab: l.lab });
    }

    const existing = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    fillStore(store, lab.now(), SESSION_ROWS - existing);
    const sessionRows = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    if (sessionRows !== SESSION_ROWS) throw new Error(`sessions table holds ${sessionRows} rows, wanted ${SESSION_ROWS}`);
    // A long-running server has checkpointed its WAL; start from that state, not from a 100k-row WAL.
    db.pragma('wal_checkpoint(TRUNCATE)');

    // The primitives. The id hashed and the row read are the lab's own session (the cookie
    // verify presents again and again), so both sides see the same key and the same pages.
    const sessionId = cookieOf(jars.get('session')!, 'session');
    const sessionHash = createHash('sha256').update(sessionId).digest('hex');
    // session-cached's cache cookie: its body is what the strategy MACs on a cache hit.
    const cacheCookie = jars.get('session-cached')!.get('rl_session_cache');
    if (!cacheCookie) throw new Error('the session-cached login set no cache cookie');
    const cacheBody = cacheCookie.split('.')[0]!;
    const cacheMacKey = randomBytes(32);
    // Deliberately raw better-sqlite3 (not a lib/db query): this is the library's own cost.
    const pkGet = db.prepare<[string], { user_id: number }>(
      'SELECT id_hash, lab_id, user_id, created_at, last_seen_at, absolute_expires_at FROM sessions WHERE id_hash = ?',
    );
    const primitives: { id: string; label: string; bench: Bench }[] = [
      {
        id: 'sha256',
        label: 'SHA-256 of a 43-character session id',
        bench: syncBench(() => createHash('sha256').update(sessionId).digest('hex').length === 64, 'sha256'),
      },
      {
        id: 'hmac-sha256',
        label: 'HMAC-SHA-256 of a cache cookie',
        bench: syncBench(() => createHmac('sha256', cacheMacKey).update(cacheBody).digest('base64url').length === 43, 'hmac-sha256'),
      },
      {
        id: 'sqlite-pk-get',
        label: `SQLite primary-key get, ${(SESSION_ROWS / 1000).toFixed(0)}k rows`,
        bench: syncBench(() => pkGet.get(sessionHash) !== undefined, 'sqlite primary-key get'),
      },
    ];
    for (const alg of jwtAlgs) {
      const { token, lab: algLab } = jwtTokens.get(alg)!;
      const verifyKey = await verificationCryptoKey(algLab.jwtKey);
      primitives.push({
        id: jwtPrimitiveId(alg),
        label: `jose jwtVerify ${alg}, cached CryptoKey`,
        bench: asyncBench(async () => (await jwtVerify(token, verifyKey, { algorithms: [alg] })).payload.sub !== undefined, `jwtVerify ${alg}`),
      });
    }
    const seal = cookieOf(jars.get('iron-stateless')!, 'iron-stateless');
    primitives.push({
      id: 'iron-unseal',
      label: 'iron-session unsealData',
      // The strategy's own parameters: password id 1, no iron TTL (the expiry is on the lab clock).
      // A failed unseal answers {} rather than throwing: check the user id came out.
      bench: asyncBench(
        async () => typeof (await unsealData<{ uid?: number }>(seal, { password: { 1: lab.ironPassword }, ttl: 0 })).uid === 'number',
        'iron unseal',
      ),
    });

    // Each strategy's full verify, with the lab clock read per operation as a request reads it,
    // and its statements counted as the routes count them (the count is part of what a request pays).
    const ctx = (): AuthContext => ({ store, lab, now: lab.now() });
    const lookups = new Map<string, number>();
    const storeStatements = new Map<string, { reads: number; writes: number }>();
    const verifies = strategies.map((s) => {
      const jar = jars.get(s.id)!;
      return {
        strategy: s,
        bench: asyncBench(async () => {
          const v = await verifyCounted(s, ctx(), jar);
          if (!v.ok) throw new Error(`${s.id} verify answered ${v.reason}: the bench would time a failure`);
          lookups.set(s.id, v.lookups);
          storeStatements.set(s.id, v.storeStatements);
          return true;
        }, `${s.id} verify`),
      };
    });

    const timings = await timeAll([...primitives.map((p) => p.bench), ...verifies.map((v) => v.bench)], plan);
    const primitiveResults: PrimitiveResult[] = primitives.map((p, i) => ({ id: p.id, label: p.label, ...summary(timings[i]!) }));
    const medianOf = (id: string) => {
      const p = primitiveResults.find((x) => x.id === id);
      if (!p) throw new Error(`unknown primitive ${id}`);
      return p.medianUs;
    };
    const strategyResults: StrategyVerifyResult[] = verifies.map((v, i) => {
      const timing = summary(timings[primitives.length + i]!);
      const ids = primitivesOf(v.strategy.id, lab);
      const primitivesUs = ids.reduce((sum, id) => sum + medianOf(id), 0);
      return {
        strategy: v.strategy.id,
        ...timing,
        primitives: ids,
        primitivesUs: round(primitivesUs, 2),
        ratio: round(timing.medianUs / primitivesUs, 3),
        lookups: lookups.get(v.strategy.id)!,
        storeStatements: storeStatements.get(v.strategy.id)!,
      };
    });

    return { sessionRows, jwtAlgs: [...jwtAlgs], primitives: primitiveResults, strategies: strategyResults };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
