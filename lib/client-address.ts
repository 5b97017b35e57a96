import 'server-only';
import { env } from './env';
import { clientFromPeer, PEER_ADDRESS_HEADER } from './peer-header';

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
  return clientFromPeer(req.headers.get(PEER_ADDRESS_HEADER), req.headers.get('x-forwarded-for'), trustedProxyHops);
}
