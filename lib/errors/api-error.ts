import type { FailureReason } from '../auth/reasons';
import type { ApiReason, RequestReason } from './reasons';
import { statusOf, type ErrorStatus, type Problem } from './status';

/**
 * A request that cannot be served, thrown from anywhere below a route handler
 * and answered by apiRoute (lib/http.ts) as `{ error, reason, detail? }`.
 *
 * It names only the reason; the status is not the thrower's to choose:
 * statusOf (lib/errors/status.ts) decides it, in one table, for every route.
 */
export class ApiError extends Error {
  readonly problem: Problem;
  private readonly answer: ErrorStatus;

  constructor(
    reason: RequestReason | Problem,
    /** Plain English for curl users; pages show the reason's dictionary words instead. */
    readonly detail?: string,
    /** Extra answer headers (Retry-After, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    const problem: Problem = typeof reason === 'string' ? { reason } : reason;
    const answer = statusOf(problem);
    super(`${answer.status} ${answer.error}: ${answer.reason}`);
    this.problem = problem;
    this.answer = answer;
  }

  /** The credential presented was refused by its strategy: the strategy's own reason, answered 401. */
  static refused(reason: FailureReason, detail?: string): ApiError {
    return new ApiError({ refusal: reason }, detail);
  }

  get status(): number {
    return this.answer.status;
  }
  get error(): string {
    return this.answer.error;
  }
  get reason(): ApiReason {
    return this.answer.reason;
  }
}
