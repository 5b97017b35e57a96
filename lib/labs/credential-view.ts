import 'server-only';
import type { CookieJar, ServerRecordView, Strategy } from '../auth/types';
import type { Store } from '../db/store';
import { decodeJwtForDisplay, utf8Bytes, type JwtDisplay } from '../jwt-display';
import type { Lab } from './lab';
import { credentialHash } from './journal';

/**
 * What the browser presented for one strategy, laid open for the lab page's
 * token inspector: decoded claims, sizes and hashes — never a value (see
 * PresentedCookie). Stealing a copy is the server's job (lib/labs/copies.ts):
 * the attacker's copy stays in the lab, not in page script.
 *
 * Read-only on purpose: it never verifies or touches a session (no last-seen
 * update, no deletion), so inspecting does not change the experiment.
 */
export type CookieKind = 'jwt' | 'sealed' | 'opaque';

/**
 * One cookie, laid open WITHOUT its value: the cookies are HttpOnly, and the
 * site's own lesson ("an HttpOnly cookie is out of reach of injected script")
 * must be true on the site. A JWT shows its decoded header and payload (anyone
 * holding the token can read them) with the signature abbreviated, so the
 * three parts cannot be put back together into the token; an opaque id or a
 * sealed blob shows its first characters and its length only.
 */
export type PresentedCookie = {
  name: string;
  /** The value's first characters and "…": enough to tell two values apart, never enough to use one. */
  preview: string;
  /** Characters in the value. */
  length: number;
  /** `name=value` as it travels in the Cookie header, in bytes. */
  bytes: number;
  /** SHA-256 prefix of the value, as the lab journal names the credential (for a session id: a prefix of the stored hash). */
  hash: string;
  kind: CookieKind;
  /** For a JWT: header and payload decoded, `raw.signature` abbreviated. */
  jwt: JwtDisplay | null;
};

/** The server's record of a session credential (Strategy.inspectServerRecord). */
export type SessionRowView = ServerRecordView;

export type CredentialView = {
  strategy: string;
  now: number;
  cookies: PresentedCookie[];
  totalBytes: number;
  /** For a strategy with a server record (`session`): the row the credential points at, or null when there is none (logged out, revoked). */
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

const PREVIEW_CHARS = 8;
const abbreviate = (text: string) => (text.length <= PREVIEW_CHARS ? text : `${text.slice(0, PREVIEW_CHARS)}…`);

function kindOf(value: string): { kind: CookieKind; jwt: JwtDisplay | null } {
  const jwt = decodeJwtForDisplay(value);
  if (jwt) return { kind: 'jwt', jwt: { ...jwt, raw: { ...jwt.raw, signature: abbreviate(jwt.raw.signature) } } };
  if (value.startsWith(IRON_PREFIX)) return { kind: 'sealed', jwt: null };
  return { kind: 'opaque', jwt: null };
}

export function credentialView(store: Store, lab: Lab, strategy: Strategy, jar: CookieJar): CredentialView {
  const cookies: PresentedCookie[] = [];
  for (const name of strategy.cookieNames) {
    const value = jar.get(name);
    if (value === undefined || value === '') continue;
    const { kind, jwt } = kindOf(value);
    cookies.push({
      name,
      // A JWT's parts are shown decoded below; its preview is the header's start, like any other value's.
      preview: abbreviate(value),
      length: value.length,
      bytes: utf8Bytes(`${name}=${value}`),
      hash: credentialHash(value),
      kind,
      jwt,
    });
  }
  const sessionRow = strategy.inspectServerRecord?.({ store, lab, now: lab.now() }, jar) ?? null;
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
