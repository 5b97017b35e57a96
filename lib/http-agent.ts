/**
 * A small HTTP client with its own cookie jar — one per actor (the victim's
 * laptop, the victim's phone, the attacker). The scenario runner and the API
 * tests use it to drive the real endpoints exactly as a browser or `curl -b/-c`
 * would: cookies are kept per path (RFC 6265 path-match), Max-Age=0 deletes.
 */
import http from 'node:http';

export type StoredCookie = { name: string; value: string; path: string };

/** How a request goes over the wire: the status, the headers and the whole body as text. */
export type Transport = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | undefined },
) => Promise<{ status: number; headers: Headers; text: string }>;

/** WHATWG fetch (undici): the default, what the API tests use. */
export const fetchTransport: Transport = async (url, { method, headers, body }) => {
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

/**
 * One keep-alive pool for every loopback request the server makes to itself.
 * `timeout` is what makes an idle socket leave the pool before the server
 * closes it: Node 20's Agent shortens its idle timeout to the server's
 * `Keep-Alive: timeout=5` hint (minus 1 s) only when a timeout is set, and
 * otherwise keeps the socket until the server drops it. A request sent on it
 * at that moment fails with ECONNRESET, and its scenario cell with `error`
 * (seen with a pause of ~5 s between two matrices). Only free sockets are
 * destroyed on it; a request in flight is never cut off.
 */
const loopbackPool = new http.Agent({ keepAlive: true, timeout: 4_000 });

/**
 * node:http with a keep-alive pool. The scenario runner sends ~400 requests per
 * matrix from inside the server, on the same thread that answers them; undici's
 * fetch (WHATWG streams, AbortSignals, Request/Response objects) costs about
 * three times as much CPU per request on loopback as a plain http.request.
 * Still a real HTTP request to the real endpoint, over a real socket.
 */
export const nodeHttpTransport: Transport = (url, { method, headers, body }) =>
  new Promise((resolve, reject) => {
    const outgoing = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(url, { method, headers: outgoing, agent: loopbackPool }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode ?? 0, headers: responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

export type AgentResponse = {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
  /** Lab-relative request line, for traces: "GET /api/labs/…/jwt/me". */
  method: string;
  path: string;
};

export class HttpAgent {
  private cookies: StoredCookie[] = [];
  /** False for a jar that only replays what it holds (a copy exactly as stolen): Set-Cookie answers are ignored. */
  private acceptsNewCookies = true;

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
    private readonly transport: Transport = fetchTransport,
  ) {}

  /**
   * A copy of this jar: what an attacker holds after stealing the cookies.
   * `acceptsNewCookies: false` makes a copy that keeps replaying the stolen
   * values and never takes the cookies the server sets in answer.
   */
  clone(options: { acceptsNewCookies?: boolean } = {}): HttpAgent {
    const copy = new HttpAgent(this.baseUrl, this.defaultHeaders, this.transport);
    copy.cookies = this.cookies.map((c) => ({ ...c }));
    copy.acceptsNewCookies = options.acceptsNewCookies ?? true;
    return copy;
  }

  /** Cookies the agent currently holds (e.g. to measure a credential's size). */
  jar(): readonly StoredCookie[] {
    return this.cookies;
  }

  setCookie(cookie: StoredCookie): void {
    this.cookies = this.cookies.filter((c) => !(c.name === cookie.name && c.path === cookie.path));
    this.cookies.push(cookie);
  }

  cookieHeaderFor(path: string): string {
    return this.cookies
      .filter((c) => pathMatches(c.path, path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body);
  }

  async request(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<AgentResponse> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...extraHeaders };
    const cookie = this.cookieHeaderFor(path.split('?')[0]!);
    if (cookie) headers.cookie = cookie;
    // A state change says JSON even without a body, as the pages do (the server's CSRF second layer).
    if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) headers['content-type'] ??= 'application/json';
    const res = await this.transport(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (this.acceptsNewCookies) for (const line of res.headers.getSetCookie()) this.absorb(line, path);
    const text = res.text;
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed, headers: res.headers, method, path };
  }

  private absorb(setCookie: string, requestPath: string): void {
    const [pair, ...attrs] = setCookie.split(';');
    const eq = pair!.indexOf('=');
    if (eq < 1) return;
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    let path = defaultPath(requestPath);
    let expired = false;
    for (const attr of attrs) {
      const [k, v = ''] = attr.split('=');
      const key = k!.trim().toLowerCase();
      if (key === 'path' && v.startsWith('/')) path = v.trim();
      if (key === 'max-age' && Number(v) <= 0) expired = true;
    }
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
    if (!expired) this.cookies.push({ name, value, path });
  }
}

function defaultPath(requestPath: string): string {
  const p = requestPath.split('?')[0]!;
  const slash = p.lastIndexOf('/');
  return slash <= 0 ? '/' : p.slice(0, slash);
}

/** RFC 6265 §5.1.4: a prefix that ends at a segment boundary. */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
