import { createRng } from '../games/core/rng.js';
import { evaluateSums, METRIC_IDS, resolveMetricId } from './definitions.js';
import type { AgentMatchRecord } from './steps/record.js';
import { STAT_COUNT } from './steps/record.js';
import { percentileInterval } from './stats/intervals.js';
import { DEFAULT_WEIGHTS, type ProcessWeights } from './types.js';

/** Whether a larger value of a metric is better; metrics missing here cannot be gated (e.g. ORR: more is not better). */
export const BETTER: Readonly<Record<string, 'higher' | 'lower'>> = {
  wr: 'higher',
  wrMatch: 'higher',
  csr: 'higher',
  beta: 'higher',
  progress: 'higher',
  firstTry: 'higher',
  meanAdvantage: 'higher',
  processScore: 'higher',
  obr: 'lower',
  obrAll: 'lower',
  harmful: 'lower',
  violationRate: 'lower',
  blunderRate: 'lower',
  tokensPerDecision: 'lower',
  tokensPerMatch: 'lower',
  callsPerDecision: 'lower',
  callsPerMatch: 'lower',
  wallMsPerDecision: 'lower',
  wallMsPerMatch: 'lower',
  usdPerDecision: 'lower',
  usdPerMatch: 'lower',
};

export interface Gate {
  readonly metric: string;
  /** Allowed worsening before a change counts as a regression (in the metric's units). */
  readonly tolerance: number;
}

export interface Verdict {
  readonly metric: string;
  readonly better: 'higher' | 'lower';
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** candidate − baseline, with its 95% paired-bootstrap interval. */
  readonly diff: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly tolerance: number;
  /** Paired matches the comparison used. */
  readonly n: number;
  readonly regression: boolean;
}

export interface RegressionOptions {
  readonly bootstrap?: number;
  readonly seed?: number;
  readonly weights?: ProcessWeights;
}

/** Resolves and checks gate metric names; throws a RangeError naming the gateable metrics. */
export function checkGates(gates: readonly Gate[]): Gate[] {
  return gates.map((g) => {
    const id = resolveMetricId(g.metric);
    if (id === undefined || BETTER[id] === undefined) {
      throw new RangeError(`metric '${g.metric}' cannot be gated; gateable metrics: ${Object.keys(BETTER).join(', ')}`);
    }
    if (!(g.tolerance >= 0)) throw new RangeError(`gate '${g.metric}': tolerance must be >= 0`);
    return { metric: id, tolerance: g.tolerance };
  });
}

/** The summed counts of the given records (all, or the picked indices of a resample). */
export function pooledStats(records: readonly AgentMatchRecord[], picks?: readonly number[]): Float64Array {
  const out = new Float64Array(STAT_COUNT);
  const n = picks ? picks.length : records.length;
  for (let i = 0; i < n; i++) {
    const r = records[picks ? (picks[i] as number) : i] as AgentMatchRecord;
    for (let k = 0; k < STAT_COUNT; k++) out[k] = (out[k] as number) + (r.stats[k] as number);
  }
  return out;
}

/**
 * The regression verdict of METRICS.md: candidate and baseline were played on the same matches (same seeds and
 * opponents); pairs are matched by `matchId`. For each gated metric the paired percentile bootstrap over matches
 * gives a 95% interval of (candidate − baseline); a regression is an interval entirely on the worse side of
 * −tolerance. Pure and seeded.
 */
export function regressionVerdicts(baseline: readonly AgentMatchRecord[], candidate: readonly AgentMatchRecord[], gates: readonly Gate[], options: RegressionOptions = {}): Verdict[] {
  const checked = checkGates(gates);
  const byId = new Map(candidate.map((r) => [r.matchId, r]));
  const base: AgentMatchRecord[] = [];
  const cand: AgentMatchRecord[] = [];
  for (const b of [...baseline].sort((x, y) => (x.matchId < y.matchId ? -1 : x.matchId > y.matchId ? 1 : 0))) {
    const c = byId.get(b.matchId);
    if (c) {
      base.push(b);
      cand.push(c);
    }
  }
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const width = METRIC_IDS.length;
  const values = (records: readonly AgentMatchRecord[], picks?: readonly number[]): Float64Array => {
    const out = new Float64Array(width);
    evaluateSums(pooledStats(records, picks), out, weights);
    return out;
  };
  const pb = values(base);
  const pc = values(cand);
  const B = options.bootstrap ?? 1000;
  const rng = createRng(options.seed ?? 1);
  const diffs = checked.map(() => [] as number[]);
  const cols = checked.map((g) => METRIC_IDS.indexOf(g.metric));
  if (base.length > 0) {
    for (let b = 0; b < B; b++) {
      const picks = Array.from({ length: base.length }, () => rng.int(0, base.length - 1));
      const vb = values(base, picks);
      const vc = values(cand, picks);
      cols.forEach((c, i) => {
        const d = (vc[c] as number) - (vb[c] as number);
        if (!Number.isNaN(d)) diffs[i]?.push(d);
      });
    }
  }
  return checked.map((g, i) => {
    const c = cols[i] as number;
    const better = BETTER[g.metric] as 'higher' | 'lower';
    const bv = pb[c] as number;
    const cv = pc[c] as number;
    const diff = Number.isNaN(bv) || Number.isNaN(cv) ? null : cv - bv;
    const reps = Float64Array.from(diffs[i] ?? []);
    const [lo, hi] = diff === null || reps.length === 0 ? [null, null] : percentileInterval(reps, diff);
    const regression = lo !== null && hi !== null && (better === 'higher' ? hi < -g.tolerance : lo > g.tolerance);
    return { metric: g.metric, better, baseline: Number.isNaN(bv) ? null : bv, candidate: Number.isNaN(cv) ? null : cv, diff, lo, hi, tolerance: g.tolerance, n: base.length, regression };
  });
}
