import { failureReasons, type FailureReason } from '../auth/reasons';

/**
 * Every reason the API can answer with, as one typed union. A reason is the
 * lesson, so it is a code the page can translate (lib/i18n/dictionaries/reasons.ts,
 * typed by this union: a new reason without its English and Japanese words
 * fails the type check) and the one thing that decides the HTTP status
 * (lib/errors/status.ts, also typed by it).
 *
 * Client-safe: no server imports, so pages and route handlers share it.
 */

/** Reasons a request is refused for, apart from a refused credential (FailureReason). */
export const requestReasons = [
  // the request itself
  'unknown-endpoint',
  'method-not-allowed',
  'use-post',
  'expected-json',
  'malformed-json',
  'invalid-body',
  'body-too-large',
  'bad-request-target',
  'malformed-path',
  'cross-site-request',
  'cross-origin-request',
  'invalid-cursor',
  'unknown-format',
  'unknown-lang',
  // what the URL names
  'unknown-lab',
  'unknown-strategy',
  'unknown-scenario',
  'unknown-user',
  'unknown-copy',
  'no-refresh',
  'no-matrix-run',
  // what the request asks for
  'invalid-credentials',
  'account-disabled',
  'wrong-current-password',
  'not-admin',
  'no-credential',
  'not-a-jwt',
  'clock-limit',
  // come back later
  'too-many-failed-logins',
  'too-many-refreshes',
  'too-many-copies',
  'matrix-running',
  'settings-changing',
  'server-busy',
  'database-busy',
  'client-gone',
  'unexpected',
  // the workshop room (issue 12)
  'invalid-query',
  'unknown-workshop',
  'unknown-mission',
  'unknown-participant',
  'not-a-participant',
  'workshop-closed',
  'workshop-full',
  'already-answered',
  'throttled',
  'no-join-code',
  // fair shares per client (issue 13.1)
  'too-many-lab-creations',
  'too-many-labs',
  'too-many-password-hashes',
  'too-many-requests-in-flight',
  'lab-limit-reached',
  // presets (issue 14)
  'unknown-set',
  'preset-out-of-range',
] as const;

export type RequestReason = (typeof requestReasons)[number];

/** A reason in an API answer's `{ error, reason }`: a refused credential or a refused request. */
export type ApiReason = FailureReason | RequestReason;

/** Codes the browser makes itself when there is no API reason to read. */
export const clientReasons = ['network-error', 'not-json', 'unexpected-answer'] as const;
export type ClientReason = (typeof clientReasons)[number];

/** Everything a page may have to put in words (besides `http-<status>`, shown as is). */
export type ReasonCode = ApiReason | ClientReason;

const known: ReadonlySet<string> = new Set<string>([...failureReasons, ...requestReasons, ...clientReasons]);

export function isReasonCode(code: unknown): code is ReasonCode {
  return typeof code === 'string' && known.has(code);
}
