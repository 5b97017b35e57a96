import type { ScenarioId, StrategyId } from './ids';

/**
 * The requirements a revocation result bears on: number, the standard's
 * version, its level where it has one, and a link. The paraphrases are ours
 * (the `req_*` keys of the `explain` dictionary), not the standards' text.
 *
 * Where each number was checked (against the standard's own text, 2026-12-02):
 * - ASVS 5.0 V7: OWASP/ASVS 5.0/en/0x16-V7-Session-Management.md (commit 09f4556):
 *   7.3.1 inactivity timeout (L2), 7.3.2 absolute lifetime (L2), 7.4.1 logout and
 *   expiration terminate the session (L1), 7.4.2 disabled/deleted account ends all
 *   sessions (L1), 7.4.3 terminate other sessions after an authentication-factor
 *   change (L2), 7.4.5 administrators terminate a user's or all sessions (L2),
 *   7.5.2 users view and terminate sessions (L2).
 * - ASVS 5.0 V8: 5.0/en/0x17-V8-Authorization.md (commit 1c4fca4): 8.3.2 changes to
 *   authorization values applied immediately (L3).
 * - ASVS 5.0 V10: 5.0/en/0x19-V10-OAuth-and-OIDC.md (commit 104040a): 10.4.5 refresh
 *   token replay mitigated; rotation invalidates used tokens and revokes the family on reuse (L1).
 * - WSTG: OWASP/wstg document/4-Web_Application_Security_Testing/06-Session_Management_Testing/
 *   06-Testing_for_Logout_Functionality.md (WSTG-SESS-06), 07-Testing_Session_Timeout.md (WSTG-SESS-07).
 * - RFC 9700 §4.14.2 (refresh token protection, recommendations: sender-constraining or
 *   rotation with replay detection): the RFC's own text was not in the search corpora;
 *   the section number is the one RFC 9700 (January 2025) uses, cited as such by
 *   implementations (e.g. basecamp/fizzy's refresh replay test).
 * - CWE-613 Insufficient Session Expiration; RFC 8725 JWT Best Current Practices.
 */
export type RequirementId =
  | 'asvs-7.4.1'
  | 'asvs-7.4.2'
  | 'asvs-7.4.3'
  | 'asvs-7.4.5'
  | 'asvs-7.3.1'
  | 'asvs-7.3.2'
  | 'asvs-7.5.2'
  | 'asvs-8.3.2'
  | 'asvs-10.4.5'
  | 'wstg-sess-06'
  | 'wstg-sess-07'
  | 'cwe-613'
  | 'rfc9700-4.14.2'
  | 'rfc8725';

export type Requirement = {
  id: RequirementId;
  /** As the standard numbers it. */
  number: string;
  /** The standard and its version. */
  source: string;
  /** ASVS level (1 is the baseline every application should meet); null where the standard has none. */
  level: 1 | 2 | 3 | null;
  url: string;
};

const ASVS = 'OWASP ASVS 5.0.0';
const asvs = (file: string) => `https://github.com/OWASP/ASVS/blob/v5.0.0/5.0/en/${file}`;
const V7 = asvs('0x16-V7-Session-Management.md');
const WSTG = 'https://owasp.org/www-project-web-security-testing-guide/stable/4-Web_Application_Security_Testing/06-Session_Management_Testing/';

export const REQUIREMENTS: Record<RequirementId, Requirement> = {
  'asvs-7.4.1': { id: 'asvs-7.4.1', number: 'V7.4.1', source: ASVS, level: 1, url: V7 },
  'asvs-7.4.2': { id: 'asvs-7.4.2', number: 'V7.4.2', source: ASVS, level: 1, url: V7 },
  'asvs-7.4.3': { id: 'asvs-7.4.3', number: 'V7.4.3', source: ASVS, level: 2, url: V7 },
  'asvs-7.4.5': { id: 'asvs-7.4.5', number: 'V7.4.5', source: ASVS, level: 2, url: V7 },
  'asvs-7.3.1': { id: 'asvs-7.3.1', number: 'V7.3.1', source: ASVS, level: 2, url: V7 },
  'asvs-7.3.2': { id: 'asvs-7.3.2', number: 'V7.3.2', source: ASVS, level: 2, url: V7 },
  'asvs-7.5.2': { id: 'asvs-7.5.2', number: 'V7.5.2', source: ASVS, level: 2, url: V7 },
  'asvs-8.3.2': { id: 'asvs-8.3.2', number: 'V8.3.2', source: ASVS, level: 3, url: asvs('0x17-V8-Authorization.md') },
  'asvs-10.4.5': { id: 'asvs-10.4.5', number: 'V10.4.5', source: ASVS, level: 1, url: asvs('0x19-V10-OAuth-and-OIDC.md') },
  'wstg-sess-06': { id: 'wstg-sess-06', number: 'WSTG-SESS-06', source: 'OWASP WSTG (stable)', level: null, url: `${WSTG}06-Testing_for_Logout_Functionality` },
  'wstg-sess-07': { id: 'wstg-sess-07', number: 'WSTG-SESS-07', source: 'OWASP WSTG (stable)', level: null, url: `${WSTG}07-Testing_Session_Timeout` },
  'cwe-613': { id: 'cwe-613', number: 'CWE-613', source: 'MITRE CWE', level: null, url: 'https://cwe.mitre.org/data/definitions/613.html' },
  'rfc9700-4.14.2': { id: 'rfc9700-4.14.2', number: 'RFC 9700 §4.14.2', source: 'IETF RFC 9700 (2025)', level: null, url: 'https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2' },
  rfc8725: { id: 'rfc8725', number: 'RFC 8725', source: 'IETF RFC 8725 (2020)', level: null, url: 'https://www.rfc-editor.org/rfc/rfc8725' },
};

/** What each scenario's revocation is required by. */
const BY_SCENARIO: Record<ScenarioId, RequirementId[]> = {
  logout: ['asvs-7.4.1', 'wstg-sess-06', 'cwe-613'],
  'stolen-token': ['asvs-7.5.2', 'asvs-7.4.1', 'cwe-613'],
  'password-change': ['asvs-7.4.3', 'cwe-613'],
  'role-change': ['asvs-8.3.2', 'asvs-7.4.5'],
  ban: ['asvs-7.4.2', 'asvs-7.4.5', 'cwe-613'],
  'key-rotation': ['asvs-7.4.5', 'rfc8725'],
  expiry: ['asvs-7.3.1', 'asvs-7.3.2', 'wstg-sess-07', 'cwe-613'],
};

/** What a strategy's own design answers to, whatever the scenario. */
const BY_STRATEGY: Record<StrategyId, RequirementId[]> = {
  jwt: ['rfc8725'],
  session: [],
  'jwt-denylist': ['rfc8725'],
  'jwt-version': ['rfc8725'],
  'jwt-refresh': ['asvs-10.4.5', 'rfc9700-4.14.2', 'rfc8725'],
  'iron-stateless': [],
  'session-cached': [],
};

/** What a scenario's revocation is required by, whatever the strategy (a preset with explanations of its own). */
export function requirementsForScenario(scenario: ScenarioId): Requirement[] {
  return BY_SCENARIO[scenario].map((id) => REQUIREMENTS[id]);
}

export function requirementsFor(scenario: ScenarioId, strategy: StrategyId): Requirement[] {
  const ids = [...BY_SCENARIO[scenario], ...BY_STRATEGY[strategy]];
  return [...new Set(ids)].map((id) => REQUIREMENTS[id]);
}
