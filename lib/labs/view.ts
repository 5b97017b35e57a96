import 'server-only';
import type { Store } from '../db/store';
import { isRefreshable, strategies, strategyIds } from '../auth/registry';
import { presets, presetView, refusedPresets } from '../presets/registry';
import type { Lab } from './lab';
import { userView } from './operator';

/** The lab's public state (GET /api/labs/{labId}): a DTO, never raw rows with hashes or keys. */
export function labView(store: Store, lab: Lab, scenarioIds: readonly string[]) {
  return {
    labId: lab.id,
    now: lab.now(),
    clockOffsetSeconds: lab.clockOffsetSeconds,
    settings: lab.settings,
    jwt: { alg: lab.jwtKey.alg, kid: lab.jwtKey.kid, keyGeneration: lab.keyGeneration },
    users: store.users.listInLab(lab.id).map(userView),
    strategies: strategyIds,
    /** Added alongside `strategies` (still a list of ids): those that have a `refresh` method (POST …/{id}/refresh). */
    refreshableStrategies: [...strategies, ...presets.map((p) => p.runnable)].filter(isRefreshable).map((s) => s.id),
    scenarios: scenarioIds,
    /** Library presets (lib/presets): each a strategy with its own settings and sources, addressed like a strategy (…/{labId}/{presetId}/me). */
    presets: presets.map(presetView),
    /** Presets whose settings fell outside the allowed ranges when loaded (never clamped): listed, never run. */
    refusedPresets,
    /** When the lab's last matrix run finished (ms, real time), null when it never ran: GET …/matrix has it. */
    lastMatrixRunAt: store.matrixRuns.lastFinishedAt(lab.id),
  };
}
