import 'server-only';
import { env } from './env';
import { PEER_ADDRESS_HEADER } from './peer-header';

/**
 * Who is asking, for per-client fair shares (lab creation, joins, the
 * password hasher). Next's route handlers do not expose the socket, and Next
 * keeps a client-sent X-Forwarded-For as it is, so that header cannot be
 * believed by default. The server's socket hook (lib/request-target.ts)
 * writes the TCP peer into PEER_ADDRESS_HEADER, replacing anything the client
 * sent under that name. Behind `TRUSTED_PROXY_HOPS` reverse proxies, the
 * client is the entry that many hops from the right of X-Forwarded-For (each
 * trusted proxy appends the address it saw; entries further left were written
 * by the client and are not believed).
 *
 * Returns 'unknown' when neither is available (a handler called outside the
 * real server, as in unit tests): every such caller then shares one bucket,
 * which errs on the side of limiting.
 */
export function clientAddress(req: Request, trustedProxyHops: number = env.trustedProxyHops): string {
  if (trustedProxyHops > 0) {
    const hops = (req.headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const entry = hops[hops.length - trustedProxyHops];
    if (entry) return normalise(entry);
  }
  const peer = req.headers.get(PEER_ADDRESS_HEADER);
  return peer ? normalise(peer) : 'unknown';
}

/** `::ffff:127.0.0.5` and `127.0.0.5` are one client. */
function normalise(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
