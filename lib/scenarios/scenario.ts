import type { ScenarioId } from '../ids';
import type { Role } from '../db/users';
import type { Strategy } from '../auth/types';
import type { Actor } from './actors';

/**
 * What one scenario module declares. The runner does everything the scenarios
 * share (a throwaway lab, bystanders logged in, the theft, the replays, the
 * time travel); a module says only who the victim is, what the attacker's
 * copy is tested against, and the revoking action itself.
 */
export type ScenarioRun = {
  strategy: Strategy;
  victim: { username: string; password: string; role: Role };
  /** A password the victim may change to (long enough for the policy). */
  newPassword: string;
  /** `/api/labs/{throwawayLabId}` + rest. */
  labPath(rest: string): string;
  /** `/api/labs/{throwawayLabId}/{strategy}` + rest. */
  strategyPath(rest: string): string;
  /** Logs the victim in on a new device through POST …/login. */
  loginVictim(device: 'victim-laptop' | 'victim-phone'): Promise<Actor>;
  /** The lab's admin console (no cookies: the lab id is the capability). */
  operator: Actor;
};

/** Why a scenario may not apply to a strategy: each code has its words in the scenarios dictionary (`na_<code>`, checked by lib/i18n/keys.ts). */
export const notApplicableCodes = ['no-lab-jwt-key'] as const;
export type NotApplicableCode = (typeof notApplicableCodes)[number];
export const isNotApplicableCode = (code: string): code is NotApplicableCode => (notApplicableCodes as readonly string[]).includes(code);

/** `code` names the reason for the pages' dictionaries; `why` says it in English for the API and the report. */
export type Applicability = { applies: true } | { applies: false; code: NotApplicableCode; why: string };

export interface Scenario {
  readonly id: ScenarioId;
  /** The victim's role in the throwaway lab before the run. */
  readonly victimRole: Role;
  /**
   * Other users logged in as bystanders, to count collateral: all of them where
   * the action can reach past the victim by design (key rotation), one otherwise
   * (enough to catch an action that logs out more than it should).
   */
  readonly bystanders: 'all' | 'one';
  /** What the attacker's copy is replayed against: any authenticated page, or an admin-only one. */
  readonly probe: 'me' | 'admin';
  /** Decided from what the strategy declares about itself, never from an expected outcome. */
  appliesTo(strategy: Strategy): Applicability;
  /** Everything before the theft; returns the device whose cookies the attacker copies. */
  setUp(run: ScenarioRun): Promise<{ stolen: Actor; devices: Actor[] }>;
  /** The revoking action (nothing, for expiry). */
  revoke(run: ScenarioRun, devices: Actor[]): Promise<void>;
}

export const always = (): Applicability => ({ applies: true });

/** The usual set-up: the victim logs in on one device (the laptop), whose cookies the attacker copies. */
export async function victimOnLaptop(run: ScenarioRun): Promise<{ stolen: Actor; devices: Actor[] }> {
  const laptop = await run.loginVictim('victim-laptop');
  return { stolen: laptop, devices: [laptop] };
}
