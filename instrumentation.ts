/**
 * Runs once when the server starts (Next's instrumentation hook). Only on the
 * Node.js runtime: it installs the request-target check and the per-client
 * in-flight bound (lib/request-target.ts) on the HTTP server that `next start`
 * listens with.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { guardRequestTargets } = await import('./lib/request-target');
    const { env } = await import('./lib/env');
    guardRequestTargets({ requestsInFlightPerClient: env.requestsInFlightPerClient, trustedProxyHops: env.trustedProxyHops });
  }
}
