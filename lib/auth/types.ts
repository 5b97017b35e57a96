import type { Store, Transaction } from '../db/store';
import type { StoreStatements } from '../db/lookup-scope';
import type { Role } from '../db/users';
import type { Lab } from '../labs/lab';
import type { FailureReason } from './reasons';
import type { RunnableId } from '../ids';

export type AuthUser = { id: number; username: string; role: Role };

/** The lab and its clock, read once per request: what signing and sealing need, and no store. */
export type LabContext = {
  lab: Lab;
  now: number;
  /**
   * Set when a strategy runs as a preset (lib/presets): the preset's id, used
   * as the credential's audience/domain, so a preset's token is never accepted
   * by the plain strategy it is built on, nor the other way round.
   */
  credentialScope?: string;
};

/** What a strategy needs to do its work outside a transaction: the store, the lab, and the lab clock. */
export type AuthContext = LabContext & { store: Store };

/**
 * What a strategy's `record` hands to its `mint`: any object but a promise
 * (a `then` is what makes a promise). This is what makes an `async record`
 * — store work after an await, outside the login's transaction — a type error.
 */
export type Recorded = object & { readonly then?: never };

/** The cookies of one request that belong to one strategy, by name. */
export type CookieJar = ReadonlyMap<string, string>;

/** A cookie a strategy wants set. Attributes (HttpOnly, Path, SameSite, Secure) are added in lib/cookies.ts. */
export type CookieWrite = {
  name: string;
  value: string;
  /**
   * One path segment below the strategy's own path (e.g. `refresh`): the
   * browser then sends the cookie to that endpoint only, not on every request.
   * Must match the strategy's `cookieSubPaths`, which clearing uses.
   */
  subPath?: string;
};

/** Facts about the presented credential that logout and revocation need (jti, expiry, session hash, ...). */
export type CredentialFacts = {
  /** Lab-clock second when this credential stops working on its own, if it has one. */
  expiresAt?: number;
  jti?: string;
  [key: string]: unknown;
};

/**
 * What a request cost the store, counted from the statements that ran
 * (lib/auth/measured.ts), never written by a strategy.
 * `lookups` is the number of store *reads*, the "lookup per request" the
 * argument is about; `storeStatements` gives reads and writes apart (a session
 * verify is a read plus, once per lab-clock second, a last_seen write).
 */
export type StoreCost = { lookups: number; storeStatements: StoreStatements };

/** What a strategy's refresh decides (only strategies that have one). */
export type RefreshOutcome =
  | { ok: true; user: AuthUser; credential: CredentialFacts; cookies: CookieWrite[] }
  | {
      ok: false;
      /** A refusal of the credential, or `too-many-refreshes`: the credential is fine, come back later (429). */
      reason: FailureReason | 'too-many-refreshes';
      detail?: string;
      /** Cookies the browser should drop because they can never work again. */
      clear: readonly string[];
      /** For `too-many-refreshes`: seconds until the family may refresh again (the Retry-After). */
      retryAfterSeconds?: number;
    };

/** The answer of a strategy's refresh endpoint, with the statements it ran. */
export type RefreshResult = RefreshOutcome & StoreCost;

/** What a strategy's verify decides. */
export type VerifyOutcome =
  | {
      ok: true;
      user: AuthUser;
      credential: CredentialFacts;
      /**
       * Cookies a successful read writes back: a renewed cache cookie
       * (session-cached), a re-issued token with a pushed-forward expiry (the
       * Auth.js preset). The /me and /admin routes set them.
       */
      renew?: CookieWrite[];
    }
  | { ok: false; reason: FailureReason };

/** A verify's decision with the statements it ran. */
export type Verification = VerifyOutcome & StoreCost;

/** What the server holds for one credential, laid open for display (no id, only a prefix of its hash). */
export type ServerRecordView = {
  /** Only a prefix of the stored SHA-256: enough to show that the id itself is not stored. */
  idHashPrefix: string;
  username: string;
  role: Role;
  banned: boolean;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
};

/** User-level events every strategy may react to (inside one transaction). */
export type UserEvent = 'logout-all' | 'password-change' | 'role-change' | 'ban';

/**
 * One way to keep a login: real code behind the lab's endpoints. `R` is what
 * `record` hands to `mint` (a session id, a token version); strategies that
 * record nothing use the default.
 */
export interface Strategy<R extends Recorded = Recorded> {
  readonly id: RunnableId;
  /** Names of the cookies this strategy owns (scoped to its own path). */
  readonly cookieNames: readonly string[];
  /**
   * True when the credential is a JWT signed with the lab's JWT key, so that
   * rotating the key (POST /keys/rotate) bears on it. The key-rotation
   * scenario reads this declaration to decide `not-applicable`.
   */
  readonly usesLabJwtKey: boolean;
  /**
   * True when every successful read hands the browser a fresh credential with
   * its expiry pushed forward (Auth.js's JWT session). The scenario runner
   * reads this declaration to measure two copies apart: the copy exactly as it
   * was stolen, and a copy a thief keeps using and lets be re-issued.
   */
  readonly reissuesOnRead?: boolean;
  /** Cookies scoped below the strategy's path, by name (see CookieWrite.subPath). */
  readonly cookieSubPaths?: Readonly<Record<string, string>>;

  /**
   * Issuing credentials, step 1 of 2: the store work for a user who has just
   * proven who they are (write a session row or refresh token, read the token
   * version), done with `tx`, the transaction that re-checks the user at login
   * (lib/auth/flows.ts) — so no revocation can commit between the check and
   * the new credential. Synchronous by type: its result may not be a promise,
   * and `tx` refuses use once the transaction has ended. Strategies that keep
   * no state record nothing and return `{}`.
   */
  record(tx: Transaction, ctx: LabContext, user: AuthUser): R;

  /**
   * Step 2 of 2, after commit: sign or seal what `record` decided into the
   * cookies to set. Asynchronous (jose, iron); it has no store to touch.
   * lib/auth/issue.ts pairs the two steps: `recordCredentials` inside a
   * caller's transaction (login, password change), `issueCredentials` alone.
   */
  mint(ctx: LabContext, user: AuthUser, recorded: R): Promise<CookieWrite[]>;

  /**
   * Check the presented credential. Never throws for bad input: failures are
   * values. It reports no lookup count: callers run it through
   * verifyCounted (lib/auth/measured.ts), which counts the statements it ran.
   */
  verify(ctx: AuthContext, jar: CookieJar): Promise<VerifyOutcome>;

  /**
   * Optional: trade a refresh credential for fresh ones (POST …/{strategy}/refresh).
   * Its presence is what makes a strategy refreshable (isRefreshable in
   * lib/auth/registry.ts): the lab page offers a refresh replay and the
   * scenario runner's attacker uses the stolen refresh cookie too, as a real
   * attacker holding the whole jar would. Strategies without it answer 404
   * there. Never throws for bad input.
   */
  refresh?(ctx: AuthContext, jar: CookieJar): Promise<RefreshOutcome>;

  /**
   * Optional, display only: the server's own record of the presented
   * credential (a session row), for the lab page's token inspector and the
   * attacker store's "whose copy". Read-only: it must not verify, touch
   * last-seen or delete anything, so looking does not change the experiment.
   * Strategies whose credential carries everything (JWTs, seals) have none.
   */
  inspectServerRecord?(ctx: AuthContext, jar: CookieJar): ServerRecordView | null;

  /** Server-side part of logging out this device (the caller clears the cookies). */
  logout(ctx: AuthContext, jar: CookieJar, verification: VerifyOutcome): Promise<void> | void;

  /**
   * React to a user-level event, with `tx`: the transaction of the change that
   * caused it (a password change and every revocation commit together).
   * `presented` is set only for the strategy whose endpoint received the
   * request: the credential of the device that asked. Returns `undefined`, not
   * `void`: an async handler (store work after an await) is then a type error.
   */
  onUserEvent(tx: Transaction, ctx: LabContext, user: AuthUser, event: UserEvent, presented: CredentialFacts | null): undefined;
}
