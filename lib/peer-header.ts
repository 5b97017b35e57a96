/**
 * The request header through which the server hands the TCP peer's address
 * to route handlers (set in lib/request-target.ts, read in
 * lib/client-address.ts). Its own module, free of `server-only`, because the
 * socket hook runs before Next loads any route.
 */
export const PEER_ADDRESS_HEADER = 'x-revocation-lab-peer';
