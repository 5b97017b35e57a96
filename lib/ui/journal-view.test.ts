import { describe, expect, it } from 'vitest';
import { causeOfRefusal, curlOfEntry, isVictimOrOperatorChange, lastAcceptedOf, lookActorOf, mayChangeState, stolenVariable, type JournalEntry } from './journal-view';
import { lookOfAnswer } from './outcome-look';

const LAB = '/api/labs/AAAAAAAAAAAAAAAAAAAAAA';
let seq = 0;
function entry(over: Partial<JournalEntry>): JournalEntry {
  seq += 1;
  return { seq, actor: null, method: 'GET', path: `${LAB}/jwt/me`, strategy: 'jwt', status: 200, reason: null, lookups: 0, labAt: 1000, at: 0, credential: null, username: null, effect: null, ...over };
}

describe('which entries make the panels ask again', () => {
  it('everything but the page’s own reads: re-checks never trigger re-checks', () => {
    expect(mayChangeState({ method: 'GET', actor: 'panel-1' })).toBe(false);
    expect(mayChangeState({ method: 'GET', actor: 'page' })).toBe(false);
    expect(mayChangeState({ method: 'GET', actor: null })).toBe(true);
    expect(mayChangeState({ method: 'GET', actor: 'attacker' })).toBe(true);
    expect(mayChangeState({ method: 'POST', actor: 'panel-2' })).toBe(true);
  });
  it('auto-replay follows victim and operator changes, never the attacker’s own moves', () => {
    expect(isVictimOrOperatorChange({ method: 'POST', actor: 'attacker' })).toBe(false);
    expect(isVictimOrOperatorChange({ method: 'POST', actor: 'operator' })).toBe(true);
    expect(isVictimOrOperatorChange({ method: 'GET', actor: null })).toBe(false);
  });
});

describe('the colour of a timeline row', () => {
  it('the attacker’s 200 is danger, its 401 defended; its tooling and everyone else neutral', () => {
    expect(lookOfAnswer(lookActorOf(entry({ actor: 'attacker' })), 200, null)).toBe('danger');
    expect(lookOfAnswer(lookActorOf(entry({ actor: 'attacker' })), 401, 'revoked')).toBe('defended');
    expect(lookOfAnswer(lookActorOf(entry({ actor: 'attacker', method: 'POST', path: `${LAB}/replay` })), 200, null)).toBe('neutral');
    expect(lookOfAnswer(lookActorOf(entry({ actor: 'attacker', method: 'POST', path: `${LAB}/jwt/steal` })), 201, null)).toBe('neutral');
    expect(lookOfAnswer(lookActorOf(entry({ actor: 'panel-1' })), 401, 'revoked')).toBe('neutral');
    expect(lookOfAnswer(lookActorOf(entry({ actor: null })), 200, null)).toBe('neutral');
  });
});

describe('what ended a refused credential', () => {
  it('names the sign out everywhere for the same user after the last accepted check, and who did it', () => {
    const accepted = entry({ credential: 'abc', username: 'bob', strategy: 'session', path: `${LAB}/session/me` });
    const other = entry({ method: 'POST', effect: { kind: 'logout-all', username: 'carol' } });
    const signOut = entry({ method: 'POST', actor: 'panel-1', strategy: 'jwt-version', effect: { kind: 'logout-all', username: 'bob' } });
    const later = entry({ method: 'POST', actor: 'operator', effect: { kind: 'ban', username: 'bob' } });
    const entries = [accepted, other, signOut, later];
    const since = lastAcceptedOf(entries, 'abc')!;
    expect(since).toBe(accepted);
    expect(causeOfRefusal({ reason: 'unknown-session', username: 'bob', strategy: 'session', sinceSeq: since.seq, expiresAt: null, labNow: 2000, entries })).toEqual({
      kind: 'event',
      event: 'logout-all',
      actor: 'panel-1',
      seq: signOut.seq,
    });
    // The first event ended it (the later ban found it ended); nothing after the last accepted check: the journal does not know.
    expect(causeOfRefusal({ reason: 'unknown-session', username: 'bob', strategy: 'session', sinceSeq: later.seq, expiresAt: null, labNow: 2000, entries })).toBeNull();
  });
  it('an expiry says how long ago on the lab clock; a key rotation ends only signed tokens', () => {
    const rotate = entry({ method: 'POST', actor: 'operator', effect: { kind: 'key-rotation' } });
    expect(causeOfRefusal({ reason: 'expired', username: 'bob', strategy: 'jwt', sinceSeq: 0, expiresAt: 1000, labNow: 1008, entries: [rotate] })).toEqual({ kind: 'expired', agoSeconds: 8 });
    expect(causeOfRefusal({ reason: 'bad-signature', username: 'bob', strategy: 'jwt', sinceSeq: 0, expiresAt: null, labNow: 1008, entries: [rotate] })).toMatchObject({ kind: 'key-rotation', actor: 'operator' });
    expect(causeOfRefusal({ reason: 'unknown-session', username: 'bob', strategy: 'session', sinceSeq: 0, expiresAt: null, labNow: 1008, entries: [rotate] })).toBeNull();
  });
});

describe('curl lines from journal entries', () => {
  it('an attacker’s request names each stolen cookie as a shell variable; a victim’s uses a jar; a login’s password is a variable', () => {
    const attack = entry({ actor: 'attacker', credential: 'abc' });
    expect(curlOfEntry(attack, 'http://localhost:3000', () => ['rl_jwt'])).toBe(`curl -i -b "rl_jwt=${stolenVariable('rl_jwt')}" http://localhost:3000${LAB}/jwt/me`);
    expect(stolenVariable('rl_jwt')).toBe('$STOLEN_RL_JWT');
    const login = entry({ actor: 'panel-1', method: 'POST', path: `${LAB}/jwt/login`, effect: { kind: 'login', username: 'bob' } });
    const line = curlOfEntry(login, 'http://localhost:3000', () => null);
    expect(line).toContain('-b panel-1-jwt.txt -c panel-1-jwt.txt');
    expect(line).toContain('"{\\"username\\":\\"bob\\",\\"password\\":\\"$PASSWORD\\"}"');
    const replay = entry({ actor: 'attacker', method: 'POST', path: `${LAB}/replay`, strategy: 'jwt', effect: { kind: 'replay', copyId: 2, strategy: 'jwt', endpoint: 'me', status: 200, reason: null } });
    expect(curlOfEntry(replay, 'http://h', () => null)).toContain(`--data '{"copyId":2,"endpoint":"me"}'`);
  });
});
