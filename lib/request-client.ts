import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The client (lib/client-address.ts) of the request being answered, for the
 * shared lines deep below a route that share per client (the password hasher,
 * lib/auth/passwords.ts). Set once per request by apiRoute (lib/http.ts), so
 * no strategy or flow has to pass it along: none of them decides anything by
 * it, only the line does. Outside a request (unit tests, the server's own
 * work) there is no client and the caller picks its own key.
 */
const storage = new AsyncLocalStorage<string>();

export function withRequestClient<T>(client: string, fn: () => T): T {
  return storage.run(client, fn);
}

export function currentRequestClient(): string | undefined {
  return storage.getStore();
}
