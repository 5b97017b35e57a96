import 'server-only';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Store } from '../db/store';
import type { Lab } from '../labs/lab';
import type { LabSettings } from '../labs/settings';
import type { Strategy } from '../auth/types';
import { HttpAgent, nodeHttpTransport, type AgentResponse } from '../http-agent';
import { Actor, Recorder, ScenarioStepError, storeStatementsOf } from './actors';
import { createScenarioLab } from './child-lab';
import type { Scenario, ScenarioRun } from './scenario';
import type { ActorRole, ScenarioResult, StoreStatements } from './types';
import { measureWindow } from './window';
import { classifyCopyAnswer } from './probe';
import { isRefreshable } from '../auth/registry';
import { findPreset } from '../presets/registry';

/**
 * Runs one scenario against one strategy, through the real HTTP API, in a
 * throwaway lab of its own (deleted afterwards), and reports what it observed:
 *
 *   setup    the lab's other users log in (bystanders), the victim logs in
 *   steal    the attacker's jar becomes a copy of the victim device's jar
 *   check    the copy works before anything happens (else the run is an error)
 *   revoke   the scenario's revoking action
 *   replay   the attacker replays the copy: refused → `blocked`
 *   collateral  each bystander replays their own cookie: refused → logged out
 *   time-travel  if the copy still works: the lab clock moves forward until it stops
 *
 * "The copy works" means the attacker gets a 200 from the probe page using
 * anything in the stolen jar: where the strategy has a refresh endpoint and the
 * access token is refused, the attacker tries the stolen refresh cookie, as a
 * real attacker would. So for jwt-refresh the window ends when the access token
 * expires and the refresh is refused (revoked) — or later, if it is not.
 */

export type RunnerOptions = {
  baseUrl: string;
  /**
   * Settings of the throwaway lab, when not the parent's: a preset's own
   * (lib/presets), so its key is made in the preset's algorithm and the clock
   * horizon follows the preset's lifetimes.
   */
  settingsFor?: (strategy: Strategy) => LabSettings | undefined;
};

/** What one replay of a stolen jar against the probe page showed (the page's badge is lib/ui/replay-outcome.ts's ReplayOutcome). */
type ProbeResult = {
  works: boolean;
  expiresAt: number | null;
  refusedWith: ScenarioResult['refusedWith'];
  lookups: number | null;
  statements: StoreStatements | null;
};

/**
 * Loopback requests ask for no compression: `next start` would otherwise gzip
 * every answer (a streamed body has no length to compare with the threshold)
 * and the runner gunzip it again — a millisecond of CPU per request, on the
 * server's one thread, for bytes that never leave the machine.
 */
const LOOPBACK_HEADERS = { 'accept-encoding': 'identity' };


const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const maxOf = (...values: (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.max(m, v)), null);

/** How far the clock may be moved: twice the longest lifetime the settings allow (a day at least). */
export function horizonSecondsFor(settings: LabSettings): number {
  const lifetimes = [settings.jwtTtlSeconds, settings.accessTtlSeconds, settings.refreshTtlSeconds, settings.sessionIdleSeconds, settings.sessionAbsoluteSeconds, settings.sessionCacheSeconds];
  return Math.max(24 * 60 * 60, 2 * Math.max(...lifetimes));
}

function emptyResult(scenario: Scenario, strategy: Strategy): ScenarioResult {
  return {
    scenario: scenario.id,
    strategy: strategy.id,
    verdict: 'error',
    windowSeconds: null,
    window: null,
    refusedWith: null,
    collateral: { loggedOut: [], bystanders: [] },
    lookups: { perRequest: null, perRefresh: null },
    cookieBytes: null,
    note: null,
    noteCode: null,
    victim: null,
    startedAt: null,
    revokedAt: null,
    trace: [],
    durationMs: 0,
  };
}

/**
 * The copy a thief keeps using while the other copy (as stolen) is measured:
 * what its replays showed, so its own measurement can go on from there.
 */
class InUseCopy {
  working: boolean;
  claim: number | null;
  slides = 0;
  probes = 1;
  private lastWorkingAt: number;
  private refusedAt: number | null = null;
  private refusedWith: ScenarioResult['refusedWith'] = null;

  constructor(
    private readonly revokedAt: number,
    first: ProbeResult,
  ) {
    this.working = first.works;
    this.claim = first.expiresAt;
    this.lastWorkingAt = revokedAt;
    if (!first.works) this.refuse(revokedAt, first);
  }

  saw(at: number, outcome: ProbeResult): void {
    this.probes++;
    if (!outcome.works) return this.refuse(at, outcome);
    if (this.claim !== null && outcome.expiresAt !== null && outcome.expiresAt > this.claim) this.slides++;
    this.claim = outcome.expiresAt;
    this.lastWorkingAt = at;
  }

  private refuse(at: number, outcome: ProbeResult): void {
    this.working = false;
    this.refusedAt = at;
    this.refusedWith = outcome.refusedWith;
  }

  /** Its window, when it was refused while the other copy was still being measured. */
  ended(): NonNullable<ScenarioResult['withUse']> {
    const refused = this.refusedAt! - this.revokedAt;
    return {
      windowSeconds: refused,
      refusedWith: this.refusedWith,
      window: {
        windowSeconds: refused,
        exact: this.refusedAt === this.lastWorkingAt + 1,
        lastWorkingSeconds: this.lastWorkingAt - this.revokedAt,
        firstRefusedSeconds: refused,
        probes: this.probes,
        slides: this.slides,
        stoppedBy: 'refused',
      },
    };
  }
}

export async function runScenario(store: Store, parent: Lab, scenario: Scenario, strategy: Strategy, options: RunnerOptions): Promise<ScenarioResult> {
  const started = performance.now();
  const result = emptyResult(scenario, strategy);
  const finish = (): ScenarioResult => ({ ...result, durationMs: Math.round(performance.now() - started) });

  const applicability = scenario.appliesTo(strategy);
  if (!applicability.applies) {
    result.verdict = 'not-applicable';
    result.note = applicability.why;
    result.noteCode = applicability.code;
    return finish();
  }

  let created: Awaited<ReturnType<typeof createScenarioLab>>;
  try {
    created = await createScenarioLab(store, parent, scenario.victimRole, options.settingsFor?.(strategy) ?? findPreset(strategy.id)?.settings ?? parent.settings);
  } catch (err) {
    // A cell that cannot run says so; the other cells and the answer go on (never a 500 for one cell).
    console.error('could not create a throwaway lab', scenario.id, strategy.id, err);
    result.note = 'could not create the throwaway lab for this run (see the server log)';
    return finish();
  }
  const { lab, cast } = created;
  const recorder = new Recorder(lab.now());
  result.trace = recorder.trace;
  result.startedAt = recorder.now;
  result.victim = { username: cast.victim.username, role: cast.victim.role };
  const labPath = (rest: string) => `/api/labs/${lab.id}${rest}`;
  const strategyPath = (rest: string) => labPath(`/${strategy.id}${rest}`);
  const actor = (role: ActorRole, username: string | null) => new Actor(role, username, new HttpAgent(options.baseUrl, LOOPBACK_HEADERS, nodeHttpTransport), recorder);
  const logIn = async (a: Actor, password: string) => {
    await a.expect(200, 'POST', strategyPath('/login'), { username: a.username, password });
    return a;
  };

  const run: ScenarioRun = {
    strategy,
    victim: cast.victim,
    // Random like the cast's passwords (child-lab.ts): the server hashes a child lab's passwords
    // with the cheap parameters meant for random secrets (lib/auth/flows.ts changePassword).
    newPassword: randomBytes(16).toString('base64url'),
    labPath,
    strategyPath,
    loginVictim: (device) => logIn(actor(device, cast.victim.username), cast.victim.password),
    operator: actor('operator', null),
  };

  let refreshLookups: number | null = null;
  let refreshStatements: StoreStatements | null = null;
  const noteRefresh = (res: AgentResponse) => {
    refreshLookups = maxOf(refreshLookups, num(res.body.lookups));
    // The statements of the first successful refresh: the victim's own, before the theft.
    if (res.status === 200) refreshStatements ??= storeStatementsOf(res.body);
  };

  /** One replay of a jar against the probe page, using its refresh cookie if the access credential is refused. */
  const replay = async (who: Actor, probe: 'me' | 'admin'): Promise<ProbeResult> => {
    const path = strategyPath(probe === 'admin' ? '/admin' : '/me');
    let res = await who.get(path);
    let refreshClaim: number | null = null;
    let refreshReason: string | null | undefined;
    if (res.status === 401 && isRefreshable(strategy)) {
      const refreshed = await who.post(strategyPath('/refresh'));
      noteRefresh(refreshed);
      refreshReason = typeof refreshed.body.reason === 'string' ? refreshed.body.reason : null;
      // A 429 (too many refreshes) or a 5xx says nothing about the refresh token: never read it as "blocked".
      if (classifyCopyAnswer('refresh', refreshed.status, refreshed.body.reason) === 'unexpected') {
        throw new ScenarioStepError(`unexpected answer ${refreshed.status} ${refreshReason ?? ''} from ${refreshed.method} ${refreshed.path}`.trim());
      }
      if (refreshed.status === 200) {
        refreshClaim = num(refreshed.body.refreshExpiresAt);
        res = await who.get(path);
      }
    }
    // A 429, 503 or 500 says nothing about the credential: reporting it as
    // "blocked" would be a verdict the verifier never gave, so the run stops as an error.
    // A 403 not-admin on /admin is the copy refused admin rights: for the role-change question, a refusal.
    const answer = classifyCopyAnswer(probe, res.status, res.body.reason);
    const works = answer === 'works';
    if (answer === 'unexpected') {
      throw new ScenarioStepError(`unexpected answer ${res.status} ${String(res.body.reason ?? '')} from ${res.method} ${res.path}`.trim());
    }
    return {
      works,
      // The server's claim for everything the jar holds: the access credential's expiry, or the refresh token's if later.
      expiresAt: works ? maxOf(num(res.body.expiresAt), refreshClaim) : null,
      refusedWith: works
        ? null
        : {
            status: res.status,
            reason: typeof res.body.reason === 'string' ? res.body.reason : null,
            ...(refreshReason !== undefined ? { refreshReason } : {}),
          },
      lookups: works ? num(res.body.lookups) : null,
      statements: works ? storeStatementsOf(res.body) : null,
    };
  };

  try {
    recorder.phase = 'setup';
    const present = scenario.bystanders === 'all' ? cast.bystanders : cast.bystanders.slice(0, 1);
    const bystanders = await Promise.all(present.map((b) => logIn(actor('bystander', b.username), b.password)));
    const { stolen, devices } = await scenario.setUp(run);
    if (isRefreshable(strategy)) {
      // One refresh by the victim's own browser before the theft, so the cost of a refresh is measured too.
      noteRefresh(await stolen.expect(200, 'POST', strategyPath('/refresh')));
    }
    result.cookieBytes = stolen.cookieBytes(strategyPath(scenario.probe === 'admin' ? '/admin' : '/me'));

    recorder.phase = 'steal';
    // Where every read re-issues the credential, two copies are measured apart: the one
    // exactly as stolen (the verdict), and one the thief keeps using (`withUse`).
    const twoCopies = strategy.reissuesOnRead === true;
    const attacker = stolen.stealInto('attacker', twoCopies ? 'as-stolen' : undefined);
    const thief = twoCopies ? stolen.stealInto('attacker', 'in-use') : null;

    recorder.phase = 'check';
    const before = await replay(attacker, scenario.probe);
    if (!before.works) throw new ScenarioStepError('the copy did not work even before the revoking action');
    result.lookups.perRequest = before.lookups;
    result.lookups.statementsPerRequest = before.statements;

    recorder.phase = 'revoke';
    await scenario.revoke(run, devices);
    const revokedAt = recorder.now;
    result.revokedAt = revokedAt;

    recorder.phase = 'replay';
    const after = await replay(attacker, scenario.probe);
    const inUse = thief ? new InUseCopy(revokedAt, await replay(thief, scenario.probe)) : null;

    recorder.phase = 'collateral';
    const bystanderReplays = await Promise.all(bystanders.map((b) => replay(b, 'me')));
    result.collateral = {
      bystanders: bystanders.map((b) => b.username!),
      loggedOut: bystanders.filter((_, i) => !bystanderReplays[i]!.works).map((b) => b.username!),
    };

    if (!after.works) {
      result.verdict = 'blocked';
      result.refusedWith = after.refusedWith;
    } else {
      recorder.phase = 'time-travel';
      let lastRefusal: ProbeResult['refusedWith'] = null;
      // Both window searches move the lab clock the same way: to the probe's moment, as the operator.
      const moveClockTo = (at: number) => run.operator.expect(200, 'POST', labPath('/clock'), { advanceSeconds: at - recorder.now });
      const measure = await measureWindow({
        revokedAt,
        firstClaim: after.expiresAt,
        horizonSeconds: horizonSecondsFor(lab.settings),
        probeAt: async (at) => {
          await moveClockTo(at);
          const outcome = await replay(attacker, scenario.probe);
          lastRefusal = outcome.refusedWith;
          // The thief uses the other copy whenever time has passed, so it is alive when the first one dies.
          if (thief && inUse!.working) inUse!.saw(at, await replay(thief, scenario.probe));
          return outcome;
        },
      });
      result.verdict = 'works-until-expiry';
      result.window = measure;
      result.windowSeconds = measure.windowSeconds;
      result.refusedWith = lastRefusal;
      if (thief && inUse) {
        if (inUse.working) {
          // Then on its own, from where the clock stands, up to the same horizon.
          let thiefRefusal: ProbeResult['refusedWith'] = null;
          const kept = await measureWindow({
            revokedAt,
            startAt: recorder.now,
            firstClaim: inUse.claim,
            slidesSoFar: inUse.slides,
            horizonSeconds: horizonSecondsFor(lab.settings),
            probeAt: async (at) => {
              await moveClockTo(at);
              const outcome = await replay(thief, scenario.probe);
              thiefRefusal = outcome.refusedWith;
              return outcome;
            },
          });
          result.withUse = { windowSeconds: kept.windowSeconds, window: { ...kept, probes: kept.probes + inUse.probes }, refusedWith: thiefRefusal };
        } else {
          result.withUse = inUse.ended();
        }
      }
    }
    result.lookups.perRefresh = refreshLookups;
    result.lookups.statementsPerRefresh = refreshStatements;
  } catch (err) {
    result.verdict = 'error';
    result.note = err instanceof ScenarioStepError ? err.message : 'the run failed unexpectedly (see the server log)';
    if (!(err instanceof ScenarioStepError)) console.error('scenario run failed', scenario.id, strategy.id, err);
  } finally {
    store.labs.deleteById(lab.id);
  }
  return finish();
}
