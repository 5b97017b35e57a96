/**
 * Runs once when the server starts (Next's instrumentation hook). Only on the
 * Node.js runtime: it installs the request-target check and the per-client
 * in-flight bound (lib/request-target.ts) on the HTTP server that `next start`
 * listens with, and says out loud when a test-only setting is on
 * (lib/boot-warnings.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { guardRequestTargets } = await import('./lib/request-target');
    // Loading the warnings reads lib/env.ts: a bad setting must stop the server here, not answer
    // every request 500 (which is what Next does when the instrumentation hook throws).
    let warnings: string[];
    try {
      warnings = (await import('./lib/boot-warnings')).bootWarnings();
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    }
    for (const warning of warnings) console.warn(warning);
    const { env } = await import('./lib/env');
    guardRequestTargets({ requestsInFlightPerClient: env.requestsInFlightPerClient, trustedProxyHops: env.trustedProxyHops });
  }
}
