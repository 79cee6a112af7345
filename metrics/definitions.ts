import { S } from './steps/record.js';
import type { ProcessWeights } from './types.js';

export type Family = 'plan' | 'move';

/**
 * A pooled ratio metric: Σ num / Σ den over an agent's matches in a game (undefined when Σ den = 0), computed
 * over Σ n. `wilson` marks a plain proportion of independent trials (at most one trial per match); every other
 * metric gets a percentile bootstrap over matches.
 */
export interface RatioMetric {
  readonly id: string;
  readonly label: string;
  readonly families: readonly Family[];
  readonly num: number;
  readonly den: number;
  readonly n: number;
  readonly interval: 'bootstrap' | 'wilson';
}

const BOTH: readonly Family[] = ['plan', 'move'];
const PLAN: readonly Family[] = ['plan'];
const MOVE: readonly Family[] = ['move'];

function ratio(id: string, label: string, families: readonly Family[], num: number, den: number, n = den, interval: 'bootstrap' | 'wilson' = 'bootstrap'): RatioMetric {
  return { id, label, families, num, den, n, interval };
}

/** The default profile's metrics (METRICS.md), in report order. The Process Score follows them. */
export const RATIO_METRICS: readonly RatioMetric[] = [
  ratio('wr', 'WR (evaluated rounds)', BOTH, S.evalScore, S.evalN),
  ratio('wrMatch', 'WR (per match)', BOTH, S.matchScore, S.match, S.match, 'wilson'),
  ratio('orr', 'ORR', BOTH, S.revised, S.opp),
  ratio('csr', 'CSR', BOTH, S.success, S.successN),
  ratio('beta', 'β (improvement slope)', BOTH, S.sxy, S.sxx, S.evalN),
  ratio('obr', 'OBR (evaluated rounds)', PLAN, S.evalOver, S.evalBudgetN),
  ratio('obrAll', 'OBR (all submissions)', PLAN, S.subsOver, S.subsBudgetN),
  ratio('truncationRate', 'truncation rate', BOTH, S.truncated, S.calls),
  ratio('harmful', 'harmful revision rate', PLAN, S.harmful, S.deltaN),
  ratio('unforced', 'unforced revision rate', PLAN, S.revisedAfterWin, S.oppAfterWin),
  ratio('progress', 'revision progress', PLAN, S.deltaSum, S.deltaN),
  ratio('violationRate', 'violation rate', BOTH, S.subsViolated, S.subs),
  ratio('firstTry', 'first-try validity', PLAN, S.initialValid, S.initial, S.initial, 'wilson'),
  ratio('meanAdvantage', 'mean advantage per move', MOVE, S.advSum, S.advN),
  ratio('blunderRate', 'blunder rate', MOVE, S.blunders, S.advN),
  ratio('firstBlunderPly', 'first blunder ply (games with one)', MOVE, S.firstBlunderPly, S.blunderGames),
  ratio('tokensPerDecision', 'tokens / decision', BOTH, S.tokens, S.decisions),
  ratio('tokensPerMatch', 'tokens / match', BOTH, S.tokens, S.match),
  ratio('callsPerDecision', 'calls / decision', BOTH, S.calls, S.decisions),
  ratio('callsPerMatch', 'calls / match', BOTH, S.calls, S.match),
  ratio('wallMsPerDecision', 'wall ms / decision', BOTH, S.wallMs, S.decisions),
  ratio('wallMsPerMatch', 'wall ms / match', BOTH, S.wallMs, S.match),
  ratio('usdPerDecision', 'price USD / decision', BOTH, S.usd, S.decisions),
  ratio('usdPerMatch', 'price USD / match', BOTH, S.usd, S.match),
];

export const PROCESS_SCORE = { id: 'processScore', label: 'Process Score' } as const;

/** Every metric id in report order. */
export const METRIC_IDS: readonly string[] = [...RATIO_METRICS.map((m) => m.id), PROCESS_SCORE.id];

const index = (id: string): number => RATIO_METRICS.findIndex((m) => m.id === id);
const WR = index('wr');
const CSR = index('csr');
const OBR = index('obr');
const BETA = index('beta');

/**
 * Process Score (ours; METRICS.md "Composite"): the weighted mean of WR, CSR, 1 − OBR and
 * (1 + clamp(β·(n − 1), −1, 1)) / 2, with n the mean number of evaluated rounds per match. Undefined when a
 * component with a non-zero weight is undefined (e.g. CSR for an agent that never revised: set its weight to 0
 * to score such agents).
 */
export function processScore(values: ArrayLike<number>, evalPerMatch: number, weights: ProcessWeights): number {
  const beta = values[BETA] as number;
  const parts: [number, number][] = [
    [weights.wr, values[WR] as number],
    [weights.csr, values[CSR] as number],
    [weights.obr, 1 - (values[OBR] as number)],
    [weights.beta, (1 + Math.max(-1, Math.min(1, beta * (evalPerMatch - 1)))) / 2],
  ];
  let sum = 0;
  let total = 0;
  for (const [w, v] of parts) {
    if (w === 0) continue;
    if (Number.isNaN(v)) return NaN;
    sum += w * v;
    total += w;
  }
  return total > 0 ? sum / total : NaN;
}

/** Fills `out` with every metric value (ratio metrics, then the Process Score) from summed statistics; NaN = undefined. */
export function evaluateSums(sums: ArrayLike<number>, out: Float64Array, weights: ProcessWeights): void {
  for (let j = 0; j < RATIO_METRICS.length; j++) {
    const m = RATIO_METRICS[j] as RatioMetric;
    const den = sums[m.den] as number;
    out[j] = den > 0 ? (sums[m.num] as number) / den : NaN;
  }
  const matches = sums[S.match] as number;
  out[RATIO_METRICS.length] = processScore(out, matches > 0 ? (sums[S.evalN] as number) / matches : NaN, weights);
}

/** Metric ids and labels accepted on the command line (case-insensitive): ids, labels' first word, `beta`. */
export function resolveMetricId(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (key === 'ps' || key === 'processscore' || key === 'process score') return PROCESS_SCORE.id;
  const aliases: Record<string, string> = { β: 'beta', slope: 'beta' };
  const target = aliases[key] ?? key;
  return RATIO_METRICS.find((m) => m.id.toLowerCase() === target || m.label.toLowerCase() === target)?.id;
}
