import type { CopyFact, LabFacts, ReplayFact, RevocationFact } from './lab-facts';

/**
 * The missions' checks: each reads only what the lab's journal proves
 * (lab-facts.ts), in order. A replay counts only when it came AFTER the
 * revoking action it answers to, that action was acknowledged (2xx) and
 * concerned that copy (its credential, its user, its strategy), and the
 * replay itself reached the lab (a refused /replay has no effect entry).
 */

export type MissionStatus = 'solved' | 'attempted' | 'not-started';

export type CheckResult = {
  status: MissionStatus;
  /** Real time (ms) of the first entry that made it attempted (for "stuck"), or null. */
  attemptedAt: number | null;
  /** What this lab measured, as one of the mission's prediction options, or null when it has not measured it yet. */
  measured: string | null;
};

export type MissionCheck = (facts: LabFacts) => CheckResult;

/** The attacker got what the request asks for: /me accepted, /admin opened. */
const survived = (r: ReplayFact) => r.status === 200;
/** Refused: not accepted at all (401), or accepted without the admin role (403 on /admin). */
const blocked = (r: ReplayFact) => r.status === 401 || (r.endpoint === 'admin' && r.status === 403);

type Applies = (rev: RevocationFact, copy: CopyFact) => boolean;

/** Pairs each revoking action with the replays of copies it concerns that came after it (copies stolen before it). */
function replaysAfter(facts: LabFacts, applies: Applies, endpoint: 'me' | 'admin' = 'me') {
  const pairs: { rev: RevocationFact; replay: ReplayFact }[] = [];
  const actions: RevocationFact[] = [];
  for (const rev of facts.revocations) {
    if (!facts.copies.some((c) => c.seq < rev.seq && applies(rev, c))) continue;
    actions.push(rev);
    for (const replay of facts.replays) {
      if (replay.seq > rev.seq && replay.copy.seq < rev.seq && replay.endpoint === endpoint && applies(rev, replay.copy)) pairs.push({ rev, replay });
    }
  }
  return { actions, pairs };
}

function result(solved: boolean, attemptedAt: number | null, measured: string | null): CheckResult {
  return { status: solved ? 'solved' : attemptedAt !== null ? 'attempted' : 'not-started', attemptedAt, measured };
}

/** The first JWT copy's answer after the action, as 'works' | 'blocked'. */
function measuredFor(pairs: { replay: ReplayFact }[], strategy = 'jwt'): string | null {
  const first = pairs.find((p) => p.replay.copy.strategy === strategy && (survived(p.replay) || blocked(p.replay)));
  return first ? (survived(first.replay) ? 'works' : 'blocked') : null;
}

const sameStrategy = (rev: RevocationFact, copy: CopyFact) => rev.strategy === copy.strategy;
const sameUser = (rev: RevocationFact, copy: CopyFact) => rev.username !== null && rev.username === copy.username;

/** A device's own logout: the logout presented the very credential that was copied. */
const ownLogout: Applies = (rev, copy) => rev.kind === 'logout' && sameStrategy(rev, copy) && copy.credential !== null && rev.credential === copy.credential;
/** Sign-out-everywhere from ANOTHER device of the same user (not the copied one). */
const logoutAllElsewhere: Applies = (rev, copy) =>
  rev.kind === 'logout-all' && sameStrategy(rev, copy) && sameUser(rev, copy) && rev.credential !== copy.credential;

/**
 * Whether a refusal after a sign-out-everywhere was that action's doing. In
 * one browser the "phone" is a second login of the same strategy, and a login
 * itself ends the credential the browser presented for some strategies
 * (session, jwt-denylist): the copy may be dead before the sign-out. So a
 * refusal counts only when the copy was seen working after the last login and
 * before the sign-out.
 */
function aliveJustBefore(facts: LabFacts, rev: RevocationFact, copy: CopyFact): boolean {
  const lastLogin = Math.max(0, ...facts.logins.filter((l) => l.seq < rev.seq && l.strategy === copy.strategy).map((l) => l.seq));
  return facts.replays.some((r) => r.copy === copy && r.seq > lastLogin && r.seq < rev.seq && r.endpoint === 'me' && survived(r));
}

/** "Show that a stolen JWT survives logout and a stolen session does not." */
export const stolenJwtSurvivesLogout: MissionCheck = (facts) => {
  const { actions, pairs } = replaysAfter(facts, ownLogout);
  const jwtSurvived = pairs.some((p) => p.replay.copy.strategy === 'jwt' && survived(p.replay));
  const sessionBlocked = pairs.some((p) => p.replay.copy.strategy === 'session' && p.replay.status === 401);
  return result(jwtSurvived && sessionBlocked, actions[0]?.at ?? null, measuredFor(pairs));
};

/** A contrast: after the same kind of action, one strategy's copy still worked and another's was refused. */
function contrast(applies: Applies, endpoint: 'me' | 'admin' = 'me', blockedBy: (f: LabFacts, rev: RevocationFact, copy: CopyFact) => boolean = () => true): MissionCheck {
  return (facts) => {
    const { actions, pairs } = replaysAfter(facts, applies, endpoint);
    const solved = pairs.some((p) => survived(p.replay)) && pairs.some((p) => blocked(p.replay) && blockedBy(facts, p.rev, p.replay.copy));
    return result(solved, actions[0]?.at ?? null, measuredFor(pairs));
  };
}

/** "Sign out everywhere from the phone: whose copy dies?" */
export const signOutEverywhere = contrast(logoutAllElsewhere, 'me', aliveJustBefore);
/** "Demote the admin: who still opens /admin?" */
export const demoteAdmin = contrast((rev, copy) => rev.kind === 'role' && rev.role === 'user' && sameUser(rev, copy), 'admin');
/** "Change the password: does the copy still work?" */
export const passwordChange = contrast((rev, copy) => rev.kind === 'password-change' && sameUser(rev, copy));
/** "Ban the user: does the copy still work?" */
export const ban = contrast((rev, copy) => rev.kind === 'ban' && sameUser(rev, copy));

/**
 * "Rotate the signing key: is the attacker cut off, and who else?" Solved
 * when a copy is refused after the rotation AND a credential the attacker
 * does not hold, accepted before the rotation, is refused after it (the
 * collateral). Measured: who was cut off.
 */
export const keyRotation: MissionCheck = (facts) => {
  const { actions, pairs } = replaysAfter(facts, (rev) => rev.kind === 'key-rotation');
  const copied = new Set(facts.copies.map((c) => c.credential));
  let collateral = false;
  let innocentKept = false;
  for (const rev of actions) {
    for (const own of facts.ownRequests) {
      if (own.seq < rev.seq || copied.has(own.credential)) continue;
      const before = facts.ownRequests.some((o) => o.seq < rev.seq && o.credential === own.credential && o.status === 200);
      if (!before) continue;
      if (own.status === 401) collateral = true;
      if (own.status === 200) innocentKept = true;
    }
  }
  const attackerCut = pairs.some((p) => blocked(p.replay));
  const attackerIn = pairs.some((p) => survived(p.replay));
  const measured = attackerCut ? (collateral ? 'attacker-and-others' : innocentKept ? 'only-attacker' : null) : attackerIn ? 'nobody' : null;
  return result(attackerCut && collateral, actions[0]?.at ?? null, measured);
};

/**
 * "Nobody acts: how long does the copy keep working?" Solved when one copy
 * was accepted, the lab clock was moved forward, and the same copy was then
 * refused as expired.
 */
export const expiry: MissionCheck = (facts) => {
  const clocks = facts.revocations.filter((r) => r.kind === 'clock' && facts.copies.some((c) => c.seq < r.seq));
  let solved = false;
  for (const clock of clocks) {
    for (const later of facts.replays) {
      if (later.seq < clock.seq || later.copy.seq > clock.seq) continue;
      const acceptedBefore = facts.replays.some((r) => r.copy === later.copy && r.seq < clock.seq && survived(r));
      if (!acceptedBefore) continue;
      if (later.status === 401 && later.reason === 'expired') solved = true;
    }
  }
  return result(solved, clocks[0]?.at ?? null, solved ? 'until-expiry' : null);
};

/** The JWT variants the last mission asks to choose between. */
export const JWT_VARIANTS = ['jwt-denylist', 'jwt-version', 'jwt-refresh'] as const;

/**
 * "Find the JWT variant that blocks a stolen copy after sign-out-everywhere,
 * and what it costs." Solved when a copy of a JWT strategy was refused after
 * another device's sign-out-everywhere AND the victim's own request on that
 * strategy was seen to cost a store lookup (the price: a session store again).
 * Measured: the strategy that blocked.
 */
export const findTheStrategy: MissionCheck = (facts) => {
  const { actions, pairs } = replaysAfter(facts, logoutAllElsewhere);
  const jwtActions = actions.filter((a) => a.strategy?.startsWith('jwt'));
  const blockedBy = pairs
    .filter((p) => p.replay.copy.strategy.startsWith('jwt') && blocked(p.replay) && aliveJustBefore(facts, p.rev, p.replay.copy))
    .map((p) => p.replay.copy.strategy);
  const costSeen = blockedBy.some((s) => facts.ownRequests.some((o) => o.strategy === s && o.status === 200 && (o.lookups ?? 0) >= 1));
  const measured = blockedBy.find((s) => (JWT_VARIANTS as readonly string[]).includes(s)) ?? null;
  return result(costSeen, jwtActions[0]?.at ?? null, measured);
};
