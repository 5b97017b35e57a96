import { errors } from 'jose';
import type { FailureReason } from './reasons';

/**
 * jose's errors carry stable codes; this is the one place that turns them
 * into our reasons. Anything unexpected on the verify path (jose throws plain
 * TypeErrors on some junk input) is "malformed", never a 500.
 */
export function reasonFromJoseError(err: unknown): FailureReason {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  // An encrypted JWT whose authentication tag does not verify: the JWE's "signature" failed.
  if (err instanceof errors.JWEDecryptionFailed) return 'bad-signature';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'alg-not-allowed';
  if (err instanceof errors.JWTClaimValidationFailed) return 'bad-claims';
  // Past the algorithm allowlist (JOSEAlgNotAllowed above), jose only says
  // "not supported" for a `crit` extension it does not know: RFC 7515 §4.1.11
  // says refuse the token. It is not an algorithm problem, so not that reason.
  if (err instanceof errors.JOSENotSupported) return 'malformed';
  return 'malformed';
}
