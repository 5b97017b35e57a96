import type { LabSettings } from '../labs/settings';
import type { ScenarioId, StrategyId } from './ids';

/**
 * What each strategy declares about how it works — the mechanism, not an
 * outcome. The expected verdict of a (scenario, strategy) pair is computed
 * from it, and the explanation pages compare it with the *measured* verdict:
 * when they differ, they say so instead of showing the usual text.
 *
 * `reaches[action]`: does this action change something the strategy's
 * per-request check reads for the attacker's copy? (The MISSION's "per
 * strategy, what each action does".) `usesLabJwtKey` and `refreshable` (whether it has `refresh`) repeat
 * the strategy's own declarations (lib/auth/strategies/*; mechanism.test.ts
 * keeps them equal).
 */
export type RevokingAction = Exclude<ScenarioId, 'key-rotation' | 'expiry'>;

export type Mechanism = {
  reaches: Record<RevokingAction, boolean>;
  usesLabJwtKey: boolean;
  /** The attacker's copy includes a refresh credential that mints new access tokens. */
  refreshable: boolean;
  /** The setting that bounds a copy the revocation did not reach. */
  credentialLifetime: keyof LabSettings;
  /** The setting that bounds a copy nobody revokes (expiry), and the one each use slides, if any. */
  lifetimeWithoutRevocation: keyof LabSettings;
  slidingIdle?: keyof LabSettings;
};

const none: Record<RevokingAction, boolean> = { logout: false, 'stolen-token': false, 'password-change': false, 'role-change': false, ban: false };

export const MECHANISMS: Record<StrategyId, Mechanism> = {
  // Signature and exp only: nothing on the server to change.
  jwt: { reaches: none, usesLabJwtKey: true, refreshable: false, credentialLifetime: 'jwtTtlSeconds', lifetimeWithoutRevocation: 'jwtTtlSeconds' },
  // The row is read on every request; every action deletes rows or changes the user read with them.
  session: {
    reaches: { logout: true, 'stolen-token': true, 'password-change': true, 'role-change': true, ban: true },
    usesLabJwtKey: false,
    refreshable: false,
    credentialLifetime: 'sessionAbsoluteSeconds',
    lifetimeWithoutRevocation: 'sessionAbsoluteSeconds',
    slidingIdle: 'sessionIdleSeconds',
  },
  // Denylists the token presented: logout and a password change made from the stolen device.
  'jwt-denylist': {
    reaches: { ...none, logout: true, 'password-change': true },
    usesLabJwtKey: true,
    refreshable: false,
    credentialLifetime: 'jwtTtlSeconds',
    lifetimeWithoutRevocation: 'jwtTtlSeconds',
  },
  // A version bump on every user-level event; a plain logout only clears the cookie.
  'jwt-version': {
    reaches: { logout: false, 'stolen-token': true, 'password-change': true, 'role-change': true, ban: true },
    usesLabJwtKey: true,
    refreshable: false,
    credentialLifetime: 'jwtTtlSeconds',
    lifetimeWithoutRevocation: 'jwtTtlSeconds',
  },
  // Revocations reach the refresh table, never the access token the copy carries.
  'jwt-refresh': { reaches: none, usesLabJwtKey: true, refreshable: true, credentialLifetime: 'accessTtlSeconds', lifetimeWithoutRevocation: 'refreshTtlSeconds' },
  'iron-stateless': { reaches: none, usesLabJwtKey: false, refreshable: false, credentialLifetime: 'jwtTtlSeconds', lifetimeWithoutRevocation: 'jwtTtlSeconds' },
  // Every action deletes the rows, but a fresh cache cookie is believed without reading them: nothing reaches the copy until it expires.
  'session-cached': {
    reaches: none,
    usesLabJwtKey: false,
    refreshable: false,
    credentialLifetime: 'sessionCacheSeconds',
    lifetimeWithoutRevocation: 'sessionAbsoluteSeconds',
    slidingIdle: 'sessionIdleSeconds',
  },
};

export type PredictedVerdict = 'blocked' | 'works-until-expiry' | 'not-applicable';

/** The verdict the mechanism predicts for a pair (never read from a measured result). */
export function predictedVerdict(scenario: ScenarioId, strategy: StrategyId): PredictedVerdict {
  const m = MECHANISMS[strategy];
  if (scenario === 'expiry') return 'works-until-expiry';
  if (scenario === 'key-rotation') {
    if (!m.usesLabJwtKey) return 'not-applicable';
    // The new key refuses the copied access token, but a refresh credential that is not a JWT mints a new one.
    return m.refreshable ? 'works-until-expiry' : 'blocked';
  }
  return m.reaches[scenario] ? 'blocked' : 'works-until-expiry';
}

/** The setting that bounds a measured window for this pair, and the idle timeout it slides, if any. */
export function boundingSetting(scenario: ScenarioId, strategy: StrategyId): { setting: keyof LabSettings; slidingIdle: keyof LabSettings | null } {
  const m = MECHANISMS[strategy];
  if (scenario === 'expiry' || (scenario === 'key-rotation' && m.refreshable)) return { setting: m.lifetimeWithoutRevocation, slidingIdle: m.slidingIdle ?? null };
  return { setting: m.credentialLifetime, slidingIdle: null };
}
