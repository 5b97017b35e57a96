/**
 * Type-level proofs of the contracts (docs/ARCHITECTURE.md, "Errors and
 * reasons", "Strings and registries"). Never run: `tsc --noEmit` checks this
 * file like any other, and each `@ts-expect-error` below must meet an error —
 * if a contract stops holding, the directive is unused and tsc fails. So
 * these cannot pass by accident.
 *
 * Each case is the real mistake in miniature: a table missing one entry is
 * made from the real table with that entry removed.
 */
import { ApiError } from './errors/api-error';
import type { ReasonCode, RequestReason } from './errors/reasons';
import { requestStatuses, type HttpStatus } from './errors/status';
import { dictionaries, type Key } from './i18n/dictionaries';
import { defineNamespace } from './i18n/define';
import type { ScenarioId, StrategyId } from './ids';
import type { Strategy } from './auth/types';
import { jwtStrategy } from './auth/strategies/jwt';
import { sessionStrategy } from './auth/strategies/session';

// --- Errors and reasons -------------------------------------------------------

/** The words of every reason, as lib/i18n/dictionaries/reasons.ts types them. */
type ReasonWords = Record<ReasonCode, string>;

// A reason whose translation was deleted: the table no longer covers the union.
const { 'unknown-lab': _droppedEn, ...reasonsWithoutOne } = dictionaries.reasons.en;
// @ts-expect-error Property ''unknown-lab'' is missing: a reason without its English words
export const reasonWithoutEnglish: ReasonWords = reasonsWithoutOne;

// A reason added to the union (a workshop's `workshop-full`) before its words were written.
type ReasonWordsWithNewReason = Record<ReasonCode | 'brand-new-reason', string>;
// @ts-expect-error Property ''brand-new-reason'' is missing: a new reason without a translation
export const newReasonWithoutWords: ReasonWordsWithNewReason = dictionaries.reasons.ja;

// …and without a status: the one status table must name it too.
// @ts-expect-error Property ''brand-new-reason'' is missing: a new request reason without a status
export const newReasonWithoutStatus: Record<RequestReason | 'brand-new-reason', HttpStatus> = requestStatuses;

// Domain code names a reason from the union, never a free string and never a status.
// @ts-expect-error Argument of type '"no-such-reason"' is not assignable
export const freeStringReason = new ApiError('no-such-reason');
// @ts-expect-error the old shape (status, error, reason) is gone: only the status table picks a status
export const statusChosenByCaller = new ApiError(404, 'not-found', 'unknown-lab');
// A strategy refusal is a FailureReason: a request reason is not one.
// @ts-expect-error Argument of type '"unknown-lab"' is not assignable to parameter of type FailureReason
export const requestReasonAsRefusal = ApiError.refused('unknown-lab');

// --- Strings and registries ---------------------------------------------------

// The scenarios dictionary with one scenario's name deleted.
type ScenarioStringsWithoutLogout = Omit<(typeof dictionaries)['scenarios']['en'], 'scenario_logout'>;
// keys.ts builds `scenario_${id}` for every ScenarioId and returns it as a key, no cast:
export const scenarioNameKey = (id: ScenarioId): keyof ScenarioStringsWithoutLogout =>
  // @ts-expect-error Type '"scenario_logout"' is not assignable: a scenario without its name
  `scenario_${id}`;

// The lab dictionary with one strategy's description deleted.
type LabStringsWithoutSession = Omit<(typeof dictionaries)['lab']['en'], 'strategy_session'>;
export const strategyDescriptionKey = (id: StrategyId): keyof LabStringsWithoutSession =>
  // @ts-expect-error Type '"strategy_session"' is not assignable: a strategy without its description
  `strategy_${id}`;

// A strategy added to the ids (say `brand-new`) before its strings: the same check fails.
export const newStrategyKey = (id: StrategyId | 'brand-new'): Key<'lab'> =>
  // @ts-expect-error Type '"strategy_brand-new"' is not assignable: a new strategy without its strings
  `strategy_${id}`;

// The Japanese table must carry exactly the English keys.
// @ts-expect-error Property 'question' is missing in the Japanese table
export const japaneseMissingAKey = defineNamespace({ name: 'Name', question: 'Question?' }, { name: '名前' });

// A registry missing a strategy (or naming one the ids do not have).
// @ts-expect-error Type is missing the properties 'jwt-denylist', 'jwt-version', … of Record<StrategyId, Strategy>
export const registryMissingStrategies = { jwt: jwtStrategy, session: sessionStrategy } satisfies Record<StrategyId, Strategy>;

// A strategy whose own id is not a registered one.
// @ts-expect-error Type '"jwt-typo"' is not assignable to type StrategyId
export const strategyWithUnknownId: Strategy = { ...jwtStrategy, id: 'jwt-typo' };

void _droppedEn;
