'use client';
import { useCallback, useRef, useState } from 'react';
import { answerReason, reasonCodeOf } from '@/lib/ui/reason';
import type { JwtDisplay } from '@/lib/jwt-display';

/**
 * What the demos work with. Never a raw credential: bob's JWT comes decoded
 * (signature abbreviated) from the credential inspector, the session id as
 * its first characters, and the token itself stays on the server as a stolen
 * copy that the tamper demo names by id.
 */
export type DemoLab = { labId: string; jwt: JwtDisplay; jwtCopyId: number; session: { preview: string; length: number } };
type Answer = { status: number; body: Record<string, unknown> };

async function call(method: string, path: string, json?: unknown): Promise<Answer> {
  const res = await fetch(path, {
    method,
    // Every state change says JSON, also without a body: the server refuses any other (CSRF, lib/http.ts).
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
    cache: 'no-store',
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

type InspectedCookie = { preview: string; length: number; jwt: JwtDisplay | null };

function firstCookie(view: Record<string, unknown>): InspectedCookie | null {
  const cookies = view.cookies as InspectedCookie[] | undefined;
  return cookies?.[0] ?? null;
}

/** Creates the lab, logs bob in with jwt and session, and reads back what a thief would hold. */
async function buildDemoLab(
  setLab: (lab: DemoLab) => void,
  setState: (s: { busy: boolean; error: string | null }) => void,
): Promise<DemoLab | null> {
  setState({ busy: true, error: null });
  try {
    const created = await call('POST', '/api/labs');
    if (created.status !== 201) throw new Error(answerReason(created.status, created.body));
    const labId = created.body.labId as string;
    const users = created.body.users as { username: string; password: string; role: string }[];
    const bob = users.find((u) => u.role === 'user') ?? users[0]!;
    for (const strategy of ['jwt', 'session']) {
      const login = await call('POST', `/api/labs/${labId}/${strategy}/login`, { username: bob.username, password: bob.password });
      if (login.status !== 200) throw new Error(answerReason(login.status, login.body));
    }
    const jwt = firstCookie((await call('GET', `/api/labs/${labId}/jwt/credential`)).body)?.jwt;
    const session = firstCookie((await call('GET', `/api/labs/${labId}/session/credential`)).body);
    // The attacker's copy of the JWT, held by the lab: the tamper demo edits and replays it by id.
    const stolen = await call('POST', `/api/labs/${labId}/jwt/steal`);
    if (stolen.status !== 201) throw new Error(answerReason(stolen.status, stolen.body));
    if (!jwt || !session) throw new Error('no-credential');
    const ready: DemoLab = { labId, jwt, jwtCopyId: stolen.body.copyId as number, session: { preview: session.preview, length: session.length } };
    setLab(ready);
    setState({ busy: false, error: null });
    return ready;
  } catch (err) {
    // Always a code (the page translates it): ours, or network-error for the browser's own message.
    setState({ busy: false, error: reasonCodeOf(err) });
    return null;
  }
}

/**
 * A lab of the learn page's own, made on first use through the same public
 * API as everything else: bob logs in with `jwt` and with `session`, the
 * inspector shows what the browser holds, and the lab keeps a stolen copy.
 */
export function useDemoLab() {
  const [lab, setLab] = useState<DemoLab | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  // One preparation at a time: a second click while the first is running shares its result
  // instead of making a second lab.
  const inFlight = useRef<Promise<DemoLab | null> | null>(null);

  const prepare = useCallback((): Promise<DemoLab | null> => {
    if (lab) return Promise.resolve(lab);
    inFlight.current ??= buildDemoLab(setLab, setState).finally(() => {
      inFlight.current = null;
    });
    return inFlight.current;
  }, [lab]);

  return { lab, prepare, ...state, call };
}
