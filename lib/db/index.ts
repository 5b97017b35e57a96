import 'server-only';
import { env } from '../env';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

// One connection per server process. Kept on globalThis so that dev-mode
// hot reloads reuse it instead of opening a new handle on every edit.
const holder = globalThis as unknown as { __revocationLabStore?: Store };

export function getStore(): Store {
  if (!holder.__revocationLabStore) {
    holder.__revocationLabStore = openSqliteStore(env.databasePath);
  }
  return holder.__revocationLabStore;
}

export type { Store, StoreTables, Transaction } from './store';
