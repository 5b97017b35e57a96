/** Shapes the lab page works with (mirrors of the API's JSON answers). */
import type { ReplayOutcome } from '@/lib/ui/replay-outcome';

export type Role = 'admin' | 'user';
export type LabUser = { username: string; role: Role; banned: boolean; password: string | null };

export type LabState = {
  labId: string;
  now: number;
  clockOffsetSeconds: number;
  settings: Record<string, unknown>;
  jwt: { alg: string; kid: string; keyGeneration: number };
  users: LabUser[];
  strategies: string[];
  /** Strategies that declare `refreshable` (optional: an older server does not send it, and then none is). */
  refreshableStrategies?: string[];
  scenarios: string[];
  /** When the lab's last matrix run finished (ms), null when it never ran (optional: an older server does not send it). */
  lastMatrixRunAt?: number | null;
};

export type Actor = 'victim' | 'attacker' | 'operator';

export type ApiResult = { status: number; body: Record<string, unknown> };

export type TimelineEntry = {
  id: number;
  at: number;
  actor: Actor;
  strategy: string | null;
  method: string;
  path: string;
  status: number;
  reason: string | null;
  lookups: number | null;
  curl: string;
};

export type CookieCopy = { name: string; value: string };

/**
 * What GET …/{strategy}/credential answers: the server's own type. Type-only imports are erased
 * at compile time, so the server-only module never enters the client bundle.
 */
export type { CredentialView } from '@/lib/labs/credential-view';
export type { JwtDisplay } from '@/lib/jwt-display';

export type StolenCopy = {
  id: number;
  strategy: string;
  cookies: CookieCopy[];
  username: string | null;
  stolenAt: number;
  /**
   * `seq`: the number of the timeline entry the answer came with, to tell a stale answer from a current one.
   * `outcome`: what the answer means for the copy (works / blocked / not-admin / error), see lib/ui/replay-outcome.
   */
  last: { endpoint: string; outcome: ReplayOutcome; expiresAt: number | null; seq: number } | null;
};

export type PanelIdentity = { username: string; role: Role } | null;
