import 'server-only';
import { env } from '../env';
import { openDatabase } from './open';
import { createStore, type Store } from './store';

// One connection per server process. Kept on globalThis so that dev-mode
// hot reloads reuse it instead of opening a new handle on every edit.
const holder = globalThis as unknown as { __revocationLabStore?: Store };

export function getStore(): Store {
  if (!holder.__revocationLabStore) {
    holder.__revocationLabStore = createStore(openDatabase(env.databasePath));
  }
  return holder.__revocationLabStore;
}

export type { Store } from './store';
