/**
 * Refusals held back for a pause before they are answered (issue 13.1). A
 * client over its share of requests in flight (lib/client-in-flight.ts) is
 * told so only after the second its Retry-After names: a flooding client that
 * retries the moment it is refused would otherwise turn fast refusals into
 * thousands of new connections a second, each parsed on the server's one
 * thread. A held socket costs memory only, and the number held is bounded:
 * beyond `maxHeld`, `hold` says no and the caller closes the socket at once.
 *
 * In process memory on purpose, like the in-flight count: it holds open
 * sockets of this process, which end with it.
 */
export type RefusalHolder = {
  /**
   * Calls `answer` after the pause and returns a `release` to call when the
   * socket closes first (it is safe to call more than once); or returns null
   * when `maxHeld` refusals are already held (close the socket instead).
   */
  hold(answer: () => void): (() => void) | null;
  /** Refusals waiting for their pause to end. */
  held(): number;
};

export function createRefusalHolder(options: { pauseMs: number; maxHeld: number }): RefusalHolder {
  let held = 0;
  return {
    hold(answer) {
      if (held >= options.maxHeld) return null;
      held++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held--;
        clearTimeout(timer);
      };
      const timer = setTimeout(() => {
        release();
        answer();
      }, options.pauseMs);
      return release;
    },
    held: () => held,
  };
}
