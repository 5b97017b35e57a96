import { expect, inject } from 'vitest';
import { readDatabaseFile } from '@/lib/db/testing';
import { createHmac, createPrivateKey, sign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { JWK, JWTPayload, JWTHeaderParameters } from 'jose';
import { agent, baseUrl, type TestLab } from './helpers';
import type { AgentResponse, StoredCookie } from '@/lib/http-agent';
import { failureReasons } from '@/lib/auth/reasons';

/**
 * Shared pieces of the hostile suites: the one assertion every refusal must
 * pass, the registry read at run time, and (read-only) access to the test
 * server's database so a test can forge a token that is signed with the real
 * lab key and wrong in exactly one respect.
 */

const STACK_LINE = /at .*\(/;
const FILE_PATH = /(\/work\/|\/home\/|\/tmp\/|node_modules|\.next|\.tsx?:\d|\.m?js:\d|webpack|turbopack)/i;

/** Exact status, the `{ error, reason }` envelope, nothing from the inside leaking. */
export function expectRefusal(res: AgentResponse, status: number, reason?: string | RegExp | readonly string[]): void {
  const context = `${res.method} ${res.path} → ${res.status} ${JSON.stringify(res.body)}`;
  expect(res.status, context).toBe(status);
  expect(typeof res.body.error, context).toBe('string');
  expect(typeof res.body.reason, context).toBe('string');
  if (typeof reason === 'string') expect(res.body.reason, context).toBe(reason);
  else if (reason instanceof RegExp) expect(res.body.reason as string, context).toMatch(reason);
  else if (reason) expect(reason, context).toContain(res.body.reason);
  const text = JSON.stringify(res.body);
  expect(text, context).not.toMatch(STACK_LINE);
  expect(text, context).not.toMatch(FILE_PATH);
  expect(res.headers.get('content-type') ?? '', context).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control'), context).toBe('no-store');
}

/** A 401 whose reason is one of the documented credential failures. */
export function expectCredentialRefused(res: AgentResponse, reason?: string | readonly string[]): void {
  expectRefusal(res, 401, reason ?? failureReasons);
}

/** The strategies the brief names: a loop over the registry must at least cover these (a rename or an empty list fails). */
export const BRIEF_STRATEGIES = ['jwt', 'session', 'jwt-denylist', 'jwt-version', 'jwt-refresh', 'iron-stateless'] as const;

/** The strategies this server runs, as GET /api/labs/{id} lists them: new strategies are covered as they land. */
export async function strategiesOf(lab: TestLab): Promise<string[]> {
  const res = await agent().get(lab.api(''));
  expect(res.status).toBe(200);
  const strategies = res.body.strategies as string[];
  expect(strategies, 'the registry lists every strategy of the brief').toEqual(expect.arrayContaining([...BRIEF_STRATEGIES]));
  return strategies;
}

/** Logs in and returns the cookies the strategy set (empty list never: the login must succeed). */
export async function loginCookies(lab: TestLab, strategy: string, username = 'bob'): Promise<StoredCookie[]> {
  const a = agent();
  const res = await a.post(lab.api(`/${strategy}/login`), { username, password: lab.password(username) });
  expect(res.status, `${strategy} login: ${JSON.stringify(res.body)}`).toBe(200);
  expect(a.jar().length).toBeGreaterThan(0);
  return a.jar().map((c) => ({ ...c }));
}

export const cookieHeader = (cookies: readonly { name: string; value: string }[]) =>
  cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** A request with exactly this Cookie header (no jar): what an attacker with a forged cookie sends. */
export function withCookie(method: string, path: string, cookie: string, body?: unknown, headers: Record<string, string> = {}) {
  return agent().request(method, path, body, cookie ? { cookie, ...headers } : headers);
}

// ---- JWT handling -------------------------------------------------------

export const isJwtShaped = (value: string) => {
  const parts = value.split('.');
  if (parts.length !== 3) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof header.alg === 'string';
  } catch {
    return false;
  }
};

export const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
export const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

export function splitJwt(token: string): { header: JWTHeaderParameters; payload: JWTPayload; signature: string; parts: string[] } {
  const parts = token.split('.');
  return { header: decodePart(parts[0]!), payload: decodePart(parts[1]!), signature: parts[2]!, parts };
}

type LabKeyRow = { jwt_alg: string; jwt_kid: string; jwt_key_json: string };

/** The lab's current signing key, read from the server's database file (read-only; WAL allows it beside the server). */
export function labSigningKey(labId: string): { alg: string; kid: string; jwk: JWK } {
  const row = readDatabaseFile(inject('dbPath'), (sql) =>
    sql.get<LabKeyRow>('SELECT jwt_alg, jwt_kid, jwt_key_json FROM labs WHERE id = ?', labId),
  );
  if (!row) throw new Error(`lab ${labId} not in the database`);
  return { alg: row.jwt_alg, kid: row.jwt_kid, jwk: JSON.parse(row.jwt_key_json) as JWK };
}

/**
 * Signs header+payload exactly as given (any header, `crit` included — jose
 * would refuse to sign some of them) with the lab's real key: a token only the
 * server could have made. Node's crypto, JWS compact serialization (RFC 7515).
 */
export function signWithLabKey(labId: string, header: Record<string, unknown>, payload: unknown): string {
  const key = labSigningKey(labId);
  return signRaw({ alg: key.alg, ...header }, payload, key.alg, key.jwk);
}

export function signRaw(header: Record<string, unknown>, payload: unknown, alg: string, jwk: JWK): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  let sig: Buffer;
  if (alg === 'HS256') sig = createHmac('sha256', Buffer.from(jwk.k!, 'base64url')).update(input).digest();
  else if (alg === 'ES256') sig = sign('sha256', Buffer.from(input), { key: createPrivateKey({ key: jwk as unknown as import("node:crypto").JsonWebKey, format: 'jwk' }), dsaEncoding: 'ieee-p1363' });
  else if (alg === 'EdDSA') sig = sign(null, Buffer.from(input), createPrivateKey({ key: jwk as unknown as import("node:crypto").JsonWebKey, format: 'jwk' }));
  else throw new Error(`no signer for ${alg}`);
  return `${input}.${sig.toString('base64url')}`;
}

/** An HMAC over the signing input with an arbitrary secret (algorithm-confusion forgeries). */
export function hmacSign(header: Record<string, unknown>, payload: unknown, secret: Buffer | string): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The server's origin, as a browser on the same page would send it. */
export const sameOrigin = () => baseUrl();

// ---- raw HTTP -----------------------------------------------------------

export type RawResponse = AgentResponse & { text: string };

/**
 * A request written by hand: any bytes, chunked or not, any headers. The
 * server may answer (413) before the whole body is sent; the answer is kept
 * and the write error that follows is ignored.
 */
export function rawRequest(
  method: string,
  path: string,
  options: { headers?: Record<string, string | number>; body?: Buffer | string; chunks?: (Buffer | string)[] } = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl() + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            body = { text };
          }
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) headers.append(k, one);
          resolve({ status: res.statusCode ?? 0, body, headers, method, path, text });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      // EPIPE/ECONNRESET after the server has answered and closed: the answer already resolved.
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 15 s`)));
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}
