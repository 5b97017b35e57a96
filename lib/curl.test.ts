import { describe, expect, it } from 'vitest';
import { curlLine, shellQuote } from './curl';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('http://127.0.0.1:3000/api/labs/x/jwt/me')).toBe('http://127.0.0.1:3000/api/labs/x/jwt/me');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });
});

describe('curlLine', () => {
  it('a GET with the victim cookie jar', () => {
    expect(curlLine({ origin: 'http://h:1/', method: 'GET', path: '/api/labs/L/jwt/me', jar: 'victim-jwt.txt' })).toBe(
      'curl -i -b victim-jwt.txt -c victim-jwt.txt http://h:1/api/labs/L/jwt/me',
    );
  });

  it('a JSON POST', () => {
    expect(curlLine({ origin: 'http://h:1', method: 'post', path: '/api/labs/L/jwt/login', json: { username: 'alice', password: "p'w" } })).toBe(
      `curl -i -X POST -H 'Content-Type: application/json' --data '{"username":"alice","password":"p'\\''w"}' http://h:1/api/labs/L/jwt/login`,
    );
  });

  it('an attacker replay carries the stolen cookie values', () => {
    expect(
      curlLine({ origin: 'http://h:1', method: 'GET', path: '/api/labs/L/session/me', cookies: [{ name: 'rl_session', value: 'abc_DEF-1' }] }),
    ).toBe('curl -i -b rl_session=abc_DEF-1 http://h:1/api/labs/L/session/me');
  });
});
