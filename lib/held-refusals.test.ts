import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefusalHolder } from './held-refusals';

describe('refusals held for a pause (issue 13.1)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers a refusal only after the pause, not before', () => {
    const holder = createRefusalHolder({ pauseMs: 1000, maxHeld: 10 });
    const answer = vi.fn();
    expect(holder.hold(answer)).not.toBeNull();
    vi.advanceTimersByTime(999);
    expect(answer).not.toHaveBeenCalled();
    expect(holder.held()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(holder.held()).toBe(0);
  });

  it('holds at most maxHeld: beyond, hold says no (the caller closes the socket); a place frees when one is answered or hung up', () => {
    const holder = createRefusalHolder({ pauseMs: 1000, maxHeld: 3 });
    const answers = Array.from({ length: 3 }, () => vi.fn());
    const releases = answers.map((a) => holder.hold(a));
    expect(releases.every((r) => r !== null)).toBe(true);
    expect(holder.held()).toBe(3);
    expect(holder.hold(vi.fn())).toBeNull();
    // A client hanging up frees its place at once, and its answer is never written.
    releases[0]!();
    releases[0]!();
    expect(holder.held()).toBe(2);
    expect(holder.hold(vi.fn())).not.toBeNull();
    expect(holder.hold(vi.fn())).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(answers[0]).not.toHaveBeenCalled();
    expect(answers.slice(1).every((a) => a.mock.calls.length === 1)).toBe(true);
    expect(holder.held()).toBe(0);
    expect(holder.hold(vi.fn())).not.toBeNull();
  });
});
