import type { Store } from '../db/store';
import type { StoreStatements } from '../db/statement-count';
import type { Role } from '../db/users';
import type { Lab } from '../labs/lab';
import type { FailureReason } from './reasons';

export type AuthUser = { id: number; username: string; role: Role };

/** What a strategy needs to do its work: the store, the lab, and the lab clock read once per request. */
export type AuthContext = {
  store: Store;
  lab: Lab;
  now: number;
  /**
   * Set when a strategy runs as a preset (lib/presets): the preset's id, used
   * as the credential's audience/domain, so a preset's token is never accepted
   * by the plain strategy it is built on, nor the other way round.
   */
  credentialScope?: string;
};

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

/** User-level events every strategy may react to (inside one transaction). */
export type UserEvent = 'logout-all' | 'password-change' | 'role-change' | 'ban';

export interface Strategy {
  readonly id: string;
  /** Names of the cookies this strategy owns (scoped to its own path). */
  readonly cookieNames: readonly string[];
  /** True when verify needs nothing but the credential and a key. */
  readonly stateless: boolean;
  /**
   * True when the credential is a JWT signed with the lab's JWT key, so that
   * rotating the key (POST /keys/rotate) bears on it. The key-rotation
   * scenario reads this declaration to decide `not-applicable`.
   */
  readonly usesLabJwtKey: boolean;
  /**
   * True when POST /api/labs/{labId}/{id}/refresh trades a refresh cookie for
   * fresh credentials. The scenario runner's attacker then uses it too, as a
   * real attacker holding the whole cookie jar would.
   */
  readonly refreshable?: boolean;
  /** Cookies scoped below the strategy's path, by name (see CookieWrite.subPath). */
  readonly cookieSubPaths?: Readonly<Record<string, string>>;

  /**
   * Mint credentials for a user who has just proven who they are. Any store
   * read or write must happen before the first await: login runs that part
   * inside the transaction that re-checks the user (lib/auth/flows.ts).
   */
  issue(ctx: AuthContext, user: AuthUser): Promise<CookieWrite[]>;

  /**
   * Check the presented credential. Never throws for bad input: failures are
   * values. It reports no lookup count: callers run it through
   * verifyCounted (lib/auth/measured.ts), which counts the statements it ran.
   */
  verify(ctx: AuthContext, jar: CookieJar): Promise<VerifyOutcome>;

  /**
   * Optional: trade a refresh credential for fresh ones (POST …/{strategy}/refresh).
   * Strategies without it answer 404 there. Never throws for bad input.
   */
  refresh?(ctx: AuthContext, jar: CookieJar): Promise<RefreshOutcome>;

  /** Server-side part of logging out this device (the caller clears the cookies). */
  logout(ctx: AuthContext, jar: CookieJar, verification: VerifyOutcome): Promise<void> | void;

  /**
   * React to a user-level event. `presented` is set only for the strategy whose
   * endpoint received the request: the credential of the device that asked.
   * Runs inside a synchronous transaction: no awaits.
   */
  onUserEvent(ctx: AuthContext, user: AuthUser, event: UserEvent, presented: CredentialFacts | null): void;
}
