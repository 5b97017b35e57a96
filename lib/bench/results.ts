import { z } from 'zod';

/**
 * The shape of `npm run bench`'s output (lib/bench/results.json is the last
 * committed run; the /learn/cost page renders it). Plain data, no server-only
 * imports: the bench scripts write it, the page and the tests read it.
 *
 * Every figure is measured; a goal's `met` is computed from the figures of
 * the same run on the same machine, never typed in.
 */

const finite = z.number().finite();
const nonNegative = finite.nonnegative();

/** One timed in-process operation: several rounds after a warm-up; per-operation times in microseconds. */
export const microTimingSchema = z.object({
  medianUs: nonNegative,
  /** Fastest and slowest round's per-operation mean: the spread between rounds. */
  minUs: nonNegative,
  maxUs: nonNegative,
  opsPerSecond: nonNegative,
  rounds: z.number().int().positive(),
  opsPerRound: z.number().int().positive(),
});
export type MicroTiming = z.infer<typeof microTimingSchema>;

/** A raw building block: jose jwtVerify, iron unseal, a SQLite primary-key get, a SHA-256. */
export const primitiveResultSchema = microTimingSchema.extend({
  id: z.string().min(1),
  label: z.string().min(1),
});
export type PrimitiveResult = z.infer<typeof primitiveResultSchema>;

/** A strategy's full `verify`, next to the sum of the primitives it is made of. */
export const strategyVerifyResultSchema = microTimingSchema.extend({
  strategy: z.string().min(1),
  /** Ids of the primitives whose medians add up to `primitivesUs`. */
  primitives: z.array(z.string().min(1)).min(1),
  primitivesUs: nonNegative,
  /** verify median / primitivesUs. */
  ratio: nonNegative,
  /** Store lookups (reads) the verify ran, as counted by the store. */
  lookups: z.number().int().nonnegative(),
  /** Reads and writes the verify ran, counted by the store (absent in runs made before they were counted). */
  storeStatements: z.object({ reads: z.number().int().nonnegative(), writes: z.number().int().nonnegative() }).optional(),
});
export type StrategyVerifyResult = z.infer<typeof strategyVerifyResultSchema>;

export const microSectionSchema = z.object({
  /** Rows in the sessions table the primary-key get and the session verify ran against. */
  sessionRows: z.number().int().positive(),
  jwtAlgs: z.array(z.string()),
  primitives: z.array(primitiveResultSchema).min(1),
  strategies: z.array(strategyVerifyResultSchema).min(1),
});

/** One HTTP route under autocannon: connections fixed, duration fixed. */
export const httpRouteResultSchema = z.object({
  /** `no-auth`, `no-credential` or a strategy id. */
  id: z.string().min(1),
  /** The path with the lab id replaced by `{labId}`. */
  path: z.string().min(1),
  /** The status every counted answer had: 200, or 401 for the same /me with no cookie (refused before any verification). */
  expectedStatus: z.number().int().default(200),
  requestsPerSecond: nonNegative,
  p50Ms: nonNegative,
  p99Ms: nonNegative,
  requests: z.number().int().nonnegative(),
  /** Connection errors, timeouts and answers other than the expected status. */
  errors: z.number().int().nonnegative(),
  /** requestsPerSecond / the no-auth route's. */
  ratioToNoAuth: nonNegative,
  /** Store lookups one request makes, as /me reports them (null for the no-auth route). */
  lookups: z.number().int().nonnegative().nullable(),
});
export type HttpRouteResult = z.infer<typeof httpRouteResultSchema>;

export const httpSectionSchema = z.object({
  connections: z.number().int().positive(),
  durationSeconds: nonNegative,
  /** The routes are measured in this many interleaved rounds; each figure is the median round. */
  rounds: z.number().int().positive(),
  routes: z.array(httpRouteResultSchema).min(1),
});

export const matrixSectionSchema = z.object({
  runs: z.number().int().positive(),
  cells: z.number().int().positive(),
  requestsPerMatrix: z.number().int().positive(),
  medianMs: nonNegative,
  p95Ms: nonNegative,
  minMs: nonNegative,
  maxMs: nonNegative,
  /** Server CPU (user + system) per matrix, where /proc could be read. */
  serverCpuMsPerMatrix: nonNegative.nullable(),
});

export const workshopSectionSchema = z.object({
  labs: z.number().int().positive(),
  /** Matrices that did not answer 200, and cells that came back as `error`. */
  errors: z.number().int().nonnegative(),
  /** Real HTTP requests the matrices made, each timed by the runner that made it. */
  requests: z.number().int().nonnegative(),
  requestP50Ms: nonNegative,
  requestP99Ms: nonNegative,
  /** How long participants waited for their whole matrix. */
  matrixP50Ms: nonNegative,
  matrixMaxMs: nonNegative,
  wallMs: nonNegative,
  /** Peak resident memory of the server process during the run. */
  peakRssMiB: nonNegative.nullable(),
  /** Every lab's verdicts equal to a lone lab's: nobody's matrix disturbed anybody else's. */
  verdictsIdentical: z.boolean(),
});

/** A workshop room joining (issue 12): N participants within a few seconds, each timed to a working lab. */
export const workshopJoinSectionSchema = z.object({
  participants: z.number().int().positive(),
  spreadSeconds: nonNegative,
  /** Participants who did not get a working lab (join, login, /me 200). */
  errors: z.number().int().nonnegative(),
  firstErrors: z.array(z.string()),
  /** From the join request to /me answering 200 in the new lab. */
  workingLabP50Ms: nonNegative,
  workingLabP95Ms: nonNegative,
  workingLabMaxMs: nonNegative,
  joinWallMs: nonNegative,
  serverCpuMsPerJoin: nonNegative.nullable(),
  /** The console's answer time while the room polls /me every second. */
  consoleP50Ms: nonNegative,
  consoleP95Ms: nonNegative,
  solvers: z.number().int().nonnegative(),
  /** From the solving request's answer to a console answer showing the solve (250 ms watcher). */
  solveToConsoleP50Ms: nonNegative,
  solveToConsoleMaxMs: nonNegative,
});

/** What the lab journal costs /me: the same build with the journal on and off (LAB_JOURNAL=off). */
export const journalSectionSchema = z.object({
  connections: z.number().int().positive(),
  durationSeconds: nonNegative,
  rounds: z.number().int().positive(),
  routes: z.array(
    z.object({
      strategy: z.string(),
      withJournalRps: nonNegative,
      withoutJournalRps: nonNegative,
      /** With ÷ without: 0.95 means the journal costs 5% of the throughput. */
      ratio: nonNegative,
      errors: z.number().int().nonnegative(),
    }),
  ),
});
export type JournalSection = z.infer<typeof journalSectionSchema>;

export const goalSchema = z.object({
  id: z.string().min(1),
  /** Plain words, e.g. "session /me ≥ 0.95× the no-auth route". */
  label: z.string().min(1),
  value: finite,
  target: finite,
  /** Whether `value` must be at most (`max`) or at least (`min`) the target. */
  kind: z.enum(['max', 'min']),
  unit: z.enum(['ratio', 'ms', 'count']),
  met: z.boolean(),
});
export type Goal = z.infer<typeof goalSchema>;

export const benchResultsSchema = z.object({
  schemaVersion: z.literal(1),
  createdAt: z.string().datetime(),
  machine: z.object({
    cpuModel: z.string(),
    cores: z.number().int().positive(),
    memoryGiB: nonNegative,
    platform: z.string(),
    node: z.string(),
    /** Versions of the packages measured (next, jose, iron-session, better-sqlite3). */
    packages: z.record(z.string(), z.string()),
    /** One-minute load average when the run started: a busy machine explains slow figures. */
    loadAverageAtStart: nonNegative,
  }),
  /** The command that produced this file. */
  command: z.string().min(1),
  micro: microSectionSchema.nullable(),
  http: httpSectionSchema.nullable(),
  matrix: matrixSectionSchema.nullable(),
  workshop: workshopSectionSchema.nullable(),
  /** Optional: files written before the journal existed have no such section. */
  journal: journalSectionSchema.nullable().optional(),
  /** Optional: files written before workshops existed have no such section. */
  workshopJoin: workshopJoinSectionSchema.nullable().optional(),
  goals: z.array(goalSchema),
});
export type BenchResults = z.infer<typeof benchResultsSchema>;

export function goal(
  id: string,
  label: string,
  value: number,
  kind: Goal['kind'],
  target: number,
  unit: Goal['unit'],
): Goal {
  return { id, label, value, target, kind, unit, met: kind === 'max' ? value <= target : value >= target };
}
