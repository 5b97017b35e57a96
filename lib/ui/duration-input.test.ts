import { describe, expect, it } from 'vitest';
import { splitDuration, toSeconds } from './duration-input';

describe('durations as a person enters them', () => {
  it('shows a value in the largest unit that is exact', () => {
    expect(splitDuration(900)).toEqual({ amount: 15, unit: 'minutes' });
    expect(splitDuration(8 * 3600)).toEqual({ amount: 8, unit: 'hours' });
    expect(splitDuration(86_400)).toEqual({ amount: 1, unit: 'days' });
    expect(splitDuration(90)).toEqual({ amount: 90, unit: 'seconds' });
  });

  it('reads an amount in a unit as seconds, refusing what is not a whole number of seconds', () => {
    expect(toSeconds('15', 'minutes')).toBe(900);
    expect(toSeconds(' 0.5 ', 'minutes')).toBe(30);
    expect(toSeconds('2', 'days')).toBe(172_800);
    expect(toSeconds('0.001', 'minutes')).toBeNull();
    expect(toSeconds('', 'seconds')).toBeNull();
    expect(toSeconds('-5', 'seconds')).toBeNull();
    expect(toSeconds('1e3', 'seconds')).toBeNull();
  });
});
