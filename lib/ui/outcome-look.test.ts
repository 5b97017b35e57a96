import { describe, expect, it } from 'vitest';
import { lookOfAnswer, lookOfVerdict, LOOK_STYLE, LOOKS } from './outcome-look';

describe('the colour language', () => {
  it('draws the attacker getting in as danger and the attacker refused as defended', () => {
    expect(lookOfAnswer('attacker', 200, null)).toBe('danger');
    expect(lookOfAnswer('attacker', 401, 'revoked')).toBe('defended');
    expect(lookOfAnswer('attacker', 403, 'not-admin')).toBe('defended');
    expect(lookOfAnswer('attacker', 503, 'server-busy')).toBe('error');
  });
  it('never colours a victim or operator answer as a win or a loss', () => {
    expect(lookOfAnswer('victim', 200, null)).toBe('neutral');
    expect(lookOfAnswer('victim', 401, 'revoked')).toBe('neutral');
    expect(lookOfAnswer('operator', 200, null)).toBe('neutral');
  });
  it('counts a bystander logged out as collateral', () => {
    expect(lookOfAnswer('bystander', 401, 'bad-signature')).toBe('cost');
    expect(lookOfAnswer('bystander', 200, null)).toBe('neutral');
  });
  it('maps verdicts onto the same looks', () => {
    expect(lookOfVerdict('works-until-expiry')).toBe('danger');
    expect(lookOfVerdict('blocked')).toBe('defended');
    expect(lookOfVerdict('not-applicable')).toBeNull();
    expect(lookOfVerdict('something-new')).toBe('error');
  });
  it('gives every look a symbol and its own class', () => {
    const classes = new Set(LOOKS.map((l) => LOOK_STYLE[l].className));
    expect(classes.size).toBe(LOOKS.length);
    for (const l of LOOKS) expect(LOOK_STYLE[l].symbol.length).toBeGreaterThan(0);
  });
});
