import { AGB_METRICS, type AgbMetricId } from './advgamebench/evaluator.js';
import type { AgbReport } from './advgamebench/profile.js';
import type { MetricsReport } from './compute.js';
import { resolveMetricId } from './definitions.js';
import { correlate, type Correlation } from './stats/correlation.js';

/** A correlation across agents within one scope (a game, or all games via per-agent means over games). */
export interface CorrelationRow extends Correlation {
  readonly scope: string;
  readonly x: string;
  readonly y: string;
}

/** Default profile: across agents, per game and over all games. Unknown metric names throw a RangeError. */
export function correlateDefault(report: MetricsReport, xName: string, yName: string): CorrelationRow[] {
  const x = resolveMetricId(xName);
  const y = resolveMetricId(yName);
  if (x === undefined || y === undefined) throw new RangeError(`unknown metric '${x === undefined ? xName : yName}'`);
  const games = [...new Set(report.games.map((g) => g.game))].sort();
  const rows = games.map((game) => {
    const groups = report.games.filter((g) => g.game === game);
    return { scope: game, x, y, ...correlate(groups.map((g) => g.metrics[x]?.value ?? null), groups.map((g) => g.metrics[y]?.value ?? null)) };
  });
  const agents = report.agents;
  rows.push({ scope: 'all games', x, y, ...correlate(agents.map((a) => a.metrics[x]?.value ?? null), agents.map((a) => a.metrics[y]?.value ?? null)) });
  return rows;
}

/** The paper's names for the evaluator's columns, accepted as aliases. */
const AGB_ALIASES: Readonly<Record<string, AgbMetricId>> = {
  wr: 'win_rate',
  orr: 'correction_rate',
  csr: 'correction_success_rate',
  beta: 'improvement_slope',
  β: 'improvement_slope',
  obr: 'over_budget_ratio',
};

export function resolveAgbMetric(name: string): AgbMetricId | undefined {
  const key = name.trim().toLowerCase();
  return AGB_ALIASES[key] ?? AGB_METRICS.find((m) => m === key);
}

/** advgamebench profile: across models, per game (the evaluator never aggregates over games). */
export function correlateAdvgamebench(report: AgbReport, xName: string, yName: string): CorrelationRow[] {
  const x = resolveAgbMetric(xName);
  const y = resolveAgbMetric(yName);
  if (x === undefined || y === undefined) throw new RangeError(`unknown metric '${x === undefined ? xName : yName}'`);
  const games = [...new Set(report.models.map((m) => m.game))].sort();
  return games.map((game) => {
    const models = report.models.filter((m) => m.game === game);
    return { scope: game, x, y, ...correlate(models.map((m) => m.metrics[x].value), models.map((m) => m.metrics[y].value)) };
  });
}
