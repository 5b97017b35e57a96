import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { agent, loginAs, newLab, type TestLab } from './helpers';

type Entry = {
  seq: number;
  actor: string | null;
  method: string;
  path: string;
  strategy: string | null;
  status: number;
  reason: string | null;
  lookups: number | null;
  labAt: number;
  at: number;
  credential: string | null;
  username: string | null;
  effect: Record<string, unknown> | null;
};
type Page = { entries: Entry[]; lastSeq: number; dropped: number; clearedThrough: number; more: boolean };

async function journal(lab: TestLab, after?: number | string): Promise<Page> {
  const res = await agent().get(lab.api(`/journal${after === undefined ? '' : `?after=${after}`}`));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Page;
}

const sha12 = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 12);

describe('the lab journal (GET /api/labs/{labId}/journal)', () => {
  it('records a plain client’s requests (no actor header: curl) as the server answered them, naming the credential by hash', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt-version', 'bob');
    const token = victim.jar().find((c) => c.name === 'rl_jwt_version')!.value;
    await victim.get(lab.api('/jwt-version/me'));
    await agent().get(lab.api('/session/me'));
    const page = await journal(lab);
    const [login, me, none] = page.entries;
    expect(login).toMatchObject({ seq: 1, actor: null, method: 'POST', path: lab.api('/jwt-version/login'), strategy: 'jwt-version', status: 200, effect: { kind: 'login', username: 'bob' } });
    expect(me).toMatchObject({ seq: 2, actor: null, method: 'GET', status: 200, lookups: 1, credential: sha12(token), username: 'bob', effect: null });
    expect(none).toMatchObject({ seq: 3, status: 401, reason: 'no-credential', credential: null });
    expect(typeof me!.labAt).toBe('number');
    expect(Math.abs(me!.at - Date.now())).toBeLessThan(60_000);
    expect(page).toMatchObject({ lastSeq: 3, dropped: 0, more: false });
    expect(JSON.stringify(page)).not.toContain(token);
  });

  it('names the actor a client declares, and says what a revocation did and to whom', async () => {
    const lab = await newLab();
    const phone = await loginAs(lab, 'session', 'bob');
    const laptop = await loginAs(lab, 'jwt-version', 'bob');
    await laptop.request('POST', lab.api('/jwt-version/logout-all'), undefined, { 'x-lab-actor': 'panel-1' });
    const ended = await phone.request('GET', lab.api('/session/me'), undefined, { 'x-lab-actor': 'panel-2' });
    expect(ended.status).toBe(401);
    await agent().request('POST', lab.api('/users/carol/ban'), undefined, { 'x-lab-actor': 'operator' });
    await agent().request('POST', lab.api('/keys/rotate'), undefined, { 'x-lab-actor': 'Not A Valid Actor!' });
    const { entries } = await journal(lab);
    const byPath = (suffix: string) => entries.find((e) => e.path.endsWith(suffix))!;
    expect(byPath('/logout-all')).toMatchObject({ actor: 'panel-1', status: 200, effect: { kind: 'logout-all', username: 'bob' } });
    expect(byPath('/session/me')).toMatchObject({ actor: 'panel-2', status: 401, reason: 'unknown-session' });
    expect(byPath('/ban')).toMatchObject({ actor: 'operator', effect: { kind: 'ban', username: 'carol' } });
    // A name outside the pattern is not stored: the entry says "another client".
    expect(byPath('/keys/rotate')).toMatchObject({ actor: null, effect: { kind: 'key-rotation' } });
  });

  it('pages with ?after= and keeps a gap-free order', async () => {
    const lab = await newLab();
    for (let i = 0; i < 5; i++) await agent().get(lab.api('/jwt/me'));
    const first = await journal(lab, 0);
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const rest = await journal(lab, 3);
    expect(rest.entries.map((e) => e.seq)).toEqual([4, 5]);
    expect((await journal(lab, 5)).entries).toEqual([]);
    expect((await journal(lab, 999)).entries).toEqual([]);
  });

  it('is bounded per lab: the oldest entries are dropped and counted; pages of 200 say there is more', { timeout: 60_000 }, async () => {
    const lab = await newLab();
    const a = agent();
    for (let i = 0; i < 560; i++) await a.get(lab.api('/jwt/me'));
    const head = await journal(lab, 0);
    expect(head.lastSeq).toBe(560);
    expect(head.dropped).toBeGreaterThan(0);
    expect(head.entries[0]!.seq).toBe(head.dropped + 1);
    expect(head.entries).toHaveLength(200);
    expect(head.more).toBe(true);
    // The journal keeps at least its bound (500) and never much more.
    expect(560 - head.dropped).toBeGreaterThanOrEqual(500);
    expect(560 - head.dropped).toBeLessThan(560);
    const tail = await journal(lab, 500);
    expect(tail.entries.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => 501 + i));
    expect(tail.more).toBe(false);
  });

  it('records the server’s own replay as the attacker, with the stolen credential’s hash', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'jwt', 'bob');
    const token = victim.jar().find((c) => c.name === 'rl_jwt')!.value;
    const stolen = await victim.request('POST', lab.api('/jwt/steal'), undefined, { 'x-lab-actor': 'attacker' });
    await victim.post(lab.api('/jwt/logout'));
    await agent().request('POST', lab.api('/replay'), { copyId: stolen.body.copyId, endpoint: 'me' }, { 'x-lab-actor': 'attacker' });
    const { entries } = await journal(lab);
    const inner = entries.find((e) => e.method === 'GET' && e.path.endsWith('/jwt/me'))!;
    expect(inner).toMatchObject({ actor: 'attacker', status: 200, credential: sha12(token), username: 'bob' });
    const outer = entries.find((e) => e.path.endsWith('/replay'))!;
    expect(outer).toMatchObject({ actor: 'attacker', strategy: 'jwt', effect: { kind: 'replay', copyId: stolen.body.copyId, status: 200 } });
    expect(outer.seq).toBeGreaterThan(inner.seq);
  });

  it('refuses a cursor that is not a whole number with 400 {error, reason}, and an unknown lab with 404', async () => {
    const lab = await newLab();
    for (const bad of ['abc', '-1', '1.5', '1e3', '', '9'.repeat(16)]) {
      const res = await agent().get(lab.api(`/journal?after=${encodeURIComponent(bad)}`));
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad-request', reason: 'invalid-cursor' });
    }
    const unknown = await agent().get('/api/labs/AAAAAAAAAAAAAAAAAAAAAA/journal');
    expect(unknown.status).toBe(404);
    expect(unknown.body.reason).toBe('unknown-lab');
    // Reading the journal is not journaled, nor are the refused reads.
    expect((await journal(lab)).lastSeq).toBe(0);
  });
});

describe('stolen copies held by the lab', () => {
  it('steal copies what the browser presents; the list says whose and when, never the value; clear empties copies and the timeline', async () => {
    const lab = await newLab();
    const victim = await loginAs(lab, 'session', 'carol');
    const res = await victim.post(lab.api('/session/steal'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ copyId: 1, strategy: 'session', username: 'carol', cookieNames: ['rl_session'] });
    expect(typeof res.body.stolenAt).toBe('number');
    const second = await victim.post(lab.api('/session/steal'));
    expect(second.body.copyId).toBe(2);
    const list = (await agent().get(lab.api('/copies'))).body.copies as Record<string, unknown>[];
    expect(list.map((c) => c.copyId)).toEqual([1, 2]);
    expect(list[0]).toMatchObject({ strategy: 'session', username: 'carol', last: null });
    const before = await journal(lab);
    expect(before.entries.length).toBeGreaterThan(0);

    const cleared = await agent().post(lab.api('/copies/clear'));
    expect(cleared.body).toEqual({ cleared: 2 });
    expect((await agent().get(lab.api('/copies'))).body.copies).toEqual([]);
    const after = await journal(lab);
    // Only the clear itself is left on the timeline; seqs keep counting.
    expect(after.clearedThrough).toBe(before.lastSeq);
    expect(after.entries.map((e) => e.path)).toEqual([lab.api('/copies/clear')]);
    expect(after.entries[0]!.seq).toBe(before.lastSeq + 1);
    // DELETE …/copies does the same.
    await victim.post(lab.api('/session/steal'));
    expect((await agent().request('DELETE', lab.api('/copies'))).body).toEqual({ cleared: 1 });
  });

  it('steal with no credential presented: 400 no-credential, nothing stored; another lab’s copy id: 404', async () => {
    const lab = await newLab();
    const other = await newLab();
    const nothing = await agent().post(lab.api('/jwt/steal'));
    expect(nothing.status).toBe(400);
    expect(nothing.body).toMatchObject({ error: 'bad-request', reason: 'no-credential' });
    expect((await agent().get(lab.api('/copies'))).body.copies).toEqual([]);
    expect((await agent().post(lab.api('/nope/steal'))).status).toBe(404);
    expect((await agent().post(lab.api('/jwt/refresh/steal'))).status).toBe(404);

    const victim = await loginAs(other, 'jwt', 'bob');
    const theirs = await victim.post(other.api('/jwt/steal'));
    expect(theirs.body.copyId).toBe(1);
    const cross = await agent().post(lab.api('/replay'), { copyId: theirs.body.copyId, endpoint: 'me' });
    expect(cross.status).toBe(404);
    expect(cross.body).toMatchObject({ error: 'not-found', reason: 'unknown-copy' });
    // And the other lab's copy was not touched.
    expect(((await agent().get(other.api('/copies'))).body.copies as { last: unknown }[])[0]!.last).toBeNull();
    // Cross-origin steal is refused like every state change.
    const evil = await victim.request('POST', other.api('/jwt/steal'), undefined, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
  });
});

describe('no endpoint hands a raw HttpOnly credential to the client', () => {
  it('credential views, steal answers, the copies list, replays and the journal carry no cookie value', async () => {
    const lab = await newLab();
    const answers: unknown[] = [];
    const values: string[] = [];
    for (const [strategy, sub] of [['jwt', ''], ['session', ''], ['jwt-denylist', ''], ['jwt-version', ''], ['iron-stateless', ''], ['jwt-refresh', '/refresh']] as const) {
      const victim = await loginAs(lab, strategy, 'bob');
      for (const c of victim.jar()) {
        values.push(c.value);
        // A JWT's signature is what makes it usable: it must not appear either.
        if (c.value.split('.').length === 3) values.push(c.value.split('.')[2]!);
      }
      answers.push((await victim.get(lab.api(`/${strategy}/credential`))).body);
      if (sub) answers.push((await victim.get(lab.api(`/${strategy}${sub}/credential`))).body);
      const stolen = await victim.post(lab.api(`/${strategy}${sub}/steal`));
      expect(stolen.status).toBe(201);
      answers.push(stolen.body);
      for (const endpoint of sub ? (['me', 'refresh'] as const) : (['me'] as const)) {
        answers.push((await agent().post(lab.api('/replay'), { copyId: stolen.body.copyId, endpoint })).body);
      }
    }
    answers.push((await agent().get(lab.api('/copies'))).body);
    answers.push((await agent().get(lab.api('/journal'))).body);
    const text = JSON.stringify(answers);
    expect(values.length).toBeGreaterThan(8);
    for (const v of values) expect(text, `a value of length ${v.length} leaked`).not.toContain(v);
  });
});
