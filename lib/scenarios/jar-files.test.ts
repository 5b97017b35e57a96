import { describe, expect, it } from 'vitest';
import { curlLine } from '../curl';
import { copyLineOf, jarFileOf } from './jar-files';

const me = (jar: ReturnType<typeof jarFileOf>) => curlLine({ origin: 'http://lab.test', method: 'GET', path: '/api/labs/x/authjs-jwt/me', jar: jar?.file, jarReadOnly: jar?.readOnly });

describe('the shell lines of a run’s stolen copies', () => {
  it('one copy (every strategy but those that re-issue on read): the attacker plays a browser, as before', () => {
    expect(copyLineOf({ kind: 'copy', seq: 3, phase: 'steal', from: 'victim-laptop', to: 'attacker', username: 'bob', cookieNames: ['jwt'], at: 0 })).toBe('cp victim-laptop.txt attacker.txt');
    expect(me(jarFileOf({ actor: 'attacker', username: 'bob' }))).toBe('curl -i -b attacker.txt -c attacker.txt http://lab.test/api/labs/x/authjs-jwt/me');
  });

  it('two copies: the one as stolen is only read (-b, never -c), the one kept in use has a jar of its own', () => {
    const steal = (copy: 'as-stolen' | 'in-use') => copyLineOf({ kind: 'copy', seq: 3, phase: 'steal', from: 'victim-laptop', to: 'attacker', username: 'bob', cookieNames: ['authjs.session-token'], at: 0, copy });
    expect([steal('as-stolen'), steal('in-use')]).toEqual(['cp victim-laptop.txt attacker.txt', 'cp victim-laptop.txt attacker-in-use.txt']);
    expect(me(jarFileOf({ actor: 'attacker', username: 'bob', copy: 'as-stolen' }))).toBe('curl -i -b attacker.txt http://lab.test/api/labs/x/authjs-jwt/me');
    expect(me(jarFileOf({ actor: 'attacker', username: 'bob', copy: 'in-use' }))).toBe('curl -i -b attacker-in-use.txt -c attacker-in-use.txt http://lab.test/api/labs/x/authjs-jwt/me');
    expect(jarFileOf({ actor: 'operator', username: null })).toBeUndefined();
  });
});
