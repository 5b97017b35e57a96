import type { ClockRow, LabRow } from './labs';
import type { Role, UserRow } from './users';
import type { SessionRow, SessionWithUser } from './sessions';
import type { RefreshTokenRow, RefreshTokenWithUser } from './refresh-tokens';
import type { ThrottleRow } from './login-throttle';
import type { JournalInsert, JournalRow } from './journal';
import type { StolenCopyRow } from './stolen-copies';
import type { MatrixClaim, MatrixRunRow, MatrixSet } from './matrix-runs';
import type { WorkshopsTable } from './workshops';
import type { LabResetTable } from './lab-reset';
import type { LabOwnersTable } from './lab-owners';

/*
 * The store as the rest of the application sees it: one interface per table,
 * typed rows in and out, and explicit transactions. Nothing here names a
 * database: the SQLite adapter (sqlite-store.ts) implements it today, and a
 * networked store (Postgres) would be a second implementation of the same
 * interfaces (docs/ARCHITECTURE.md says what it would need). The row types live
 * beside their SQLite queries because they are the tables' columns; they are
 * plain data, and any adapter hands back the same shapes.
 *
 * Every method is synchronous. That is the SQLite adapter's nature (one
 * in-process connection) and what lets a transaction be a plain callback; a
 * networked adapter would make them async, and the compiler would then name
 * every caller that has to await.
 */

export interface LabsTable {
  insert(row: LabRow): void;
  findById(id: string): LabRow | undefined;
  /** Sets the lab's last-activity stamp to nowMs when the stored one is older than staleBeforeMs. */
  touch(id: string, nowMs: number, staleBeforeMs: number): void;
  /** The lab's clock after the move, or undefined when the lab is gone. */
  advanceClock(id: string, seconds: number): ClockRow | undefined;
  updateSettings(id: string, settingsJson: string): void;
  /** The new key generation, or undefined when the lab is gone. */
  replaceJwtKey(id: string, alg: string, kid: string, keyJson: string): number | undefined;
  /** Deletes every lab idle since before cutoffMs (and, by cascade, everything it holds); how many went. */
  deleteIdleSince(cutoffMs: number): number;
  /** Deletes a lab and, by cascade, everything it holds: users, credentials, journal, copies, runs, child labs. */
  deleteById(id: string): void;
}

export interface UsersTable {
  /** The new user's id. Ids are never reused, not even after their lab is deleted. */
  insert(labId: string, username: string, passwordHash: string, demoPassword: string | null, role: Role): number;
  findByName(labId: string, username: string): UserRow | undefined;
  findById(labId: string, id: number): UserRow | undefined;
  listInLab(labId: string): UserRow[];
  setPassword(labId: string, userId: number, hash: string, demoPassword: string | null): void;
  setRole(labId: string, userId: number, role: Role): void;
  setBanned(labId: string, userId: number, banned: boolean): void;
  bumpTokenVersion(labId: string, userId: number): void;
  /** The Firebase preset's "tokens valid after" mark, as a generation (sign-out-everywhere, password change, ban). */
  bumpRevocationGeneration(labId: string, userId: number): void;
  revocationStateInLab(labId: string, userId: number): { revocation_generation: number; banned: 0 | 1 } | undefined;
  /** Version and ban flag of a user of this lab only (a token of another lab never reads this one's rows). */
  tokenStateInLab(labId: string, userId: number): Pick<UserRow, 'token_version' | 'banned'> | undefined;
}

export interface SessionsTable {
  insert(row: SessionRow): void;
  /** The session and its user in one lookup: role and ban are always current. */
  findWithUser(labId: string, idHash: string): SessionWithUser | undefined;
  touch(idHash: string, nowSeconds: number): void;
  deleteOne(labId: string, idHash: string): boolean;
  deleteByUserId(labId: string, userId: number): number;
  countByUserId(userId: number): number;
}

export interface DenylistTable {
  add(labId: string, jti: string, expiresAt: number): void;
  has(labId: string, jti: string): boolean;
  sweepExpired(labId: string, nowSeconds: number): number;
  count(labId: string): number;
}

export interface RefreshTokensTable {
  insert(row: RefreshTokenRow): void;
  /** Deletes all but the newest `keep` rows of a family; returns how many went. */
  capFamily(labId: string, familyId: string, keep: number): number;
  /** Counts one refresh of a family in its real-time window; the window's start and the count so far, this one included. */
  countRefresh(labId: string, familyId: string, nowMs: number, windowMs: number): { window_started_ms: number; refreshes: number };
  /** Drops the counters of windows that started at or before `beforeMs` (an ended window counts as none). */
  sweepRateWindows(labId: string, beforeMs: number): number;
  findByHash(labId: string, hash: string): RefreshTokenRow | undefined;
  /** The token and its user in one lookup: a refreshed access token carries the current role. */
  findWithUser(labId: string, hash: string): RefreshTokenWithUser | undefined;
  sweepExpired(labId: string, nowSeconds: number): number;
  /** Compare-and-set: true for the one caller that rotated a live token. */
  markRotated(labId: string, hash: string, nowSeconds: number): boolean;
  revokeOne(labId: string, hash: string, nowSeconds: number): number;
  revokeFamily(labId: string, familyId: string, nowSeconds: number): number;
  revokeByUserId(labId: string, userId: number, nowSeconds: number): number;
}

/** Failed-login counters, on real time: moving a lab's clock must not lift a lock. */
export interface LoginThrottleTable {
  get(labId: string, username: string): ThrottleRow | undefined;
  put(labId: string, username: string, row: ThrottleRow): void;
  clear(labId: string, username: string): void;
}

export interface JournalTable {
  /** The new entry's seq, or undefined when the lab is gone or is a throwaway child lab. */
  append(entry: JournalInsert): number | undefined;
  /** Drops every entry up to and including throughSeq (the oldest). */
  trimThrough(labId: string, throughSeq: number): number;
  after(labId: string, afterSeq: number, limit: number): JournalRow[];
  bounds(labId: string): { first: number | null; last: number | null };
  clearedThrough(labId: string): number;
  markClearedThrough(labId: string, seq: number): void;
}

export interface StolenCopiesTable {
  /** The new copy's number, counted per lab from 1. */
  insert(labId: string, strategy: string, username: string | null, stolenAt: number, cookiesJson: string, credentialHash: string): number;
  list(labId: string): StolenCopyRow[];
  find(labId: string, copyNo: number): StolenCopyRow | undefined;
  /** After a replay: the copy as the attacker now holds it (a refresh rotates it) and the answer it got. */
  update(labId: string, copyNo: number, cookiesJson: string, credentialHash: string, lastJson: string): void;
  clear(labId: string): number;
  count(labId: string): number;
}

/** The matrix runs of each lab: at most one running, and the last finished one. Each method is atomic on its own. */
export interface MatrixRunsTable {
  /** Claims the lab's one running slot for runId, unless another run holds it (claims older than staleBeforeMs lapse). */
  claim(labId: string, runId: string, nowMs: number, staleBeforeMs: number, settingsJson: string, set?: MatrixSet): MatrixClaim;
  /** Stores the result as the lab's last run; false when the claim had lapsed or the lab is gone. */
  finish(labId: string, runId: string, nowMs: number, reportJson: string, settingsJson: string): boolean;
  /** Releases a claim whose run failed or was cancelled: the last finished run stays. */
  abandon(runId: string): void;
  /** The lab's last finished run of a set (strategies when none is named): one kept per set. */
  lastFinished(labId: string, set?: MatrixSet): MatrixRunRow | undefined;
  /** When the lab's last run finished (real-time ms), without reading its report; null when it never ran. */
  lastFinishedAt(labId: string): number | null;
  running(labId: string): Pick<MatrixRunRow, 'run_id' | 'started_at_ms'> | undefined;
}

/**
 * The tables a piece of work can read and write, inside a transaction or not.
 * A helper that only needs tables takes this type, and then serves both.
 *
 * Lookup counting: the statements of labs, users, sessions, denylist,
 * refreshTokens and loginThrottle count as a strategy's store work (the
 * lookups a request reports); journal and stolenCopies are the lab's own
 * record keeping and never count.
 */
export interface StoreTables {
  readonly labs: LabsTable;
  readonly users: UsersTable;
  readonly sessions: SessionsTable;
  readonly denylist: DenylistTable;
  readonly refreshTokens: RefreshTokensTable;
  readonly loginThrottle: LoginThrottleTable;
  readonly journal: JournalTable;
  readonly stolenCopies: StolenCopiesTable;
  /** Who each live lab was created for (issue 13.1, lib/labs/admission.ts): bookkeeping, not counted. */
  readonly labOwners: LabOwnersTable;
}

/** Type-only: a Transaction cannot be built outside an adapter, nor a Store passed where one is required. */
declare const openTransaction: unique symbol;

/**
 * The tables as seen from inside one transaction. Only `Store.transaction`
 * hands one out, and only to its callback; once the callback has returned the
 * object refuses every use, so a store call made after an await (outside the
 * transaction) fails loudly instead of silently running unprotected.
 */
export interface Transaction extends StoreTables {
  readonly [openTransaction]: true;
}

/**
 * What a transaction callback may return: anything but a promise. An async
 * callback would commit at its first await and run the rest outside the
 * transaction; this makes that a type error naming the rule.
 */
export type Synchronous<T> = [Extract<T, PromiseLike<unknown>>] extends [never]
  ? unknown
  : 'a transaction callback must finish its store work synchronously: it must not return a Promise';

export interface Store extends StoreTables {
  readonly matrixRuns: MatrixRunsTable;
  /** The workshop room (issue 12): room bookkeeping, not a strategy's work, not counted. */
  readonly workshops: WorkshopsTable;
  /** Empties a participant's lab in place (call inside a transaction). */
  readonly labReset: LabResetTable;
  /**
   * Runs fn in one transaction that takes the write lock up front: either
   * every write lands or none, and a concurrent writer (another request,
   * another process) waits instead of failing half-way. fn receives the
   * transaction and must do all its work synchronously with it.
   */
  transaction<T>(fn: ((tx: Transaction) => T) & Synchronous<T>): T;
}
