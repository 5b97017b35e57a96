/** Shapes the lab page works with (mirrors of the API's JSON answers). */

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
  /** Strategies that have a refresh endpoint (optional: an older server does not send it, and then none is). */
  refreshableStrategies?: string[];
  scenarios: string[];
  /** Library presets, addressed like strategies (optional: an older server does not send them). */
  presets?: PresetChoice[];
  /** When the lab's last matrix run finished (ms), null when it never ran (optional: an older server does not send it). */
  lastMatrixRunAt?: number | null;
};

/** What the lab page needs of a preset (GET /api/labs/{labId} `presets`). */
export type PresetChoice = {
  id: string;
  strategy: string;
  settings: Record<string, unknown>;
  source: { library: string; version: string; docsUrl: string; issueUrl: string };
};

export type ApiResult = { status: number; body: Record<string, unknown> };

/** The lab journal's entries and the attacker store's copies: the server's own types (type-only, erased from the bundle). */
export type { JournalEntry } from '@/lib/labs/journal';
export type { CopyView, CopyLast } from '@/lib/labs/copies';

/**
 * What GET …/{strategy}/credential answers: the server's own type. Type-only imports are erased
 * at compile time, so the server-only module never enters the client bundle.
 */
export type { CredentialView } from '@/lib/labs/credential-view';
export type { JwtDisplay } from '@/lib/jwt-display';

export type PanelIdentity = { username: string; role: Role } | null;
