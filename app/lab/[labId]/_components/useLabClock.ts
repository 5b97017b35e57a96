'use client';
import { useEffect, useState } from 'react';
import { labNowAt } from '@/lib/ui/lab-clock';

/**
 * The lab clock on the page: the server's lab "now" when last fetched, plus
 * the seconds since, measured on the browser's monotonic clock
 * (`performance.now()`) from when that answer arrived — `receivedAtMs`, or
 * the mount for the server-rendered first state. Never the server's wall
 * clock minus the browser's (a laptop clock ahead or behind would make
 * countdowns jump or freeze). Ticks once a second; the server stays the
 * authority (every verdict comes from a real request).
 */
export function useLabClock(serverNow: number, receivedAtMs: number | null): number {
  const [tick, setTick] = useState<{ serverNow: number; base: number; at: number } | null>(null);
  useEffect(() => {
    const base = receivedAtMs ?? performance.now();
    const timer = window.setInterval(() => setTick({ serverNow, base, at: performance.now() }), 1000);
    return () => window.clearInterval(timer);
  }, [serverNow, receivedAtMs]);
  // A tick from before the latest fetch counts for nothing: show the fresh server value until the next one.
  const current = tick !== null && tick.serverNow === serverNow && (receivedAtMs === null || tick.base === receivedAtMs);
  return current ? labNowAt(serverNow, tick.base, tick.at) : serverNow;
}
