import http from 'node:http';

/**
 * Issue 13.8: no request line yields a bare 500, and no redirect points to
 * another host. Next answers `OPTIONS *` and `GET *` with a bare 500 (it
 * cannot build a URL from `*`) and echoes an absolute-form target
 * (`GET http://evil.example/ HTTP/1.1`) back as a 308 to that other host,
 * before proxy.ts ever runs. A browser only sends origin-form targets (a path
 * starting with `/`), so anything else is answered 400 here, at the socket's
 * `request` event, ahead of Next's own listener.
 */
export function isOriginForm(target: string | undefined): boolean {
  return typeof target === 'string' && target.startsWith('/');
}

import { clientFromPeer, PEER_ADDRESS_HEADER } from './peer-header';
import { createInFlightCounter } from './client-in-flight';
import { createRefusalHolder } from './held-refusals';
import { statusOf } from './errors/status';
import { API_METHODS } from './security-headers';

const REFUSAL = statusOf({ reason: 'bad-request-target' });
const BODY = JSON.stringify({ error: REFUSAL.error, reason: REFUSAL.reason, detail: 'Only a path starting with / is served.' });

/**
 * TRACE reaches the `request` event, but the fetch standard forbids it: Next's
 * `new Request()` throws on it and Next answers a bare 500 before proxy.ts
 * runs. It is refused here as proxy.ts refuses any method outside the list.
 * (CONNECT never reaches `request`: Node closes the socket, as no `connect`
 * listener is installed; TRACK is not a method Node parses: its own 400.)
 */
const NOT_ALLOWED = statusOf({ reason: 'method-not-allowed' });
const NOT_ALLOWED_BODY = JSON.stringify({ error: NOT_ALLOWED.error, reason: NOT_ALLOWED.reason, detail: 'TRACE is not served.' });

const BUSY = statusOf({ reason: 'too-many-requests-in-flight' });
const BUSY_BODY = JSON.stringify({
  error: BUSY.error,
  reason: BUSY.reason,
  detail: 'This address has too many requests open at once; try again shortly.',
});

/**
 * A refusal is answered after the second its Retry-After names, not at once,
 * and at most MAX_HELD_REFUSALS are held; beyond, a refused socket is closed at
 * once (lib/held-refusals.ts says why).
 */
const REFUSAL_PAUSE_MS = 1000;
const MAX_HELD_REFUSALS = 4096;
const heldRefusals = createRefusalHolder({ pauseMs: REFUSAL_PAUSE_MS, maxHeld: MAX_HELD_REFUSALS });

function refuseAfterPause(req: http.IncomingMessage, res: http.ServerResponse): void {
  const release = heldRefusals.hold(() => {
    if (res.destroyed) return;
    res.writeHead(429, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(BUSY_BODY),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Retry-After': '1',
    });
    res.end(BUSY_BODY);
  });
  if (release === null) {
    req.socket.destroy();
    return;
  }
  res.once('close', release);
}

const holder = globalThis as unknown as { __revocationLabTargetGuard?: boolean };

export type GuardOptions = { requestsInFlightPerClient: number; trustedProxyHops: number };

/** Installs the checks on every HTTP server of this process (once). */
export function guardRequestTargets(options: GuardOptions): void {
  if (holder.__revocationLabTargetGuard) return;
  holder.__revocationLabTargetGuard = true;
  const inFlight = createInFlightCounter(options.requestsInFlightPerClient);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guarded(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      // The route handlers cannot see the socket; they read the TCP peer from
      // this header (lib/client-address.ts). Overwritten, never trusted from
      // the client: whatever a client sent under this name is replaced.
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
      if (!isOriginForm(req.url)) {
        res.writeHead(REFUSAL.status, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(BODY),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          Connection: 'close',
        });
        res.end(BODY);
        return true;
      }
      if (req.method === 'TRACE') {
        res.writeHead(NOT_ALLOWED.status, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(NOT_ALLOWED_BODY),
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          // As proxy.ts answers: the API's methods on an API path, GET and HEAD on a page.
          Allow: /^\/api(\/|\?|$)/.test(req.url ?? '') ? [...API_METHODS].join(', ') : 'GET, HEAD',
          Connection: 'close',
        });
        res.end(NOT_ALLOWED_BODY);
        return true;
      }
      // Issue 13.1: one client's open requests are bounded before Next spends the thread on them
      // (lib/client-in-flight.ts). The same client as lib/client-address.ts names.
      const client = clientFromPeer(req.socket.remoteAddress, req.headers['x-forwarded-for']?.toString(), options.trustedProxyHops);
      if (!inFlight.enter(client)) {
        refuseAfterPause(req, res);
        return true;
      }
      let counted = true;
      const leave = () => {
        if (counted) inFlight.leave(client);
        counted = false;
      };
      // `close` follows every response, finished or cut off (the client hung up).
      res.once('close', leave);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof http.Server.prototype.emit;
}
