import { randomBytes } from 'node:crypto';
import { apiRoute, jsonResponse } from '@/lib/http';
import { secureAllowed } from '@/lib/cookies';

/** Scoped to the learn page: the demo cookies reach nothing else. */
const DEMO_PATH = '/learn';

/**
 * POST /api/learn/storage-demo — sets two demo cookies with the same value on
 * the /learn path, one HttpOnly and one not, and returns the value so the
 * page can also keep it in localStorage. The only difference between the
 * three places is where script can reach, so the injected script's report
 * shows exactly what HttpOnly changes. The value opens nothing: it is a demo.
 */
export const POST = apiRoute(
  async (req) => {
    const token = `demo-${randomBytes(12).toString('base64url')}`;
    const res = jsonResponse({ token, path: DEMO_PATH });
    const base = { path: DEMO_PATH, sameSite: 'strict' as const, secure: secureAllowed(req), maxAge: 600 };
    res.cookies.set('rl_demo_httponly', token, { ...base, httpOnly: true });
    res.cookies.set('rl_demo_readable', token, { ...base, httpOnly: false });
    return res;
  },
  { stateChanging: true },
);
