import { apiRoute, jsonResponse } from '@/lib/http';

/**
 * GET /api/health — a dynamic JSON answer that needs no lab and no
 * credential: a liveness check for whoever runs a workshop server, and the
 * baseline `npm run bench` compares every /me against (the same proxy, the
 * same handler wrapper, the same JSON envelope; only the auth is missing).
 */
export const GET = apiRoute(async () => jsonResponse({ ok: true }), { stateChanging: false });
