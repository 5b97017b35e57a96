import { performance } from 'node:perf_hooks';
import { HttpAgent, pathMatches, type AgentResponse } from '../http-agent';
import type { ActorRole, CopyKind, Phase, StoreStatements, TraceEntry } from './types';

const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The `storeStatements` an answer reports, or null when it reports none (or something unexpected). */
export function storeStatementsOf(body: Record<string, unknown>): StoreStatements | null {
  const s = body.storeStatements;
  if (typeof s !== 'object' || s === null) return null;
  const { reads, writes } = s as Record<string, unknown>;
  return count(reads) && count(writes) ? { reads, writes } : null;
}

/**
 * The run's trace and its idea of the lab clock. The throwaway lab's clock is
 * frozen and moves only by the operator's POST /clock, whose answer carries
 * the new `now`; so the recorder knows the lab-clock second of every request
 * without asking.
 */
export class Recorder {
  readonly trace: TraceEntry[] = [];
  phase: Phase = 'setup';
  constructor(public now: number) {}

  nextSeq(): number {
    return this.trace.length + 1;
  }
}

/** A step that did not answer as the scenario requires: the run ends with verdict `error`, never a guess. */
export class ScenarioStepError extends Error {}

/** One actor: a cookie jar of its own, and every request it makes written to the trace. */
export class Actor {
  constructor(
    readonly role: ActorRole,
    readonly username: string | null,
    readonly agent: HttpAgent,
    private readonly recorder: Recorder,
    /** Which stolen copy this is, when the run keeps two apart (lib/scenarios/types.ts CopyKind). */
    readonly copy?: CopyKind,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<AgentResponse> {
    const at = this.recorder.now;
    const cookiesSent = this.agent
      .jar()
      .filter((c) => pathMatches(c.path, path.split('?')[0]!))
      .map((c) => c.name);
    const sent = performance.now();
    const res = await this.agent.request(method, path, body);
    const ms = Math.round((performance.now() - sent) * 10) / 10;
    const reason = res.status >= 400 && typeof res.body.reason === 'string' ? res.body.reason : null;
    const lookups = typeof res.body.lookups === 'number' ? res.body.lookups : null;
    if (typeof res.body.now === 'number' && path.endsWith('/clock')) this.recorder.now = res.body.now;
    this.recorder.trace.push({
      kind: 'request',
      seq: this.recorder.nextSeq(),
      phase: this.recorder.phase,
      actor: this.role,
      username: this.username,
      method,
      path,
      requestBody: body ?? null,
      cookiesSent,
      status: res.status,
      reason,
      lookups,
      storeStatements: storeStatementsOf(res.body),
      at,
      ms,
      ...(this.copy ? { copy: this.copy } : {}),
    });
    return res;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  /** Like post/get, but the scenario cannot go on unless the answer is `expected`. */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<AgentResponse> {
    const res = await this.request(method, path, body);
    if (res.status !== status) {
      throw new ScenarioStepError(`${method} ${path} answered ${res.status} ${String(res.body.reason ?? '')}, expected ${status}`);
    }
    return res;
  }

  /**
   * The theft: a new actor whose jar is a copy of this one's (every cookie, of
   * every path). An `as-stolen` copy replays those values for ever and never
   * takes a cookie the server sets; an `in-use` one (and the default) keeps
   * what the server hands it, as a browser would.
   */
  stealInto(role: 'attacker', kind?: CopyKind): Actor {
    const copy = new Actor(role, this.username, this.agent.clone({ acceptsNewCookies: kind !== 'as-stolen' }), this.recorder, kind);
    this.recorder.trace.push({
      kind: 'copy',
      seq: this.recorder.nextSeq(),
      phase: 'steal',
      from: this.role,
      to: role,
      username: this.username ?? '',
      cookieNames: this.agent.jar().map((c) => c.name),
      at: this.recorder.now,
      ...(kind ? { copy: kind } : {}),
    });
    return copy;
  }

  /** Bytes of the Cookie header this actor's browser would send to `path`. */
  cookieBytes(path: string): number {
    return Buffer.byteLength(this.agent.cookieHeaderFor(path));
  }
}
