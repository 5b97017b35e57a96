/**
 * Requests in flight per client, counted at the socket before Next sees a
 * request (lib/request-target.ts). Every request, refused or not, costs the
 * server's one thread: routing, the proxy, the handler. A client keeping 300
 * requests open at once (issue 13.1's flood) puts 300 of them ahead of every
 * other client's login on that thread, whatever the handlers then refuse.
 * Beyond `max` in flight, a client's request is answered 429 at the socket,
 * in microseconds, so the thread's line holds at most `max` of that client's.
 *
 * In process memory on purpose: it counts open requests of this process,
 * which end with the process; nothing here is a fact to keep.
 */
export type InFlightCounter = {
  /** Counts the request in and returns true, or returns false (refuse it) when the client has `max` open. */
  enter(client: string): boolean;
  leave(client: string): void;
  count(client: string): number;
  /** Clients with a request open: a client's entry goes when its last request ends, so the table is never larger than the requests open. */
  clients(): number;
};

export function createInFlightCounter(max: number): InFlightCounter {
  const open = new Map<string, number>();
  return {
    enter(client) {
      const n = open.get(client) ?? 0;
      if (n >= max) return false;
      open.set(client, n + 1);
      return true;
    },
    leave(client) {
      const n = (open.get(client) ?? 1) - 1;
      if (n <= 0) open.delete(client);
      else open.set(client, n);
    },
    count: (client) => open.get(client) ?? 0,
    clients: () => open.size,
  };
}
