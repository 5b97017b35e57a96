import { describe, expect, it } from 'vitest';
import { measureWindow, nextProbeTarget, type ProbeOutcome } from './window';

/** A fake server on a forward-only clock: records every probe so the tests can check the clock never goes back. */
function fakeServer(answer: (at: number) => ProbeOutcome) {
  const probed: number[] = [];
  return {
    probed,
    probeAt: async (at: number) => {
      if (probed.length && at <= probed[probed.length - 1]!) throw new Error(`clock moved back: ${at}`);
      probed.push(at);
      return answer(at);
    },
  };
}

const T0 = 1_000_000;

describe('nextProbeTarget', () => {
  it('probes the last working second first, then the claimed expiry', () => {
    expect(nextProbeTarget(T0, T0 + 900, 1)).toEqual({ at: T0 + 899, trustsClaim: true });
    expect(nextProbeTarget(T0 + 899, T0 + 900, 1)).toEqual({ at: T0 + 900, trustsClaim: true });
  });
  it('falls back to a step when there is no claim or it lies in the past', () => {
    expect(nextProbeTarget(T0, null, 4)).toEqual({ at: T0 + 4, trustsClaim: false });
    expect(nextProbeTarget(T0, T0, 8)).toEqual({ at: T0 + 8, trustsClaim: false });
  });
});

describe('measureWindow', () => {
  it('measures a fixed expiry exactly in two probes', async () => {
    const exp = T0 + 900;
    const server = fakeServer((at) => ({ works: at < exp, expiresAt: exp }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: exp, probeAt: server.probeAt, horizonSeconds: 10_000 });
    expect(m).toMatchObject({ windowSeconds: 900, exact: true, lastWorkingSeconds: 899, probes: 2, slides: 0, stoppedBy: 'refused' });
    expect(server.probed).toEqual([T0 + 899, T0 + 900]);
  });

  it('follows a credential that slides forward on use (idle timeout) up to its absolute limit', async () => {
    const idle = 1800;
    const absolute = T0 + 8 * 3600;
    let lastSeen = T0;
    const server = fakeServer((at) => {
      if (at >= absolute || at >= lastSeen + idle) return { works: false, expiresAt: null };
      lastSeen = at;
      return { works: true, expiresAt: Math.min(absolute, at + idle) };
    });
    const m = await measureWindow({ revokedAt: T0, firstClaim: T0 + idle, probeAt: server.probeAt, horizonSeconds: 100_000 });
    expect(m.windowSeconds).toBe(8 * 3600);
    expect(m.exact).toBe(true);
    expect(m.slides).toBeGreaterThan(10);
    expect(m.probes).toBeLessThan(40);
  });

  it('does not trust a claim the server contradicts: refused earlier than claimed gives a bound, not an exact figure', async () => {
    const realExp = T0 + 300;
    const server = fakeServer((at) => ({ works: at < realExp, expiresAt: T0 + 900 }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: T0 + 900, probeAt: server.probeAt, horizonSeconds: 10_000 });
    expect(m.exact).toBe(false);
    expect(m.windowSeconds).toBe(899);
    expect(m.lastWorkingSeconds).toBe(0);
  });

  it('falls back to doubling steps when the copy still works at the claimed expiry', async () => {
    const realExp = T0 + 1000;
    const server = fakeServer((at) => ({ works: at < realExp, expiresAt: at < realExp ? T0 + 900 : null }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: T0 + 900, probeAt: server.probeAt, horizonSeconds: 10_000 });
    expect(m.stoppedBy).toBe('refused');
    expect(m.lastWorkingSeconds).toBeLessThan(1000);
    expect(m.firstRefusedSeconds!).toBeGreaterThanOrEqual(1000);
    expect(m.exact).toBe(m.firstRefusedSeconds === 1000);
  });

  it('with no claim at all, doubles from one second', async () => {
    const server = fakeServer((at) => ({ works: at < T0 + 5, expiresAt: null }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: null, probeAt: server.probeAt, horizonSeconds: 10_000 });
    expect(server.probed).toEqual([T0 + 1, T0 + 3, T0 + 7]);
    expect(m).toMatchObject({ windowSeconds: 7, exact: false, lastWorkingSeconds: 3 });
  });

  it('stops at the horizon when the copy never stops working (a refresh that slides forever)', async () => {
    const server = fakeServer((at) => ({ works: true, expiresAt: at + 300 }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: T0 + 300, probeAt: server.probeAt, horizonSeconds: 3600 });
    expect(m.stoppedBy).toBe('horizon');
    expect(m.windowSeconds).toBeNull();
    expect(m.lastWorkingSeconds).toBeGreaterThan(3000);
  });

  it('stops when the probe budget runs out', async () => {
    const server = fakeServer((at) => ({ works: true, expiresAt: at + 2 }));
    const m = await measureWindow({ revokedAt: T0, firstClaim: T0 + 2, probeAt: server.probeAt, horizonSeconds: 1e9, maxProbes: 10 });
    expect(m).toMatchObject({ stoppedBy: 'probe-budget', windowSeconds: null, probes: 10 });
  });

  it('goes on from where the clock stands (startAt), counting the slides already seen, never probing the past', async () => {
    // A copy kept in use: re-issued for 100 s on each use; the clock already stands 250 s after the revoking action.
    // Its last claim is already behind the clock: the search steps forward from startAt, not from the revoking action.
    const server = fakeServer((at) => ({ works: at < T0 + 400, expiresAt: Math.min(at + 100, T0 + 400) }));
    await server.probeAt(T0 + 250);
    const m = await measureWindow({ revokedAt: T0, startAt: T0 + 250, firstClaim: T0 + 240, slidesSoFar: 2, probeAt: server.probeAt, horizonSeconds: 10_000 });
    expect(server.probed[1]).toBe(T0 + 251);
    expect(m).toMatchObject({ windowSeconds: 400, exact: true, lastWorkingSeconds: 399, stoppedBy: 'refused' });
    expect(m.slides).toBeGreaterThan(2);
  });
});
