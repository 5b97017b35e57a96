import type { LabSettings } from '../labs/settings';
import type { PresetId } from '../ids';

/**
 * The library presets: well-known libraries' shipped defaults, each as a
 * configuration of one of the site's strategies. Pure data (no server code),
 * so pages may import it. Every number names its source and says why it is
 * that number; lib/presets/definitions.test.ts keeps them so.
 *
 * Checked in December 2025 against the libraries' documentation and source
 * (the versions are named per preset). Where a default changed across
 * versions, the current one is used and `changed` says what it was.
 */

/** One number of a preset: its value, where it comes from, and why it is that number. */
export type SourcedValue = { value: number | string; source: string; why: string };

export type PresetSource = {
  library: string;
  /** The version the numbers were checked against. */
  version: string;
  /** The documentation page that states the defaults. */
  docsUrl: string;
  /** The code that implements them, where it is public. */
  codeUrl: string | null;
  /** The issue-tracker thread where the consequence was raised. */
  issueUrl: string;
  /** What changed across versions, if anything did. */
  changed: string | null;
};

/** The strategy a preset runs on: one of the lab's, or one written for presets (its options say how). */
export type PresetStrategy = 'authjs-jwt' | 'jwt' | 'iron-stateless' | 'session-cached' | 'jwt-refresh' | 'firebase-id-token';

export type PresetDefinition = {
  id: PresetId;
  strategy: PresetStrategy;
  /**
   * The lab strategy whose explanations (why, what would fix it) hold for
   * this preset word for word, if one does; otherwise the preset's own
   * (dictionary `presets`: why_/fix_<id>).
   */
  explainAs?: 'jwt' | 'iron-stateless' | 'session-cached' | 'jwt-refresh';
  strategyOptions?: { checkRevoked: boolean };
  /** Every setting the strategy reads, with its source. Settings it does not read keep the lab's defaults. */
  numbers: Partial<Record<keyof LabSettings, SourcedValue>>;
  source: PresetSource;
};

const DAY = 24 * 60 * 60;

const AUTHJS_SESSION_CODE = 'https://github.com/nextauthjs/next-auth/blob/main/packages/core/src/lib/actions/session.ts';
const AUTHJS_JWT_CODE = 'https://github.com/nextauthjs/next-auth/blob/main/packages/core/src/jwt.ts';
const NEXT_GUIDE = 'https://nextjs.org/docs/app/guides/authentication#stateless-sessions';
const IRON_CODE = 'https://github.com/vvo/iron-session/blob/main/src/core.ts';
const BETTER_AUTH_DOCS = 'https://www.better-auth.com/docs/concepts/session-management';
const BETTER_AUTH_COOKIES = 'https://github.com/better-auth/better-auth/blob/main/packages/better-auth/src/cookies/index.ts';
const CLERK_TOKEN = 'https://clerk.com/docs/references/android/get-token';
const CLERK_SESSIONS = 'https://clerk.com/docs/guides/secure/session-options';
const FIREBASE_SESSIONS = 'https://firebase.google.com/docs/auth/admin/manage-sessions';
const FIREBASE_VERIFY = 'https://firebase.google.com/docs/auth/admin/verify-id-tokens';

export const presetDefinitions: readonly PresetDefinition[] = [
  {
    id: 'authjs-jwt',
    strategy: 'authjs-jwt',
    numbers: {
      jwtTtlSeconds: {
        value: 30 * DAY,
        source: AUTHJS_JWT_CODE,
        why: '`session.maxAge` defaults to 30 days (`30 * 24 * 60 * 60`); every session read re-encodes the token with `exp = now + maxAge` (lib/actions/session.ts).',
      },
    },
    source: {
      library: 'Auth.js (next-auth v5, @auth/core)',
      version: 'next-auth 5.0.0-beta / @auth/core 0.x (main branch, Dec 2025)',
      docsUrl: 'https://authjs.dev/concepts/session-strategies#jwt-session',
      codeUrl: AUTHJS_SESSION_CODE,
      issueUrl: 'https://github.com/nextauthjs/next-auth/issues/662',
      changed:
        'next-auth v4 encrypted with A256GCM under a key derived without salt ("NextAuth.js Generated Encryption Key"); v5 uses A256CBC-HS512 with the cookie name as HKDF salt. maxAge has been 30 days throughout; updateAge (24 h) throttles only the database strategy.',
    },
  },
  {
    id: 'nextjs-guide',
    explainAs: 'jwt',
    strategy: 'jwt',
    numbers: {
      jwtTtlSeconds: { value: 7 * DAY, source: NEXT_GUIDE, why: 'The guide signs with `.setExpirationTime(\'7d\')` and sets the cookie to expire 7 days out.' },
      jwtAlg: { value: 'HS256', source: NEXT_GUIDE, why: 'The guide signs with `setProtectedHeader({ alg: \'HS256\' })` and a secret from SESSION_SECRET.' },
    },
    source: {
      library: 'Next.js authentication guide (stateless sessions with jose)',
      version: 'Next.js 16.4 docs (docs/01-app/02-guides/authentication.md)',
      docsUrl: NEXT_GUIDE,
      codeUrl: null,
      // The guide has no thread of its own; its deleteSession() deletes the cookie only, which is the iron-session question again.
      issueUrl: 'https://github.com/vvo/iron-session/issues/530',
      changed: null,
    },
  },
  {
    id: 'iron-default',
    explainAs: 'iron-stateless',
    strategy: 'iron-stateless',
    numbers: {
      jwtTtlSeconds: {
        value: 14 * DAY,
        source: IRON_CODE,
        why: '`ttl` defaults to `fourteenDaysInSeconds`; the cookie\'s maxAge is ttl − 60 s, but a copied seal is accepted until the ttl sealed in it.',
      },
    },
    source: {
      library: 'iron-session',
      version: '8.0.4',
      docsUrl: 'https://github.com/vvo/iron-session#readme',
      codeUrl: IRON_CODE,
      issueUrl: 'https://github.com/vvo/iron-session/issues/530',
      changed: null,
    },
  },
  {
    id: 'better-auth-cached',
    explainAs: 'session-cached',
    strategy: 'session-cached',
    numbers: {
      sessionIdleSeconds: {
        value: 7 * DAY,
        source: BETTER_AUTH_DOCS,
        why: '`expiresIn` is 7 days, pushed to now + 7 days on use once `updateAge` (1 day) has passed: an idle timeout of 7 days (the lab slides it on each read, not once a day).',
      },
      sessionAbsoluteSeconds: {
        value: 90 * DAY,
        source: BETTER_AUTH_DOCS,
        why: 'Better Auth sets no absolute lifetime (a used session is extended for ever); the lab\'s longest allowed absolute timeout stands in.',
      },
      sessionCacheSeconds: {
        value: 5 * 60,
        source: BETTER_AUTH_COOKIES,
        why: '`cookieCache.maxAge` defaults to 300 s (`options.session?.cookieCache?.maxAge || 60 * 5`); the docs warn that a revoked session stays valid in the cache until it expires.',
      },
    },
    source: {
      library: 'Better Auth (database session with cookieCache enabled)',
      version: 'better-auth 1.x (docs and main branch, Dec 2025)',
      docsUrl: `${BETTER_AUTH_DOCS}#cookie-cache`,
      codeUrl: BETTER_AUTH_COOKIES,
      issueUrl: 'https://github.com/better-auth/better-auth/issues/6893',
      changed: 'After issue 6893 the docs added a note that revoked sessions remain valid in the cookie cache until it expires; the default stayed 5 minutes.',
    },
  },
  {
    id: 'clerk-like',
    explainAs: 'jwt-refresh',
    strategy: 'jwt-refresh',
    numbers: {
      accessTtlSeconds: { value: 60, source: CLERK_TOKEN, why: 'The session token (a JWT) lives one minute: "The TTL for a Clerk token is one minute"; the client fetches a new one before it expires.' },
      refreshTtlSeconds: {
        value: 7 * DAY,
        source: CLERK_SESSIONS,
        why: 'The server-side session (Clerk\'s long-lived client cookie) has a maximum lifetime of 7 days by default; new tokens are minted from it while it lives.',
      },
    },
    source: {
      library: 'Clerk (hosted sessions; short-lived session token)',
      version: 'Clerk docs, Dec 2025 (@clerk/nextjs 6)',
      docsUrl: 'https://clerk.com/docs/how-clerk-works/overview',
      codeUrl: null,
      issueUrl: 'https://github.com/clerk/javascript/discussions/336',
      changed: null,
    },
  },
  {
    id: 'firebase-id-token',
    explainAs: 'jwt',
    strategy: 'firebase-id-token',
    strategyOptions: { checkRevoked: false },
    numbers: {
      jwtTtlSeconds: { value: 60 * 60, source: FIREBASE_SESSIONS, why: '"Firebase ID tokens are short lived and last for an hour"; `verifyIdToken(token)` checks signature and expiry only.' },
    },
    source: {
      library: 'Firebase Authentication (Admin SDK verifyIdToken)',
      version: 'firebase-admin (Node) 13',
      docsUrl: FIREBASE_VERIFY,
      codeUrl: 'https://github.com/firebase/firebase-admin-node/blob/master/src/auth/base-auth.ts',
      issueUrl: 'https://github.com/firebase/firebase-admin-python/pull/565',
      changed: 'checkRevoked arrived in firebase-admin 5.7.0 (revocation only); later versions (Node 9.x, Python PR 565) also refuse disabled users (auth/user-disabled).',
    },
  },
  {
    id: 'firebase-check-revoked',
    strategy: 'firebase-id-token',
    strategyOptions: { checkRevoked: true },
    numbers: {
      jwtTtlSeconds: {
        value: 60 * 60,
        source: FIREBASE_SESSIONS,
        why: 'The same one-hour ID token; `verifyIdToken(token, true)` also reads the user\'s `tokensValidAfterTime` and `disabled` on every call.',
      },
    },
    source: {
      library: 'Firebase Authentication (Admin SDK verifyIdToken with checkRevoked)',
      version: 'firebase-admin (Node) 13',
      docsUrl: `${FIREBASE_SESSIONS}#detect_id_token_revocation`,
      codeUrl: 'https://github.com/firebase/firebase-admin-node/blob/master/src/auth/base-auth.ts',
      issueUrl: 'https://github.com/firebase/firebase-admin-python/pull/565',
      changed: 'checkRevoked arrived in firebase-admin 5.7.0 (revocation only); later versions (Node 9.x, Python PR 565) also refuse disabled users (auth/user-disabled).',
    },
  },
];

export const presetIds = presetDefinitions.map((p) => p.id);
