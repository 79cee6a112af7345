import type { ExperimentCell } from '../../../metrics/experiment.js';

/** The experiment's cells as a text table (one row a cell). */
export function experimentTable(cells: readonly ExperimentCell[]): string {
  const head = ['scorer', 'n', 'games', 'W-D-L', 'win rate', '95% Wilson', 'verifier CPU ms/decision', '(this cell)', 'rollouts or inferences/decision', 'ms/decision'];
  const rows = cells.map((c) => [c.scorer, String(c.budget), String(c.games), `${c.wins}-${c.draws}-${c.losses}`, c.winRate.toFixed(3), `[${c.low.toFixed(3)}, ${c.high.toFixed(3)}]`, c.compute.toFixed(4), c.cpuMs.toFixed(4), c.simulations.toFixed(1), c.wallMs.toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
