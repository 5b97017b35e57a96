import { findStrategy, strategies as labStrategies } from '../auth/registry';
import { authjsJwtStrategy } from '../auth/strategies/authjs-jwt';
import { firebaseIdTokenStrategy } from '../auth/strategies/firebase-id-token';
import { ironStatelessStrategy } from '../auth/strategies/iron-stateless';
import { jwtRefreshStrategy } from '../auth/strategies/jwt-refresh';
import { jwtStrategy } from '../auth/strategies/jwt';
import { sessionCachedStrategy } from '../auth/strategies/session-cached';
import type { AuthContext, LabContext, Strategy } from '../auth/types';
import type { PresetId } from '../ids';
import { defaultSettings, labSettingsSchema, type LabSettings } from '../labs/settings';
import { presetDefinitions, type PresetDefinition, type PresetSource } from './definitions';

/** A preset whose settings passed the lab's own schema: runnable, as a Strategy of its own. */
export type Preset = PresetDefinition & { settings: LabSettings; runnable: Strategy };

/** A preset refused at load: a number outside the lab's allowed range is never clamped. */
export type RefusedPreset = { id: string; reason: 'preset-out-of-range'; detail: string };

function baseStrategyOf(def: PresetDefinition): Strategy {
  switch (def.strategy) {
    case 'authjs-jwt':
      return authjsJwtStrategy;
    case 'jwt':
      return jwtStrategy;
    case 'iron-stateless':
      return ironStatelessStrategy;
    case 'session-cached':
      return sessionCachedStrategy;
    case 'jwt-refresh':
      return jwtRefreshStrategy;
    case 'firebase-id-token':
      return firebaseIdTokenStrategy({ id: 'firebase-id-token', checkRevoked: def.strategyOptions?.checkRevoked ?? false });
  }
}

/**
 * A strategy run with a preset's settings instead of the lab's, and with the
 * preset's id as its credential scope (audience, hash domain): its cookies
 * live on the preset's own path, and a preset's credential is never accepted
 * by the strategy it is built on, nor the other way round. Everything else —
 * the store, the lab clock, the lab's keys — is the lab's.
 */
export function asPreset(id: PresetId, settings: LabSettings, base: Strategy): Strategy {
  const scoped = <C extends LabContext>(ctx: C): C => ({ ...ctx, lab: { ...ctx.lab, settings }, credentialScope: id });
  return {
    id,
    cookieNames: base.cookieNames,
    cookieSubPaths: base.cookieSubPaths,
    usesLabJwtKey: base.usesLabJwtKey,
    ...(base.reissuesOnRead ? { reissuesOnRead: true } : {}),
    record: (tx, ctx, user) => base.record(tx, scoped(ctx), user),
    mint: (ctx, user, recorded) => base.mint(scoped(ctx), user, recorded),
    verify: (ctx, jar) => base.verify(scoped(ctx), jar),
    ...(base.refresh ? { refresh: (ctx: AuthContext, jar: Parameters<NonNullable<Strategy['refresh']>>[1]) => base.refresh!(scoped(ctx), jar) } : {}),
    ...(base.inspectServerRecord
      ? { inspectServerRecord: (ctx: AuthContext, jar: Parameters<NonNullable<Strategy['inspectServerRecord']>>[1]) => base.inspectServerRecord!(scoped(ctx), jar) }
      : {}),
    logout: (ctx, jar, verification) => base.logout(scoped(ctx), jar, verification),
    onUserEvent: (tx, ctx, user, event, presented) => base.onUserEvent(tx, scoped(ctx), user, event, presented),
  };
}

/** The settings a definition names, over the lab's defaults for the settings its strategy does not read. */
export function settingsOf(def: PresetDefinition): Record<string, unknown> {
  const named = Object.fromEntries(Object.entries(def.numbers).map(([key, n]) => [key, n!.value]));
  return { ...defaultSettings, ...named };
}

/**
 * Checks each definition against the lab's schema. One outside the allowed
 * ranges is refused — listed with the reason, never run, never clamped into range.
 */
export function loadPresets(defs: readonly PresetDefinition[]): { presets: Preset[]; refused: RefusedPreset[] } {
  const presets: Preset[] = [];
  const refused: RefusedPreset[] = [];
  for (const def of defs) {
    const parsed = labSettingsSchema.safeParse(settingsOf(def));
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      refused.push({ id: def.id, reason: 'preset-out-of-range', detail });
      continue;
    }
    presets.push({ ...def, settings: parsed.data, runnable: asPreset(def.id, parsed.data, baseStrategyOf(def)) });
  }
  return { presets, refused };
}

const loaded = loadPresets(presetDefinitions);
for (const r of loaded.refused) console.error(`preset ${r.id} refused: ${r.detail}`);

export const presets: readonly Preset[] = loaded.presets;
export const refusedPresets: readonly RefusedPreset[] = loaded.refused;

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}

/** A lab strategy or a runnable preset, by the id its API paths use. */
export function findStrategyOrPreset(id: string): Strategy | undefined {
  return findStrategy(id) ?? findPreset(id)?.runnable;
}

/** Strategies that exist only for presets: user events must reach them too (the lab's own strategies hear every event already). */
export const presetOnlyStrategies: readonly Strategy[] = presets
  .filter((p) => !labStrategies.some((s) => s.id === p.strategy))
  .map((p) => p.runnable);

/** What GET /api/labs/{labId} and the reports say about a preset. */
export type PresetView = {
  id: string;
  strategy: string;
  strategyOptions: { checkRevoked: boolean } | null;
  explainAs: PresetDefinition['explainAs'] | null;
  settings: Partial<LabSettings>;
  numbers: PresetDefinition['numbers'];
  source: PresetSource;
};

export function presetView(p: Preset): PresetView {
  const settings = Object.fromEntries(Object.keys(p.numbers).map((k) => [k, p.settings[k as keyof LabSettings]])) as Partial<LabSettings>;
  return { id: p.id, strategy: p.strategy, strategyOptions: p.strategyOptions ?? null, explainAs: p.explainAs ?? null, settings, numbers: p.numbers, source: p.source };
}
