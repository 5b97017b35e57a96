/**
 * Why a credential was refused. The reason is the lesson, so it always
 * reaches the HTTP answer (never collapsed into a bare 401).
 */
export const failureReasons = [
  'no-credential', // nothing presented
  'malformed', // not even shaped like a credential of this strategy
  'bad-signature', // signature or seal does not verify with the lab's current key
  'alg-not-allowed', // header names an algorithm the lab does not use (alg: none included)
  'bad-claims', // issuer, audience, type or a required claim is wrong or missing
  'expired', // past its own expiry on the lab clock
  'idle-timeout', // session unused for longer than sessionIdleSeconds
  'revoked', // the server recorded a revocation (denylist, version bump, refresh family)
  'unknown-session', // no such session row (logged out, or never existed)
  'account-disabled', // the user is banned
  'unknown-user', // the user no longer exists in this lab
] as const;

export type FailureReason = (typeof failureReasons)[number];
