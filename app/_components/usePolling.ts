'use client';
import { useEffect } from 'react';

/**
 * Calls `load` now and then every `intervalMs` while `active` and the tab is visible; a hidden tab
 * asks nothing (a room of 100 laptops with the console in a background tab costs the server
 * nothing) and asks at once when it is shown again. The next call is scheduled only after the
 * previous one has settled, so a slow server never has two polls of one screen in flight.
 */
export function usePolling(load: () => Promise<void>, intervalMs: number, active = true): void {
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const tick = async () => {
      timer = null;
      if (document.visibilityState === 'visible') await load();
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && timer) {
        clearTimeout(timer);
        void tick();
      }
    };
    void tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active, load, intervalMs]);
}
