import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationAtLeast } from './format';

describe('formatDuration', () => {
  it('names units', () => {
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(28800)).toBe('8 h');
    expect(formatDuration(3725)).toBe('1 h 2 min 5 s');
    expect(formatDuration(2 * 86400 + 1)).toBe('2 d 1 s');
    expect(formatDuration(0)).toBe('0 s');
  });
});

describe('formatDuration in Japanese', () => {
  it('names units in Japanese', () => {
    expect(formatDuration(900, 'ja')).toBe('15 分');
    expect(formatDuration(28800, 'ja')).toBe('8 時間');
    expect(formatDuration(3725, 'ja')).toBe('1 時間 2 分 5 秒');
    expect(formatDuration(2 * 86400 + 1, 'ja')).toBe('2 日 1 秒');
    expect(formatDuration(0, 'ja')).toBe('0 秒');
  });
});

describe('formatDurationAtLeast', () => {
  it('keeps the two largest units, rounded down (a lower bound stays true)', () => {
    expect(formatDurationAtLeast(60 * 86400 - 1)).toBe('59 d 23 h');
    expect(formatDurationAtLeast(60 * 86400)).toBe('60 d');
    expect(formatDurationAtLeast(3725)).toBe('1 h 2 min');
    expect(formatDurationAtLeast(59)).toBe('59 s');
    expect(formatDurationAtLeast(0)).toBe('0 s');
    expect(formatDurationAtLeast(60 * 86400 - 1, 'ja')).toBe('59 日 23 時間');
  });
});
