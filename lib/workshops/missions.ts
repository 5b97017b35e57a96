import * as checks from './checks';
import type { MissionCheck } from './checks';

/**
 * The workshop's path: the same for everyone, in this order, walking the lab
 * page's seven scenarios and ending with the strategy hunt. Strings (goal,
 * hints, question, options) live in lib/i18n/dictionaries/missions.ts, keyed
 * by these ids.
 */
export type Mission = {
  missionId: string;
  order: number;
  /** The scenario of the lab page this mission walks. */
  scenario: string;
  hintCount: number;
  /** The prediction's fixed answers (option ids). */
  options: readonly string[];
  check: MissionCheck;
};

const WORKS_OR_BLOCKED = ['works', 'blocked'] as const;

export const MISSIONS: readonly Mission[] = [
  { missionId: 'stolen-jwt-survives-logout', scenario: 'logout', hintCount: 3, options: WORKS_OR_BLOCKED, check: checks.stolenJwtSurvivesLogout },
  { missionId: 'sign-out-everywhere', scenario: 'stolen-token', hintCount: 3, options: WORKS_OR_BLOCKED, check: checks.signOutEverywhere },
  { missionId: 'demote-admin', scenario: 'role-change', hintCount: 3, options: WORKS_OR_BLOCKED, check: checks.demoteAdmin },
  { missionId: 'password-change', scenario: 'password-change', hintCount: 3, options: WORKS_OR_BLOCKED, check: checks.passwordChange },
  { missionId: 'ban', scenario: 'ban', hintCount: 3, options: WORKS_OR_BLOCKED, check: checks.ban },
  {
    missionId: 'key-rotation',
    scenario: 'key-rotation',
    hintCount: 3,
    options: ['only-attacker', 'attacker-and-others', 'nobody'],
    check: checks.keyRotation,
  },
  { missionId: 'expiry', scenario: 'expiry', hintCount: 3, options: ['until-expiry', 'forever', 'blocked-at-once'], check: checks.expiry },
  { missionId: 'find-the-strategy', scenario: 'stolen-token', hintCount: 3, options: checks.JWT_VARIANTS, check: checks.findTheStrategy },
].map((m, i) => ({ ...m, order: i + 1 }));

export const MISSION_IDS = MISSIONS.map((m) => m.missionId);

export function findMission(missionId: string): Mission | undefined {
  return MISSIONS.find((m) => m.missionId === missionId);
}
