import 'server-only';

/**
 * Where this server can reach itself over HTTP. The scenario runner and the
 * attacker's replays make real requests to the real endpoints, so they need
 * a loopback address. It is never taken from the request's Host header (that
 * would let a caller point the server at another host). `next start` and
 * `next dev` record the port they listen on in PORT; SELF_URL overrides it
 * when the server listens on one address only (e.g. `-H 192.168.1.10`).
 */
export function selfBaseUrl(): string {
  const explicit = process.env.SELF_URL;
  if (explicit) return explicit.replace(/\/+$/, '');
  return `http://127.0.0.1:${process.env.PORT || 3000}`;
}
