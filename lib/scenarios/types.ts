import type { Role } from '../db/users';
import type { WindowMeasure } from './window';

/**
 * Shapes shared by the scenario modules, the runner, the API and the pages.
 * Plain data only: a result is JSON the matrix page and the report render.
 */

/** Store statements the server counted for one request (lib/db/statement-count.ts), reads and writes apart. */
export type StoreStatements = { reads: number; writes: number };

export type Verdict = 'blocked' | 'works-until-expiry' | 'not-applicable' | 'error';

/** Who made a request. The victim may have two devices; bystanders are the lab's other users. */
export type ActorRole = 'victim-laptop' | 'victim-phone' | 'attacker' | 'operator' | 'bystander';

/** The part of a run a request belongs to, so the pages can step through it. */
export type Phase = 'setup' | 'steal' | 'check' | 'revoke' | 'replay' | 'collateral' | 'time-travel';

/**
 * Which of two stolen copies made a request, where a strategy re-issues its
 * credential on every read (Strategy.reissuesOnRead): the copy replayed
 * exactly as stolen, or a copy the thief keeps using and lets be re-issued.
 * Absent for every other strategy (there is one copy).
 */
export type CopyKind = 'as-stolen' | 'in-use';

export type TraceRequest = {
  kind: 'request';
  seq: number;
  phase: Phase;
  actor: ActorRole;
  /** The user whose cookies this actor holds (none for the operator). */
  username: string | null;
  method: string;
  /** Absolute path on this server, query included. */
  path: string;
  /** JSON body sent, if any (throwaway lab: its passwords are random and die with it). */
  requestBody: unknown;
  /** Names of the cookies sent (values are in the curl line's jar file, not repeated here). */
  cookiesSent: string[];
  status: number;
  /** The `reason` of a refusal, or null for a success. */
  reason: string | null;
  lookups: number | null;
  /** Reads and writes the server counted for the strategy's work on this request, when it reported them. */
  storeStatements?: StoreStatements | null;
  /** Lab-clock second the request was made at. */
  at: number;
  /**
   * Round-trip time the runner measured for this request, in milliseconds (one
   * decimal): from handing it to the socket to the whole answer read. Real time,
   * not the lab clock — it is what lets the bench report per-request latency
   * from the matrices it runs, without a second client guessing at it.
   */
  ms: number;
  copy?: CopyKind;
};

/** The theft: the attacker's jar becomes a copy of a victim device's jar. */
export type TraceCopy = {
  kind: 'copy';
  seq: number;
  phase: 'steal';
  from: ActorRole;
  to: 'attacker';
  username: string;
  cookieNames: string[];
  at: number;
  /** as-stolen: this copy never takes the cookies the server sets in answer. */
  copy?: CopyKind;
};

export type TraceEntry = TraceRequest | TraceCopy;

export type ScenarioResult = {
  scenario: string;
  strategy: string;
  verdict: Verdict;
  /** For works-until-expiry: seconds from the revoking action until the copy was first refused (null: still working at the horizon). */
  windowSeconds: number | null;
  window: WindowMeasure | null;
  /**
   * Where the strategy re-issues its credential on every read: the window of
   * a second copy, stolen at the same moment, that the thief kept using (a
   * replay at each second the first copy was probed, then on its own) and
   * whose re-issued cookies it kept. `window`/`windowSeconds` above are the
   * copy exactly as stolen. Absent for every other strategy.
   */
  withUse?: { windowSeconds: number | null; window: WindowMeasure; refusedWith: ScenarioResult['refusedWith'] } | null;
  /** The answer that refused the copy (the one that ended the window, or the first replay when blocked). */
  refusedWith: { status: number; reason: string | null; /** When the attacker also tried the stolen refresh cookie. */ refreshReason?: string | null } | null;
  /** Other users whose cookies of this strategy stopped working at the revoking action. */
  collateral: { loggedOut: string[]; bystanders: string[] };
  /**
   * Store lookups (reads) the server counted: per authenticated request, and per refresh where the
   * strategy has one; with the statements (reads and writes apart) of the same requests.
   */
  lookups: {
    perRequest: number | null;
    perRefresh: number | null;
    statementsPerRequest?: StoreStatements | null;
    statementsPerRefresh?: StoreStatements | null;
  };
  /** Bytes of the Cookie header the victim's browser sends for this strategy. */
  cookieBytes: number | null;
  /** Why not-applicable or error. */
  note: string | null;
  /** For not-applicable: the declared reason's code (the pages translate it). */
  noteCode: string | null;
  /** The victim's username and role in the throwaway lab. */
  victim: { username: string; role: Role } | null;
  /** Lab-clock second the run's throwaway lab started at, and of the revoking action. */
  startedAt: number | null;
  revokedAt: number | null;
  trace: TraceEntry[];
  durationMs: number;
};
