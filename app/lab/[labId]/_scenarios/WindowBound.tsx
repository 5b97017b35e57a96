'use client';
import { isScenarioId, isStrategyId } from '@/lib/explain/ids';
import { boundingSetting } from '@/lib/explain/mechanism';
import type { ScenarioResult } from '@/lib/scenarios/types';

/** The setting that bounds a window, shown beside it: "works 8 h" alone reads as a verdict on the strategy, not on the setting. */
export function WindowBound({ result }: { result: ScenarioResult }) {
  if (result.verdict !== 'works-until-expiry' || !isScenarioId(result.scenario) || !isStrategyId(result.strategy)) return null;
  const { setting } = boundingSetting(result.scenario, result.strategy);
  return (
    <span className="text-xs mono text-muted" data-testid="window-bound">
      {/* A long setting name breaks at its words (session·Absolute·Seconds), so it never widens a column of the matrix. */}
      {setting.split(/(?=[A-Z])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))}
    </span>
  );
}
