import { ApiError, apiRoute } from '@/lib/http';

/**
 * Any /api path no route claims: the same JSON envelope as every other error
 * (Next's default would be the HTML 404 page). It names nothing about what
 * exists, so probing paths teaches an attacker nothing.
 */
const notFound = async (): Promise<Response> => {
  throw new ApiError('unknown-endpoint', 'No such API endpoint.');
};

export const GET = apiRoute(notFound, { stateChanging: false });
export const HEAD = apiRoute(notFound, { stateChanging: false });
// Mutating methods go through the CSRF check like every other state-changing export (docs/SECURITY.md).
export const POST = apiRoute(notFound, { stateChanging: true });
export const PUT = apiRoute(notFound, { stateChanging: true });
export const PATCH = apiRoute(notFound, { stateChanging: true });
export const DELETE = apiRoute(notFound, { stateChanging: true });
