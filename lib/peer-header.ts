/**
 * The request header through which the server hands the TCP peer's address
 * to route handlers (set in lib/request-target.ts, read in
 * lib/client-address.ts). Its own module, free of `server-only`, because the
 * socket hook runs before Next loads any route.
 */
export const PEER_ADDRESS_HEADER = 'x-revocation-lab-peer';

/**
 * The client's address from the TCP peer and X-Forwarded-For: the peer, or
 * behind `trustedProxyHops` proxies the entry that many from the right (each
 * trusted proxy appends the address it saw; entries further left were written
 * by the client). `::ffff:127.0.0.5` and `127.0.0.5` are one client.
 */
export function clientFromPeer(peer: string | null | undefined, forwardedFor: string | null | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const hops = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const entry = hops[hops.length - trustedProxyHops];
    if (entry) return normaliseAddress(entry);
  }
  return peer ? normaliseAddress(peer) : 'unknown';
}

function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
