import type { FailureReason } from '../auth/reasons';
import type { RequestReason } from './reasons';

/**
 * The one place that turns a reason into an HTTP status (and the `error`
 * word beside it). Domain code names *why* (a typed reason); the route layer
 * (apiRoute in lib/http.ts, proxy.ts, the socket hook) asks here *which status*.
 *
 * Pure data, no server imports: proxy.ts runs it too.
 */

/** Every request reason's status. `satisfies` makes a reason without a status (or a status for no reason) a type error. */
export const requestStatuses = {
  'unknown-endpoint': 404,
  'method-not-allowed': 405,
  'use-post': 405,
  'expected-json': 415,
  'malformed-json': 400,
  'invalid-body': 400,
  'body-too-large': 413,
  'bad-request-target': 400,
  'malformed-path': 400,
  'cross-site-request': 403,
  'cross-origin-request': 403,
  'invalid-cursor': 400,
  'unknown-format': 400,
  'unknown-lang': 400,
  'unknown-lab': 404,
  'unknown-strategy': 404,
  'unknown-scenario': 404,
  'unknown-user': 404,
  'unknown-copy': 404,
  'no-refresh': 404,
  'no-matrix-run': 404,
  'invalid-credentials': 401,
  // At login the password was right: the account is known and refused (a
  // refused *credential* of a banned user is a 401, see `refusal` below).
  'account-disabled': 403,
  'wrong-current-password': 403,
  'not-admin': 403,
  // POST …/steal: this browser presents nothing to copy (a bad request, not a refused login).
  'no-credential': 400,
  'not-a-jwt': 400,
  'clock-limit': 400,
  'too-many-failed-logins': 429,
  'too-many-refreshes': 429,
  'too-many-copies': 409,
  'matrix-running': 409,
  'settings-changing': 409,
  'server-busy': 503,
  'database-busy': 503,
  // Not a real status (nginx's "client closed request"): nobody is left to read it, but the journal records it.
  'client-gone': 499,
  unexpected: 500,
  'invalid-query': 400,
  // A wrong key, an unknown code and an unknown workshop all answer this: it never reveals which.
  'unknown-workshop': 404,
  'unknown-mission': 404,
  'unknown-participant': 404,
  'not-a-participant': 404,
  'workshop-closed': 403,
  'workshop-full': 403,
  'already-answered': 409,
  'throttled': 429,
  'no-join-code': 503,
  'too-many-lab-creations': 429,
  'too-many-labs': 429,
  'too-many-password-hashes': 429,
  'too-many-requests-in-flight': 429,
  'lab-limit-reached': 503,
  'unknown-set': 404,
  'preset-out-of-range': 409,
} as const satisfies Record<RequestReason, HttpStatus>;

const errorWords = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  499: 'cancelled',
  500: 'internal',
  503: 'unavailable',
} as const;

export type HttpStatus = keyof typeof errorWords;

/**
 * What went wrong, as domain code states it: a request refused for a reason,
 * or the credential presented refused by its strategy (always 401: the reason
 * is the strategy's verdict, whatever its name).
 */
export type Problem = { reason: RequestReason } | { refusal: FailureReason };

export type ErrorStatus = { status: HttpStatus; error: (typeof errorWords)[HttpStatus]; reason: RequestReason | FailureReason };

export function statusOf(problem: Problem): ErrorStatus {
  if ('refusal' in problem) return { status: 401, error: errorWords[401], reason: problem.refusal };
  const status = requestStatuses[problem.reason];
  return { status, error: errorWords[status], reason: problem.reason };
}
