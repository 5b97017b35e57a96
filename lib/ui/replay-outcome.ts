import { classifyCopyAnswer, type CopyEndpoint } from '@/lib/scenarios/probe';

/**
 * What one attacker replay means, from the two answers involved: the replay
 * endpoint's own (POST /api/labs/{labId}/replay) and, inside it, the answer
 * the stolen cookies got from the lab's endpoint.
 *
 * Only the inner answer says anything about the stolen copy, read by the same
 * rule as the scenario runner's (classifyCopyAnswer, lib/scenarios/probe.ts):
 * a 2xx lets the copy in; a 401 refuses it; a 403 `not-admin` from /admin
 * accepts the copy (the user is still signed in) but grants no admin rights.
 * Anything else — the replay endpoint failing (400, 404, 429, 503, a
 * network error as status 0) or an unexpected inner status — is an error of
 * the experiment, never a "blocked".
 *
 * Pure (no React, no DOM): the lab page and the unit tests share it.
 */
export type ReplayEndpoint = CopyEndpoint;

export type ReplayOutcome =
  | { kind: 'works'; status: number; reason: null }
  | { kind: 'blocked'; status: 401; reason: string | null }
  | { kind: 'not-admin'; status: 403; reason: 'not-admin' }
  /** `source`: which answer failed — the replay endpoint itself, or the inner request. */
  | { kind: 'error'; source: 'endpoint' | 'inner'; status: number; reason: string };

export type ReplayInner = { status: number; body: Record<string, unknown>; request: { method: string; path: string } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The inner answer inside a 200 from the replay endpoint, or null when the shape is not what the endpoint promises. */
export function innerAnswer(outerStatus: number, outerBody: Record<string, unknown>): ReplayInner | null {
  if (outerStatus !== 200) return null;
  const { status, body, request } = outerBody;
  if (typeof status !== 'number' || !Number.isInteger(status) || !isRecord(body) || !isRecord(request)) return null;
  if (typeof request.method !== 'string' || typeof request.path !== 'string') return null;
  return { status, body, request: { method: request.method, path: request.path } };
}

const reasonIn = (body: Record<string, unknown>): string | null => (typeof body.reason === 'string' && body.reason !== '' ? body.reason : null);

export function classifyReplay(endpoint: ReplayEndpoint, outer: { status: number; body: Record<string, unknown> }): ReplayOutcome {
  const inner = innerAnswer(outer.status, outer.body);
  if (!inner) {
    const reason = reasonIn(outer.body) ?? (outer.status === 0 ? 'network-error' : outer.status === 200 ? 'unexpected-answer' : `http-${outer.status}`);
    return { kind: 'error', source: 'endpoint', status: outer.status, reason };
  }
  const reason = reasonIn(inner.body);
  switch (classifyCopyAnswer(endpoint, inner.status, reason)) {
    case 'works':
      return { kind: 'works', status: inner.status, reason: null };
    case 'refused':
      return { kind: 'blocked', status: 401, reason };
    case 'not-admin':
      return { kind: 'not-admin', status: 403, reason: 'not-admin' };
    case 'unexpected':
      return { kind: 'error', source: 'inner', status: inner.status, reason: reason ?? `http-${inner.status}` };
  }
}

const COOKIE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{1,4096}$/;

/**
 * The copy as the attacker now holds it, from a replay answer's `cookies`
 * (the inner answer's Set-Cookie applied: a refresh rotates them), or null
 * when the answer has none or they are not well-formed — then the copy stays
 * as it was.
 */
export function cookiesAfterReplay(outerStatus: number, outerBody: Record<string, unknown>): { name: string; value: string }[] | null {
  if (outerStatus !== 200 || !Array.isArray(outerBody.cookies)) return null;
  const list = outerBody.cookies as unknown[];
  if (list.length === 0 || list.length > 4) return null;
  const out: { name: string; value: string }[] = [];
  for (const c of list) {
    if (!isRecord(c) || typeof c.name !== 'string' || typeof c.value !== 'string') return null;
    if (!COOKIE_NAME.test(c.name) || !COOKIE_VALUE.test(c.value)) return null;
    out.push({ name: c.name, value: c.value });
  }
  return out;
}
