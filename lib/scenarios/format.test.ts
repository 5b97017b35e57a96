import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

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
