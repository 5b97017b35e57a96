import type { MatrixReport } from './matrix';
import type { ScenarioResult } from './types';

/**
 * The matrix as a table — scenario rows, strategy columns, and a cost per
 * strategy — built once, for every place that shows it: the Markdown report
 * (lib/scenarios/report.ts), the matrix page, its printed version. Pure, no
 * server imports (the page imports it).
 */
export type MatrixCell = { strategy: string; result: ScenarioResult | null };
export type MatrixRow = { scenario: string; cells: MatrixCell[] };
export type StrategyCost = { strategy: string; perRequest: number | null; perRefresh: number | null; cookieBytes: number | null };

type MatrixLike = Pick<MatrixReport, 'scenarios' | 'strategies' | 'results'>;

export function matrixRows(matrix: MatrixLike): MatrixRow[] {
  const byCell = new Map(matrix.results.map((r) => [`${r.scenario}|${r.strategy}`, r]));
  return matrix.scenarios.map((scenario) => ({
    scenario,
    cells: matrix.strategies.map((strategy) => ({ strategy, result: byCell.get(`${scenario}|${strategy}`) ?? null })),
  }));
}

/** The cell of one scenario × strategy, or null when the run has none. */
export function matrixCell(matrix: Pick<MatrixReport, 'results'>, scenario: string, strategy: string): ScenarioResult | null {
  return matrix.results.find((r) => r.scenario === scenario && r.strategy === strategy) ?? null;
}

/**
 * What each strategy cost per authenticated request and per refresh, and its
 * cookie's size, from the runs that measured something (a verdict of
 * blocked or works; not-applicable and error runs measured nothing).
 */
export function strategyCosts(matrix: MatrixLike): StrategyCost[] {
  return matrix.strategies.map((strategy) => {
    const runs = matrix.results.filter((r) => r.strategy === strategy && (r.verdict === 'blocked' || r.verdict === 'works-until-expiry'));
    return {
      strategy,
      perRequest: runs[0]?.lookups.perRequest ?? null,
      perRefresh: runs.map((r) => r.lookups.perRefresh).find((v) => v !== null) ?? null,
      cookieBytes: runs[0]?.cookieBytes ?? null,
    };
  });
}
