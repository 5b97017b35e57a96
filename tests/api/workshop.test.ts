import { describe, expect, it } from 'vitest';
import { HttpAgent } from '@/lib/http-agent';
import { agent, baseUrl } from './helpers';

/**
 * The workshop room against the real built server: create, join (50 at once,
 * each with a working lab), missions solved only by the real requests in the
 * participant's own lab, predictions hidden until the reveal, the console
 * closed to anyone without the key, and bad input answered 4xx without a change.
 */

type Created = { workshopId: string; facilitatorKey: string; joinCode: string; joinUrl: string; facilitatorUrl: string };
type Joined = { participantId: string; labId: string; labUrl: string };
type ConsoleBody = {
  workshop: { participantCount: number; closed: boolean; joinCode: string; capacity: number };
  participants: { participantId: string; name: string; progress: Record<string, string> }[];
  predictions: Record<string, { counts: Record<string, number>; total: number; revealed: boolean }>;
  stuck: Record<string, number>;
};
type MeBody = {
  participantId: string;
  labId: string;
  missions: {
    missionId: string;
    status: string;
    solvedAt: number | null;
    hintsRevealed: number;
    prediction: { myAnswer: string | null; revealed: boolean; counts?: Record<string, number>; measured?: string | null };
  }[];
};

const M1 = 'stolen-jwt-survives-logout';

async function createWorkshop(body: Record<string, unknown> = { title: 'Room 1', expectedParticipants: 60 }) {
  const res = await agent().post('/api/workshops', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const created = res.body as Created;
  const bearer = { authorization: `Bearer ${created.facilitatorKey}` };
  const facilitator = {
    ...created,
    console: async () => {
      const r = await agent().request('GET', `/api/workshops/${created.workshopId}/console`, undefined, bearer);
      expect(r.status).toBe(200);
      return r.body as unknown as ConsoleBody;
    },
    post: (rest: string, b?: unknown) => agent().request('POST', `/api/workshops/${created.workshopId}${rest}`, b, bearer),
    get: (rest: string) => agent().request('GET', `/api/workshops/${created.workshopId}${rest}`, undefined, bearer),
  };
  return facilitator;
}

async function join(code: string, name?: string): Promise<{ a: HttpAgent; joined: Joined; status: number }> {
  const a = agent();
  const res = await a.post(`/api/workshops/${code}/join`, name === undefined ? {} : { name });
  return { a, joined: res.body as Joined, status: res.status };
}

const me = async (a: HttpAgent) => (await a.get('/api/workshops/me')).body as unknown as MeBody;
const mission = async (a: HttpAgent, id: string) => (await me(a)).missions.find((m) => m.missionId === id)!;

async function passwordOf(labId: string, username: string): Promise<string> {
  const res = await agent().get(`/api/labs/${labId}`);
  return (res.body.users as { username: string; password: string }[]).find((u) => u.username === username)!.password;
}

/** The lab page's moves, as the page makes them: a panel logs in, the attacker copies its cookie. */
async function loginAndSteal(a: HttpAgent, labId: string, strategy: string) {
  const password = await passwordOf(labId, 'bob');
  expect((await a.post(`/api/labs/${labId}/${strategy}/login`, { username: 'bob', password })).status).toBe(200);
  const steal = await a.post(`/api/labs/${labId}/${strategy}/steal`);
  expect(steal.status).toBe(201);
  return steal.body.copyId as number;
}
const replay = (a: HttpAgent, labId: string, copyId: number) => a.post(`/api/labs/${labId}/replay`, { copyId, endpoint: 'me' });

describe('workshop: create and the facilitator key', () => {
  it('creates a workshop with a 256-bit key, a readable join code and the console link in a fragment', async () => {
    const f = await createWorkshop();
    expect(f.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(f.workshopId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(f.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(f.joinUrl).toBe(`${baseUrl()}/join/${f.joinCode}`);
    expect(f.facilitatorUrl).toBe(`${baseUrl()}/workshop/${f.workshopId}#key=${f.facilitatorKey}`);
    const view = await f.console();
    expect(view.workshop).toMatchObject({ joinCode: f.joinCode, participantCount: 0, closed: false });
    // The join code is case-insensitive on input.
    expect((await agent().get(`/api/workshops/${f.joinCode.toLowerCase()}`)).body).toMatchObject({ title: 'Room 1', closed: false, full: false });
  });

  it('the creating browser holds the console cookie; the key exchange gives another browser one', async () => {
    const creator = agent();
    const res = await creator.post('/api/workshops', {});
    const { workshopId, facilitatorKey } = res.body as Created;
    expect((await creator.get(`/api/workshops/${workshopId}/console`)).status).toBe(200);
    const other = agent();
    expect((await other.get(`/api/workshops/${workshopId}/console`)).status).toBe(404);
    expect((await other.post(`/api/workshops/${workshopId}/facilitator`, { key: 'x'.repeat(43) })).status).toBe(404);
    expect((await other.post(`/api/workshops/${workshopId}/facilitator`, { key: facilitatorKey })).status).toBe(204);
    expect((await other.get(`/api/workshops/${workshopId}/console`)).status).toBe(200);
  });

  it('refuses every console route without the key (404 unknown-workshop) and changes nothing', async () => {
    const f = await createWorkshop();
    const p = await join(f.joinCode, 'Ann');
    const wrong = { authorization: `Bearer ${'A'.repeat(43)}` };
    const id = f.workshopId;
    const attempts: [string, string][] = [
      ['GET', `/api/workshops/${id}/console`],
      ['GET', `/api/workshops/${id}/summary`],
      ['POST', `/api/workshops/${id}/missions/${M1}/reveal`],
      ['POST', `/api/workshops/${id}/participants/${p.joined.participantId}/reset`],
      ['POST', `/api/workshops/${id}/participants/${p.joined.participantId}/remove`],
      ['POST', `/api/workshops/${id}/close`],
      // A participant's own cookie opens nothing of the console.
    ];
    for (const [method, path] of attempts) {
      for (const headers of [{}, wrong]) {
        const r = await agent().request(method, path, method === 'POST' ? {} : undefined, headers);
        expect(r.status, `${method} ${path}`).toBe(404);
        expect(r.body).toEqual({ error: 'not-found', reason: 'unknown-workshop', detail: expect.any(String) });
      }
      const asParticipant = await p.a.request(method, path, method === 'POST' ? {} : undefined);
      expect(asParticipant.status).toBe(404);
    }
    // The same answer for a workshop that does not exist at all.
    expect((await agent().get(`/api/workshops/${'B'.repeat(22)}/console`)).body).toMatchObject({ reason: 'unknown-workshop' });
    const view = await f.console();
    expect(view.workshop).toMatchObject({ closed: false, participantCount: 1 });
    expect(view.predictions[M1]!.revealed).toBe(false);
    expect((await p.a.get(`/api/labs/${p.joined.labId}`)).status).toBe(200);
  });
});

describe('workshop: joining', () => {
  it('50 joins at once each get their own working lab (a login and /me 200)', async () => {
    const f = await createWorkshop();
    const joins = await Promise.all(Array.from({ length: 50 }, (_, i) => join(f.joinCode, `P${i}`)));
    expect(joins.map((j) => j.status)).toEqual(Array(50).fill(201));
    expect(new Set(joins.map((j) => j.joined.labId)).size).toBe(50);
    const working = await Promise.all(
      joins.map(async ({ a, joined }) => {
        const password = await passwordOf(joined.labId, 'bob');
        const login = await a.post(`/api/labs/${joined.labId}/session/login`, { username: 'bob', password });
        const who = await a.get(`/api/labs/${joined.labId}/session/me`);
        return [login.status, who.status];
      }),
    );
    expect(working).toEqual(Array(50).fill([200, 200]));
    expect((await f.console()).workshop.participantCount).toBe(50);
  });

  it('a rejoin from the same browser returns the same participant and lab; names are stored as text', async () => {
    const f = await createWorkshop();
    const first = await join(f.joinCode, '<b>Ann</b>');
    expect(first.status).toBe(201);
    const again = await first.a.post(`/api/workshops/${f.joinCode}/join`, { name: 'Someone else' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.joined);
    expect((await me(first.a)).labId).toBe(first.joined.labId);
    const anon = await join(f.joinCode);
    const view = await f.console();
    expect(view.participants.map((p) => p.name)).toEqual(['<b>Ann</b>', 'anonymous 1']);
    expect(anon.status).toBe(201);
  });

  it('a closed workshop refuses new joins with a clear reason; its participants keep their lab', async () => {
    const f = await createWorkshop();
    const inside = await join(f.joinCode);
    expect((await f.post('/close', {})).body).toEqual({ closed: true });
    const late = await join(f.joinCode);
    expect(late.status).toBe(403);
    expect(late.joined).toMatchObject({ error: 'forbidden', reason: 'workshop-closed' });
    expect((await agent().get(`/api/workshops/${f.joinCode}`)).body).toMatchObject({ closed: true });
    expect((await inside.a.post(`/api/workshops/${f.joinCode}/join`, {})).status).toBe(200);
    expect((await f.console()).workshop).toMatchObject({ closed: true, participantCount: 1 });
  });
});

describe('workshop: bad codes and bodies are 4xx, never 500, and change nothing', () => {
  it('answers bad input with { error, reason }', async () => {
    const f = await createWorkshop();
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/workshops/ZZZZZZ', undefined, 404, 'unknown-workshop'],
      ['GET', '/api/workshops/O0I1L5', undefined, 404, 'unknown-workshop'],
      ['POST', '/api/workshops/00000/join', {}, 404, 'unknown-workshop'],
      ['POST', `/api/workshops/${f.joinCode}/join`, { name: 'x'.repeat(41) }, 400, 'invalid-body'],
      ['POST', `/api/workshops/${f.joinCode}/join`, { name: 'a\u0000b' }, 400, 'invalid-body'],
      ['POST', `/api/workshops/${f.joinCode}/join`, { name: '   ' }, 400, 'invalid-body'],
      ['POST', `/api/workshops/${f.joinCode}/join`, { name: 7 }, 400, 'invalid-body'],
      ['POST', `/api/workshops/${f.joinCode}/join`, { name: 'a', admin: true }, 400, 'invalid-body'],
      ['POST', `/api/workshops/${f.joinCode}/join`, '{"name":', 400, 'malformed-json'],
      ['POST', '/api/workshops', { expectedParticipants: 0 }, 400, 'invalid-body'],
      ['POST', '/api/workshops', { language: 'fr' }, 400, 'invalid-body'],
      ['POST', '/api/workshops', { title: 'x'.repeat(81) }, 400, 'invalid-body'],
      ['GET', '/api/workshops/me', undefined, 404, 'not-a-participant'],
      ['POST', `/api/workshops/me/missions/${M1}/hint`, {}, 404, 'not-a-participant'],
      ['POST', `/api/workshops/me/missions/${M1}/prediction`, { answer: 'works' }, 404, 'not-a-participant'],
    ];
    for (const [method, path, body, status, reason] of cases) {
      const res = await agent().request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body).toMatchObject({ reason });
    }
    // A mangled code is refused before it reaches a handler, but never with a 500.
    const mangled = await agent().get('/api/workshops/%00%ff');
    expect(mangled.status).toBeGreaterThanOrEqual(400);
    expect(mangled.status).toBeLessThan(500);
    // Not JSON: a form cannot post here.
    const form = await agent().request('POST', `/api/workshops/${f.joinCode}/join`, 'name=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const crossSite = await agent().request('POST', `/api/workshops/${f.joinCode}/join`, {}, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const p = await join(f.joinCode);
    for (const [path, body, status, reason] of [
      [`/api/workshops/me/missions/no-such-mission/hint`, {}, 404, 'unknown-mission'],
      [`/api/workshops/me/missions/${M1}/prediction`, { answer: 'maybe' }, 400, 'invalid-body'],
      [`/api/workshops/me/missions/${M1}/prediction`, { answer: 'works', extra: 1 }, 400, 'invalid-body'],
    ] as const) {
      const res = await p.a.post(path, body);
      expect(res.status, path).toBe(status);
      expect(res.body).toMatchObject({ reason });
    }
    expect((await f.post('/missions/no-such-mission/reveal', {})).status).toBe(404);
    expect((await f.post(`/participants/${'C'.repeat(22)}/reset`, {})).status).toBe(404);
    expect((await f.get('/summary?format=pdf')).status).toBe(400);
    const view = await f.console();
    expect(view.workshop.participantCount).toBe(1);
    expect(view.predictions[M1]!.total).toBe(0);
    expect((await mission(p.a, M1)).prediction.myAnswer).toBeNull();
  });
});

describe('workshop: a mission is solved only by the real requests in the participant’s own lab', () => {
  it('stolen-jwt-survives-logout: not before the logout, not by a failed replay, not in another lab; then solved', async () => {
    const f = await createWorkshop();
    const ann = await join(f.joinCode, 'Ann');
    const ben = await join(f.joinCode, 'Ben');
    const lab = ann.joined.labId;
    expect((await mission(ann.a, M1)).status).toBe('not-started');

    const jwtCopy = await loginAndSteal(ann.a, lab, 'jwt');
    const sessionCopy = await loginAndSteal(ann.a, lab, 'session');
    // Replays before the revoking action: the same outcome, but not after a logout.
    expect((await replay(ann.a, lab, jwtCopy)).body.status).toBe(200);
    expect((await mission(ann.a, M1)).status).toBe('not-started');

    expect((await ann.a.post(`/api/labs/${lab}/jwt/logout`)).status).toBeLessThan(300);
    expect((await ann.a.post(`/api/labs/${lab}/session/logout`)).status).toBeLessThan(300);
    expect((await mission(ann.a, M1)).status).toBe('attempted');

    // A replay that failed (no such copy) counts for nothing.
    expect((await replay(ann.a, lab, 99)).status).toBe(404);
    // Only the JWT half.
    expect((await replay(ann.a, lab, jwtCopy)).body.status).toBe(200);
    expect((await mission(ann.a, M1)).status).toBe('attempted');

    // Ben makes the very same requests, but they land in Ann's lab: nothing moves for Ben.
    expect((await replay(ben.a, lab, sessionCopy)).body.status).toBe(401);
    const annNow = await mission(ann.a, M1);
    expect(annNow.status).toBe('solved');
    expect(annNow.solvedAt).toEqual(expect.any(Number));
    expect((await mission(ben.a, M1)).status).toBe('not-started');

    const view = await f.console();
    const byName = Object.fromEntries(view.participants.map((p) => [p.name, p.progress[M1]]));
    expect(byName).toEqual({ Ann: 'solved', Ben: 'not-started' });
  });

  it('the facilitator resets a lab (sessions, copies, timeline gone; the solve stays) and removes a participant', async () => {
    const f = await createWorkshop();
    const ann = await join(f.joinCode, 'Ann');
    const lab = ann.joined.labId;
    const copy = await loginAndSteal(ann.a, lab, 'session');
    expect((await ann.a.post(`/api/workshops/me/missions/${M1}/hint`, {})).body).toEqual({ hintsRevealed: 1 });
    const reset = await f.post(`/participants/${ann.joined.participantId}/reset`, {});
    expect(reset.status).toBe(200);
    expect((await ann.a.get(`/api/labs/${lab}/session/me`)).status).toBe(401);
    expect((await replay(ann.a, lab, copy)).status).toBe(404);
    const journal = await ann.a.get(`/api/labs/${lab}/journal?after=0`);
    expect((journal.body.entries as unknown[]).filter((e) => (e as { effect?: { kind?: string } }).effect?.kind === 'steal')).toEqual([]);
    expect((await me(ann.a)).labId).toBe(lab);
    // The lab works with its new demo users.
    const password = await passwordOf(lab, 'bob');
    expect((await ann.a.post(`/api/labs/${lab}/jwt/login`, { username: 'bob', password })).status).toBe(200);

    expect((await f.post(`/participants/${ann.joined.participantId}/remove`, {})).status).toBe(204);
    expect((await ann.a.get('/api/workshops/me')).body).toMatchObject({ reason: 'not-a-participant' });
    expect((await agent().get(`/api/labs/${lab}`)).status).toBe(404);
    expect((await f.console()).workshop.participantCount).toBe(0);
  });
});

describe('workshop: predict, then reveal', () => {
  it('counts one answer per participant, hidden from participants until the facilitator reveals', async () => {
    const f = await createWorkshop();
    const ann = await join(f.joinCode, 'Ann');
    const ben = await join(f.joinCode, 'Ben');
    const path = `/api/workshops/me/missions/${M1}/prediction`;
    expect((await ann.a.post(path, { answer: 'works' })).status).toBe(200);
    const second = await ann.a.post(path, { answer: 'blocked' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ reason: 'already-answered' });
    expect((await ben.a.post(path, { answer: 'blocked' })).status).toBe(200);

    const before = await mission(ann.a, M1);
    expect(before.prediction).toEqual({ options: ['works', 'blocked'], myAnswer: 'works', revealed: false });
    const view = await f.console();
    expect(view.predictions[M1]).toMatchObject({ counts: { works: 1, blocked: 1 }, total: 2, revealed: false });

    const revealed = await f.post(`/missions/${M1}/reveal`, {});
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ counts: { works: 1, blocked: 1 }, total: 2, revealed: true });

    // Ann's lab measures the JWT copy after its logout: her "measured" comes from her own journal.
    const lab = ann.joined.labId;
    const copy = await loginAndSteal(ann.a, lab, 'jwt');
    await ann.a.post(`/api/labs/${lab}/jwt/logout`);
    await replay(ann.a, lab, copy);
    expect((await mission(ann.a, M1)).prediction).toEqual({
      options: ['works', 'blocked'],
      myAnswer: 'works',
      revealed: true,
      counts: { works: 1, blocked: 1 },
      measured: 'works',
    });
    expect((await mission(ben.a, M1)).prediction).toMatchObject({ myAnswer: 'blocked', counts: { works: 1, blocked: 1 }, measured: null });

    const summary = await f.get('/summary?format=json');
    expect(summary.status).toBe(200);
    const text = JSON.stringify(summary.body);
    expect(text).not.toContain(f.facilitatorKey);
    expect(text).not.toContain('Ann');
    expect(summary.body.missions).toEqual(expect.arrayContaining([expect.objectContaining({ missionId: M1, prediction: expect.objectContaining({ total: 2 }) })]));
    const named = await f.get('/summary?format=json&names=1');
    expect(JSON.stringify(named.body)).toContain('Ann');
    const md = await agent().request('GET', `/api/workshops/${f.workshopId}/summary?format=md&lang=ja`, undefined, {
      authorization: `Bearer ${f.facilitatorKey}`,
    });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(String(md.body.text)).toContain('ワークショップのまとめ');
    expect(String(md.body.text)).not.toContain('Ann');
  });
});
