import { describe, expect, it } from 'vitest';
import { formatClockDuration, formatLabTime, lookupsOf, reasonOf } from './format';

describe('formatClockDuration', () => {
  it('shows m:ss under an hour and h:mm:ss above, never negative', () => {
    expect(formatClockDuration(0)).toBe('0:00');
    expect(formatClockDuration(59.9)).toBe('0:59');
    expect(formatClockDuration(15 * 60)).toBe('15:00');
    expect(formatClockDuration(3600 + 62)).toBe('1:01:02');
    expect(formatClockDuration(-5)).toBe('0:00');
  });
});

describe('formatLabTime', () => {
  it('is the UTC clock time of a lab second', () => {
    expect(formatLabTime(Date.UTC(2026, 0, 1, 9, 5, 7) / 1000)).toBe('09:05:07');
  });
});

describe('reasonOf / lookupsOf', () => {
  it('read only well-typed fields', () => {
    expect(reasonOf({ reason: 'expired' })).toBe('expired');
    expect(reasonOf({ reason: 3 })).toBeNull();
    expect(lookupsOf({ lookups: 1 })).toBe(1);
    expect(lookupsOf({})).toBeNull();
  });
});
