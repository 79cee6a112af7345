import { createRng } from '../../games/core/rng.js';
import { evaluateSums, METRIC_IDS } from '../definitions.js';
import { BETTER, pooledStats, regressionVerdicts, type Gate } from '../regression.js';
import type { AgentMatchRecord } from '../steps/record.js';
import { percentileInterval } from '../stats/intervals.js';
import { DEFAULT_WEIGHTS, type ProcessWeights } from '../types.js';

/** One metric of two agents (or one agent in two runs): both values and B − A with its 95% interval. */
export interface ComparisonRow {
  readonly metric: string;
  readonly better: 'higher' | 'lower';
  readonly a: number | null;
  readonly b: number | null;
  readonly diff: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  /** Whether a worsening beyond `tolerance` is certain: the interval lies wholly on the worse side. */
  readonly regression: boolean;
  readonly tolerance: number;
}

export interface Comparison {
  /** `paired`: the matches pair by id (a regression run replays the baseline's seeds): the regression verdict's paired bootstrap. `unpaired`: no match in common, each side resampled on its own. */
  readonly method: 'paired' | 'unpaired';
  /** Paired matches, or the matches of each side. */
  readonly n: number;
  readonly nA: number;
  readonly nB: number;
  readonly rows: readonly ComparisonRow[];
}

/** Every metric the regression verdict can gate, in report order. */
export const COMPARED_METRICS: readonly string[] = METRIC_IDS.filter((id) => BETTER[id] !== undefined);

/**
 * Compares the records of A and B (B − A) on `gates`, with the regression verdict's definitions: the same metric
 * ids, directions and tolerances (metrics/regression.ts). When the two sides share matches (by match id) the
 * comparison is the verdict itself: a paired percentile bootstrap over those matches. Otherwise each side is
 * resampled over its own matches (unpaired bootstrap) and the same regression rule applies. Pure and seeded.
 */
export function compareRecords(a: readonly AgentMatchRecord[], b: readonly AgentMatchRecord[], gates: readonly Gate[], options: { readonly seed?: number; readonly bootstrap?: number; readonly weights?: ProcessWeights } = {}): Comparison {
  const ids = new Set(b.map((r) => r.matchId));
  const shared = a.filter((r) => ids.has(r.matchId)).length;
  if (shared > 0) {
    const verdicts = regressionVerdicts(a, b, gates, options);
    return {
      method: 'paired',
      n: shared,
      nA: a.length,
      nB: b.length,
      rows: verdicts.map((v) => ({ metric: v.metric, better: v.better, a: v.baseline, b: v.candidate, diff: v.diff, lo: v.lo, hi: v.hi, regression: v.regression, tolerance: v.tolerance })),
    };
  }
  const sortById = (list: readonly AgentMatchRecord[]) => [...list].sort((x, y) => (x.matchId < y.matchId ? -1 : x.matchId > y.matchId ? 1 : 0));
  const sa = sortById(a);
  const sb = sortById(b);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const values = (records: readonly AgentMatchRecord[], picks?: readonly number[]): Float64Array => {
    const out = new Float64Array(METRIC_IDS.length);
    evaluateSums(pooledStats(records, picks), out, weights);
    return out;
  };
  const va = values(sa);
  const vb = values(sb);
  const cols = gates.map((g) => METRIC_IDS.indexOf(g.metric));
  const diffs = gates.map(() => [] as number[]);
  const B = options.bootstrap ?? 1000;
  const rng = createRng(options.seed ?? 1);
  if (sa.length > 0 && sb.length > 0) {
    for (let i = 0; i < B; i++) {
      const ra = values(sa, Array.from({ length: sa.length }, () => rng.int(0, sa.length - 1)));
      const rb = values(sb, Array.from({ length: sb.length }, () => rng.int(0, sb.length - 1)));
      cols.forEach((c, j) => {
        const d = (rb[c] as number) - (ra[c] as number);
        if (!Number.isNaN(d)) diffs[j]?.push(d);
      });
    }
  }
  const rows = gates.map((g, j) => {
    const c = cols[j] as number;
    const better = BETTER[g.metric] ?? 'higher';
    const x = va[c] as number;
    const y = vb[c] as number;
    const diff = Number.isNaN(x) || Number.isNaN(y) ? null : y - x;
    const reps = Float64Array.from(diffs[j] ?? []);
    const [lo, hi] = diff === null || reps.length === 0 ? [null, null] : percentileInterval(reps, diff);
    const regression = lo !== null && hi !== null && (better === 'higher' ? hi < -g.tolerance : lo > g.tolerance);
    return { metric: g.metric, better, a: Number.isNaN(x) ? null : x, b: Number.isNaN(y) ? null : y, diff, lo, hi, regression, tolerance: g.tolerance };
  });
  return { method: 'unpaired', n: Math.min(sa.length, sb.length), nA: sa.length, nB: sb.length, rows };
}
