'use client';
import { useEffect, useState } from 'react';

/**
 * The lab clock on the page: the server's lab "now" when last fetched, plus
 * the real seconds since. Ticks once a second so countdowns move; the server
 * stays the authority (every verdict comes from a real request).
 */
export function useLabClock(serverNow: number, fetchedAtMs: number): number {
  const [nowMs, setNowMs] = useState(fetchedAtMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNowMs(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [serverNow, fetchedAtMs]);
  return serverNow + Math.max(0, Math.floor((nowMs - fetchedAtMs) / 1000));
}
