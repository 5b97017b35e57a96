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

import { PEER_ADDRESS_HEADER } from './peer-header';
import { statusOf } from './errors/status';

const REFUSAL = statusOf({ reason: 'bad-request-target' });
const BODY = JSON.stringify({ error: REFUSAL.error, reason: REFUSAL.reason, detail: 'Only a path starting with / is served.' });

const holder = globalThis as unknown as { __revocationLabTargetGuard?: boolean };

/** Installs the check on every HTTP server of this process (once). */
export function guardRequestTargets(): void {
  if (holder.__revocationLabTargetGuard) return;
  holder.__revocationLabTargetGuard = true;
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
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof http.Server.prototype.emit;
}
