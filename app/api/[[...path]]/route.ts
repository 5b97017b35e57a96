import { ApiError, apiRoute } from '@/lib/http';

/**
 * Any /api path no route claims: the same JSON envelope as every other error
 * (Next's default would be the HTML 404 page). It names nothing about what
 * exists, so probing paths teaches an attacker nothing.
 */
const notFound = apiRoute(
  async () => {
    throw new ApiError(404, 'not-found', 'unknown-endpoint', 'No such API endpoint.');
  },
  { stateChanging: false },
);

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
