import 'server-only';
import { hashSessionId } from '../auth/strategies/session';
import type { CookieJar, Strategy } from '../auth/types';
import type { Store } from '../db/store';
import { decodeJwtForDisplay, utf8Bytes, type JwtDisplay } from '../jwt-display';
import type { Lab } from './lab';

/**
 * What the browser presented for one strategy, laid open: the lab page's
 * token inspector and its "steal this cookie" button use it. The cookies are
 * HttpOnly, so page script cannot read them; this endpoint shows exactly what
 * malware on the machine (or a shared computer, or a proxy log) would see.
 *
 * Read-only on purpose: it never verifies or touches a session (no last-seen
 * update, no deletion), so inspecting does not change the experiment.
 */
export type CookieKind = 'jwt' | 'sealed' | 'opaque';

export type PresentedCookie = {
  name: string;
  value: string;
  /** `name=value` as it travels in the Cookie header, in bytes. */
  bytes: number;
  kind: CookieKind;
  jwt: JwtDisplay | null;
};

export type SessionRowView = {
  /** Only a prefix of the stored SHA-256: enough to show that the id itself is not stored. */
  idHashPrefix: string;
  username: string;
  role: string;
  banned: boolean;
  createdAt: number;
  lastSeenAt: number;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
};

export type CredentialView = {
  strategy: string;
  now: number;
  cookies: PresentedCookie[];
  totalBytes: number;
  /** For `session`: the row the id points at, or null when there is none (logged out, revoked). */
  sessionRow: SessionRowView | null;
  /**
   * Sub-paths where more of this strategy's cookies live (jwt-refresh keeps its
   * refresh cookie on …/refresh and its revoke cookie on …/logout, so the
   * browser does not send them here). Asking `{strategy}/refresh/credential`
   * shows the access and refresh cookies at once.
   */
  subPaths: string[];
};

// iron-webcrypto's seal format starts with its version marker.
const IRON_PREFIX = 'Fe26.2*';

function kindOf(value: string): { kind: CookieKind; jwt: JwtDisplay | null } {
  const jwt = decodeJwtForDisplay(value);
  if (jwt) return { kind: 'jwt', jwt };
  if (value.startsWith(IRON_PREFIX)) return { kind: 'sealed', jwt: null };
  return { kind: 'opaque', jwt: null };
}

export function credentialView(store: Store, lab: Lab, strategy: Strategy, jar: CookieJar): CredentialView {
  const cookies: PresentedCookie[] = [];
  for (const name of strategy.cookieNames) {
    const value = jar.get(name);
    if (value === undefined || value === '') continue;
    cookies.push({ name, value, bytes: utf8Bytes(`${name}=${value}`), ...kindOf(value) });
  }
  let sessionRow: SessionRowView | null = null;
  const sessionCookie = strategy.id === 'session' ? cookies[0] : undefined;
  if (sessionCookie && /^[A-Za-z0-9_-]{43}$/.test(sessionCookie.value)) {
    const idHash = hashSessionId(sessionCookie.value);
    const row = store.sessions.findWithUser(lab.id, idHash);
    if (row) {
      sessionRow = {
        idHashPrefix: `${idHash.slice(0, 16)}…`,
        username: row.username,
        role: row.role,
        banned: row.banned === 1,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        idleExpiresAt: row.last_seen_at + lab.settings.sessionIdleSeconds,
        absoluteExpiresAt: row.absolute_expires_at,
      };
    }
  }
  return {
    strategy: strategy.id,
    now: lab.now(),
    cookies,
    // Joined with "; " in the Cookie header.
    totalBytes: cookies.reduce((sum, c) => sum + c.bytes, 0) + Math.max(0, cookies.length - 1) * 2,
    sessionRow,
    subPaths: [...new Set(Object.values(strategy.cookieSubPaths ?? {}))],
  };
}
