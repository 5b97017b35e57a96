import { describe, expect, it } from 'vitest';
import { createMemoryStore, sqlOf } from '../db/testing';
import { ApiError } from '../http';
import { appendEntry } from '../labs/journal';
import { createWorkshop, joinWorkshop, resetParticipantLab, throttle } from './room';
import { answerPrediction, consoleView, participantView, requireMission, revealPrediction, summaryData } from './views';
import { summaryMarkdown } from './summary';
import { sweepIdleLabs } from '../labs/sweeper';
import { env } from '../env';
import { hashSecret, normaliseJoinCode, secretMatches } from './secrets';

const status = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'ok';
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.reason}` : String(err);
  }
};

describe('the workshop room over a real store', () => {
  it('stores only hashes of the key and cookies, and joins with a lab each', async () => {
    const store = createMemoryStore();
    const { workshop, facilitatorKey } = createWorkshop(store, { title: 'T' });
    expect(workshop.facilitator_key_hash).toBe(hashSecret(facilitatorKey));
    expect(secretMatches(facilitatorKey, workshop.facilitator_key_hash)).toBe(true);
    expect(secretMatches('x'.repeat(43), workshop.facilitator_key_hash)).toBe(false);
    expect(normaliseJoinCode(` ${workshop.join_code.toLowerCase().slice(0, 3)}-${workshop.join_code.slice(3)} `)).toBe(workshop.join_code);
    const a = await joinWorkshop(store, workshop, { client: '10.0.0.1' });
    expect(a.created).toBe(true);
    expect(a.participant.cookie_hash).toBe(hashSecret(a.cookie!));
    expect(a.participant.name).toBe('anonymous 1');
    const again = await joinWorkshop(store, workshop, { client: '10.0.0.1', presentedCookie: a.cookie! });
    expect(again).toMatchObject({ created: false, participant: { id: a.participant.id, lab_id: a.participant.lab_id } });
  });

  it('caps a workshop at its capacity and refuses joins once closed', async () => {
    const store = createMemoryStore();
    const { workshop } = createWorkshop(store, {});
    const small = { ...workshop, capacity: 1 };
    await joinWorkshop(store, small, { client: 'c' });
    expect(await status(joinWorkshop(store, small, { client: 'c' }))).toBe('403 workshop-full');
    store.workshops.close(workshop.id, Date.now());
    expect(await status(joinWorkshop(store, store.workshops.findById(workshop.id)!, { client: 'c' }))).toBe('403 workshop-closed');
  });

  it('two joins racing for the last seat: one gets it, the other is 403 workshop-full and leaves no lab behind', async () => {
    const store = createMemoryStore();
    const { workshop } = createWorkshop(store, {});
    const small = { ...workshop, capacity: 1 };
    const labs = () => sqlOf(store).get<{ n: number }>('SELECT count(*) AS n FROM labs')!.n;
    const before = labs();
    // Both pass the early count (nobody has joined yet) and create their lab before either inserts.
    const outcomes = await Promise.all([status(joinWorkshop(store, small, { client: 'a' })), status(joinWorkshop(store, small, { client: 'b' }))]);
    expect(outcomes.sort()).toEqual(['403 workshop-full', 'ok']);
    expect(store.workshops.participantCount(workshop.id)).toBe(1);
    expect(labs()).toBe(before + 1);
  });

  it('throttles per bucket in a fixed window, with Retry-After', async () => {
    const store = createMemoryStore();
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) throttle(store, 'join:x', 3, 60_000, now + i);
    expect(await status(() => throttle(store, 'join:x', 3, 60_000, now + 10))).toBe('429 throttled');
    expect(await status(() => throttle(store, 'join:y', 3, 60_000, now + 10))).toBe('ok');
    expect(await status(() => throttle(store, 'join:x', 3, 60_000, now + 60_001))).toBe('ok');
  });

  it('hints stop at the last; a prediction is answered once, counted, revealed', async () => {
    const store = createMemoryStore();
    const { workshop } = createWorkshop(store, {});
    const { participant } = await joinWorkshop(store, workshop, { client: 'c' });
    const m = requireMission('ban');
    expect([1, 2, 3, 4].map(() => store.workshops.revealHint(participant.id, m.missionId, m.hintCount))).toEqual([1, 2, 3, 3]);
    answerPrediction(store, participant, m, 'works');
    expect(await status(() => answerPrediction(store, participant, m, 'blocked'))).toBe('409 already-answered');
    expect(await status(() => answerPrediction(store, participant, requireMission('expiry'), 'works'))).toBe('400 invalid-body');
    const before = participantView(store, participant).missions.find((x) => x.missionId === 'ban')!;
    expect(before.prediction).toEqual({ options: ['works', 'blocked'], myAnswer: 'works', revealed: false });
    const view = consoleView(store, workshop, 'http://h');
    expect(view.predictions.ban).toEqual({ options: ['works', 'blocked'], counts: { works: 1, blocked: 0 }, total: 1, revealed: false });
    expect(view.stuck.ban).toBe(1); // three hints, not solved
    expect(revealPrediction(store, workshop, m).revealed).toBe(true);
    expect(participantView(store, participant).missions.find((x) => x.missionId === 'ban')!.prediction).toMatchObject({ counts: { works: 1, blocked: 0 }, measured: null });
    const md = summaryMarkdown(summaryData(store, workshop, false), 'en');
    expect(md).toContain('The operator bans bob');
    expect(md).not.toContain('anonymous');
  });

  it('names are escaped in the Markdown summary: a pipe, emphasis, HTML or a line break cannot break the table or inject markup', async () => {
    const store = createMemoryStore();
    const { workshop } = createWorkshop(store, {});
    const hostile = ['Eve | </td> *bold* _x_ <script>alert(1)</script>', 'line1\n# Heading\r\n| a | b |', 'back\\slash `code` [link](http://x) <img src=x onerror=alert(1)>'];
    for (const [i, name] of hostile.entries()) await joinWorkshop(store, workshop, { client: `c${i}`, name });
    const md = summaryMarkdown(summaryData(store, workshop, true), 'en');
    const lines = md.split('\n');
    const tableRows = lines.filter((l) => l.startsWith('|'));
    // A markup character is inert only behind an odd number of backslashes.
    const unescapedMarkup = /(?<!\\)(?:\\\\)*[*_<>`[\]#]/;
    // One list item per participant, each on one line: a line break in a name starts no heading, row or item.
    const nameLines = lines.slice(lines.findIndex((l) => l.startsWith('## Participants')) + 1).filter((l) => l !== '');
    expect(nameLines).toHaveLength(hostile.length);
    for (const line of nameLines) {
      expect(line.startsWith('- ')).toBe(true);
      expect(line.slice(2), line).not.toMatch(unescapedMarkup);
    }
    expect(lines.filter((l) => /Heading|line1/.test(l))).toEqual([expect.stringMatching(/^- line1 \\# Heading /)]);
    expect(md).not.toMatch(/(?<!\\)<(script|img|\/td)/);
    // The mission table keeps its shape: header, delimiter and one row per mission, each with its seven cell borders.
    expect(tableRows).toHaveLength(2 + summaryData(store, workshop, false).missions.length);
    for (const row of tableRows) expect(row.match(/(?<!\\)\|/g), row).toHaveLength(7);
    // A pipe is escaped once: `\\|` would be an escaped backslash followed by a real cell border.
    expect(md).toContain('- Eve \\| ');
    expect(md).not.toContain('\\\\|');
  });

  it('reset empties the lab in place; the idle sweep takes the workshop with its labs', async () => {
    const store = createMemoryStore();
    const { workshop } = createWorkshop(store, {});
    const { participant } = await joinWorkshop(store, workshop, { client: 'c' });
    const lab = participant.lab_id;
    const before = store.users.listInLab(lab).map((u) => u.id);
    appendEntry(store, { lab_id: lab, actor: null, method: 'GET', path: 'p', strategy: null, status: 200, reason: null, lookups: null, real_at_ms: 1, real_now_seconds: 1, credential_hash: null, username: null, effect_json: null });
    await resetParticipantLab(store, participant);
    const after = store.users.listInLab(lab);
    expect(after.map((u) => u.username)).toEqual(['alice', 'bob', 'carol']);
    expect(after.some((u) => before.includes(u.id))).toBe(false);
    expect(store.journal.clearedThrough(lab)).toBe(1);
    expect(store.workshops.deleteExpired(Date.now() + 1000, 0)).toBe(1);
    expect(store.labs.findById(lab)).toBeUndefined();
  });

  it('the lab sweep deletes an idle workshop and a long-closed one with their labs, and keeps a live one', async () => {
    const store = createMemoryStore();
    const idle = createWorkshop(store, {}, Date.now() - (env.workshopIdleSeconds + 60) * 1000).workshop;
    const closed = createWorkshop(store, {}).workshop;
    const live = createWorkshop(store, {}).workshop;
    const labs = [];
    for (const w of [idle, closed, live]) {
      // Joined while still in use: the idle one is joined before its stamp is set back.
      const fresh = { ...w, last_active_at_ms: Date.now() };
      labs.push((await joinWorkshop(store, fresh, { client: 'c' })).participant.lab_id);
    }
    sqlOf(store).run('UPDATE workshops SET last_active_at_ms = ? WHERE id = ?', Date.now() - (env.workshopIdleSeconds + 60) * 1000, idle.id);
    store.workshops.close(closed.id, Date.now() - (env.workshopClosedRetentionSeconds + 60) * 1000);
    expect(await status(joinWorkshop(store, store.workshops.findById(idle.id)!, { client: 'c' }))).toBe('403 workshop-closed');
    sweepIdleLabs(store, env.labIdleSeconds, true);
    expect([idle, closed, live].map((w) => store.workshops.findById(w.id) !== undefined)).toEqual([false, false, true]);
    expect(labs.map((id) => store.labs.findById(id) !== undefined)).toEqual([false, false, true]);
  });
});
