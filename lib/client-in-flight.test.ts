import { describe, expect, it } from 'vitest';
import { createInFlightCounter } from './client-in-flight';

describe('requests in flight per client', () => {
  it('admits `max` per client, refuses the next of that client only, and frees a place when one ends', () => {
    const counter = createInFlightCounter(2);
    expect(counter.enter('a')).toBe(true);
    expect(counter.enter('a')).toBe(true);
    expect(counter.enter('a')).toBe(false);
    expect(counter.enter('b')).toBe(true);
    counter.leave('a');
    expect(counter.enter('a')).toBe(true);
    counter.leave('a');
    counter.leave('a');
    counter.leave('b');
    expect([counter.count('a'), counter.count('b')]).toEqual([0, 0]);
  });

  it('keeps an entry only for a client with a request open: the table never outgrows the requests open', () => {
    const counter = createInFlightCounter(2);
    for (let i = 0; i < 1000; i++) {
      expect(counter.enter(`client-${i}`)).toBe(true);
      counter.leave(`client-${i}`);
    }
    expect(counter.clients()).toBe(0);
    counter.enter('a');
    counter.enter('a');
    counter.enter('b');
    expect(counter.clients()).toBe(2);
    counter.leave('a');
    expect(counter.clients()).toBe(2);
    counter.leave('a');
    counter.leave('b');
    expect(counter.clients()).toBe(0);
  });
});
