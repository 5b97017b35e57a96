import { describe, expect, it } from 'vitest';
import { frozenLab } from '@/tests/support/frozen-lab';
import { strategies } from '@/lib/auth/registry';
import { failureReasons } from '@/lib/auth/reasons';
import { issueCredentials } from '@/lib/auth/issue';

/** Whatever a browser, a proxy or an attacker puts in a cookie, verify answers with a reason. */
const junk = [
  '',
  ' ',
  'a',
  'a.b',
  'a.b.c',
  '..',
  '\u0000\u0001',
  '%00%ff',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
  'eyJhbGciOiJIUzI1NiJ9.' + 'A'.repeat(40) + '.' + 'B'.repeat(43),
  'Fe26.2*1*' + 'a'.repeat(64) + '*' + 'B'.repeat(22) + '*C**' + 'd'.repeat(64) + '*' + 'E'.repeat(43) + '~2',
  'Fe26.2*1*x*y*z**w*v~2',
  '日本語のクッキー',
  'x'.repeat(100_000),
  '{"user":"admin"}',
];

describe('every strategy: junk, truncated and oversized credentials are refused as values, never thrown', () => {
  for (const strategy of strategies) {
    it(strategy.id, async () => {
      const lab = await frozenLab();
      const genuine = await issueCredentials(lab.ctx(), strategy, lab.users.bob);
      const truncated = genuine.map((w) => w.value.slice(0, Math.floor(w.value.length / 2)));
      for (const name of strategy.cookieNames) {
        for (const value of [...junk, ...truncated]) {
          const jar = new Map([[name, value]]);
          const v = await strategy.verify(lab.ctx(), jar);
          expect(v.ok, `${strategy.id} accepted ${name}=${value.slice(0, 40)}`).toBe(false);
          if (!v.ok) expect(failureReasons).toContain(v.reason);
          if (strategy.refresh) {
            const r = await strategy.refresh(lab.ctx(), jar);
            expect(r.ok).toBe(false);
          }
        }
      }
    });
  }
});
