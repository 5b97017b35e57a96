import { describe, expect, it } from 'vitest';
import { labNowAt } from './lab-clock';

describe('labNowAt', () => {
  const serverNow = 1_800_000_000; // lab seconds, from the server
  it('is the server lab now at the moment it arrived', () => {
    expect(labNowAt(serverNow, 1234.5, 1234.5)).toBe(serverNow);
  });
  it('adds whole seconds elapsed on the client monotonic clock', () => {
    expect(labNowAt(serverNow, 100, 1099)).toBe(serverNow);
    expect(labNowAt(serverNow, 100, 1100)).toBe(serverNow + 1);
    expect(labNowAt(serverNow, 100, 100 + 61_500)).toBe(serverNow + 61);
  });
  it('does not depend on the wall clock: an hour-ahead or a day-behind laptop shows the same', () => {
    // Only monotonic timestamps go in; the result is the same wherever the wall clock is.
    const mountedAt = 5_000; // performance.now() at mount
    const ticks = [5_000, 6_000, 7_000, 65_000];
    expect(ticks.map((t) => labNowAt(serverNow, mountedAt, t))).toEqual([serverNow, serverNow + 1, serverNow + 2, serverNow + 60]);
  });
  it('never goes backwards past the server value (clock glitches, NaN)', () => {
    expect(labNowAt(serverNow, 5_000, 4_000)).toBe(serverNow);
    expect(labNowAt(serverNow, Number.NaN, 4_000)).toBe(serverNow);
  });
});
