import { describe, expect, it } from 'vitest';
import { cookiesAfter } from './replay';

const owned = ['rl_access', 'rl_refresh'];
const sent = [
  { name: 'rl_access', value: 'old-access' },
  { name: 'rl_refresh', value: 'old-refresh' },
];

describe('cookiesAfter (what the attacker holds after a replay)', () => {
  it('applies the rotated values the inner answer set', () => {
    const lines = ['rl_access=new-access; Path=/api/labs/x/jwt-refresh; HttpOnly; SameSite=Lax', 'rl_refresh=new-refresh; Path=/api/labs/x/jwt-refresh/refresh; HttpOnly'];
    expect(cookiesAfter(sent, lines, owned)).toEqual([
      { name: 'rl_access', value: 'new-access' },
      { name: 'rl_refresh', value: 'new-refresh' },
    ]);
  });
  it('keeps the stolen bytes when the answer deletes them, and ignores cookies the strategy does not own', () => {
    const lines = ['rl_access=; Path=/; Max-Age=0', 'rl_refresh=x; Max-Age=0', 'lang=ja; Path=/', 'rl_access=bad value; Path=/'];
    expect(cookiesAfter(sent, lines, owned)).toEqual(sent);
  });
  it('changes nothing without Set-Cookie', () => {
    expect(cookiesAfter(sent, [], owned)).toEqual(sent);
  });
});
