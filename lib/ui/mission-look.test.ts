import { describe, expect, it } from 'vitest';
import { MISSION_LOOK, histogramBars } from './mission-look';
import { currentMissionOf } from './workshop-dto';

describe('mission looks', () => {
  it('gives every status its own symbol and class', () => {
    const symbols = new Set(Object.values(MISSION_LOOK).map((l) => l.symbol));
    const classes = new Set(Object.values(MISSION_LOOK).map((l) => l.className));
    expect(symbols.size).toBe(3);
    expect(classes.size).toBe(3);
    // Progress is not an attack outcome: it never borrows the danger or cost looks.
    for (const look of Object.values(MISSION_LOOK)) expect(look.className).not.toMatch(/danger|cost/);
  });
});

describe('histogram bars', () => {
  it('scales to the largest count and keeps the options order, zeros included', () => {
    expect(histogramBars(['yes', 'no', 'until-expiry'], { no: 2, yes: 4 })).toEqual([
      { option: 'yes', count: 4, share: 1, percent: 67 },
      { option: 'no', count: 2, share: 0.5, percent: 33 },
      { option: 'until-expiry', count: 0, share: 0, percent: 0 },
    ]);
  });

  it('draws nothing for no answers, and ignores junk counts', () => {
    expect(histogramBars(['a', 'b'], undefined).map((b) => b.share)).toEqual([0, 0]);
    expect(histogramBars(['a'], { a: -3 })[0]!.count).toBe(0);
  });
});

describe('the current mission', () => {
  it('is the first unsolved in path order, null when all are solved', () => {
    const ms = [
      { order: 2, status: 'not-started' as const, id: 'b' },
      { order: 1, status: 'solved' as const, id: 'a' },
      { order: 3, status: 'attempted' as const, id: 'c' },
    ];
    expect(currentMissionOf(ms)?.id).toBe('b');
    expect(currentMissionOf(ms.map((m) => ({ ...m, status: 'solved' as const })))).toBeNull();
  });
});
