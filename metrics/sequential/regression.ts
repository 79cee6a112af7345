import { RATIO_METRICS } from '../definitions.js';
import { BETTER, checkGates, type Gate } from '../regression.js';
import type { AgentMatchRecord } from '../steps/record.js';
import { confidenceSequence } from './confidence-sequence.js';

/**
 * The sequential rule of `arena regress --sequential`: after each batch of matches, every gate gets an
 * anytime-valid interval for (candidate − baseline), so the run may stop as soon as the verdict is decided and
 * peeking after every batch does not inflate the error rate.
 *
 * Every gated metric is a ratio of pooled counts, Σ num / Σ den over matches (CSR: successful revisions per
 * revision; WR: points per evaluated round; blunder rate: blunders per annotated move). For the metrics below each
 * unit counted in `den` contributes a value in a known range [lo, hi] to `num` (a revision succeeds or not: 0 or 1;
 * an evaluated round scores 0, ½ or 1; a move's advantage lies in [−1, 1]). Read unit by unit in play order, the
 * centred sum Σ (x_j − E[x_j | past]) is a martingale with increments in a range of width hi − lo, so the
 * normal-mixture boundary (confidence-sequence.ts, rescaled to [lo, hi]) gives a confidence sequence for the pooled
 * rate, time-uniformly over units and so at every batch end, whatever the dependence between the units of one
 * match. Its target is the average over the units so far of their conditional expected values: the metric's rate
 * for the matches played. The baseline's units are read in the same match order (fixed before anything is
 * played), so its rate over the same matches gets one too.
 *
 * A ratio of two random counts has no bounded per-match increment, and a difference of two such ratios has none
 * either, so neither is given a delta-method interval here. Instead each side gets its own confidence sequence at
 * level α/2 and the union bound gives the difference: [c.lo − b.hi, c.hi − b.lo] holds at every batch with
 * probability ≥ 1 − α (per gate, like the fixed-sample verdict's 95% interval per gate).
 *
 * Decisions, per gate (tolerance τ ≥ 0; for lower-is-better metrics mirror the signs): a regression once the
 * whole interval lies below −τ; passed once it lies wholly above −τ (the candidate is shown to be no worse than
 * the tolerance); undecided otherwise. The run stops when the verdict is decided: some gate is a regression, or
 * every gate has passed. If the baseline's matches run out first, undecided gates count as no regression found.
 */

/** Per-unit value ranges of the metrics with a sequential rule. Others (β, revision progress, the Process Score,
 * resources) have no known per-unit bound, so they can be gated only by the fixed-sample verdict. */
export const SEQUENTIAL_UNIT_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  wr: [0, 1],
  wrMatch: [0, 1],
  csr: [0, 1],
  obr: [0, 1],
  obrAll: [0, 1],
  harmful: [0, 1],
  violationRate: [0, 1],
  firstTry: [0, 1],
  blunderRate: [0, 1],
  meanAdvantage: [-1, 1],
};

/** Resolves the gates and checks each has a sequential rule; throws a RangeError naming the ones that do. */
export function checkSequentialGates(gates: readonly Gate[]): Gate[] {
  const checked = checkGates(gates);
  for (const g of checked) {
    if (!SEQUENTIAL_UNIT_RANGE[g.metric]) {
      throw new RangeError(`metric '${g.metric}' has no sequential rule (its per-unit values have no known bound); sequential gates: ${Object.keys(SEQUENTIAL_UNIT_RANGE).join(', ')}`);
    }
  }
  return checked;
}

export interface RateInterval {
  /** Units counted (Σ den) and the pooled rate (null without units). */
  readonly n: number;
  readonly value: number | null;
  readonly lo: number;
  readonly hi: number;
}

export type GateDecision = 'regression' | 'passed' | 'undecided';

export interface SequentialGate {
  readonly metric: string;
  readonly better: 'higher' | 'lower';
  readonly tolerance: number;
  readonly baseline: RateInterval;
  readonly candidate: RateInterval;
  /** candidate − baseline (null while either is undefined) and its anytime-valid interval. */
  readonly diff: number | null;
  readonly lo: number;
  readonly hi: number;
  readonly decision: GateDecision;
  /** Matches compared. */
  readonly n: number;
}

export interface SequentialCheck {
  readonly gates: readonly SequentialGate[];
  /** The verdict cannot change any more: a gate is a regression, or every gate passed. */
  readonly decided: boolean;
  readonly regression: boolean;
  /** One line: why it stops, or what is still open. */
  readonly reason: string;
}

/** The confidence sequence of a pooled rate Σ num / Σ den whose units each lie in [lo, hi], at level α. */
export function rateInterval(num: number, den: number, range: readonly [number, number], alpha: number): RateInterval {
  const [lo, hi] = range;
  const width = hi - lo;
  if (!(den > 0)) return { n: 0, value: null, lo, hi };
  const cs = confidenceSequence((num - lo * den) / width, den, alpha);
  return { n: den, value: num / den, lo: lo + width * cs.lo, hi: lo + width * cs.hi };
}

function decide(better: 'higher' | 'lower', tolerance: number, lo: number, hi: number): GateDecision {
  if (better === 'higher') return hi < -tolerance ? 'regression' : lo > -tolerance ? 'passed' : 'undecided';
  return lo > tolerance ? 'regression' : hi < tolerance ? 'passed' : 'undecided';
}

/**
 * The sequential verdict over the matches both sides have (paired by `matchId`): per gate, the candidate's and the
 * baseline's rate intervals at α/2 each and the difference's, and the decision. Pure.
 */
export function sequentialCheck(baseline: readonly AgentMatchRecord[], candidate: readonly AgentMatchRecord[], gates: readonly Gate[], options: { readonly alpha?: number } = {}): SequentialCheck {
  const checked = checkSequentialGates(gates);
  const alpha = options.alpha ?? 0.05;
  const byId = new Map(candidate.map((r) => [r.matchId, r]));
  const pairs = baseline.flatMap((b) => {
    const c = byId.get(b.matchId);
    return c ? [[b, c] as const] : [];
  });
  const total = (side: 0 | 1, column: number): number => pairs.reduce((s, p) => s + (p[side].stats[column] as number), 0);
  const out = checked.map((g): SequentialGate => {
    const metric = RATIO_METRICS.find((m) => m.id === g.metric);
    if (!metric) throw new RangeError(`metric '${g.metric}' is not a ratio metric`);
    const range = SEQUENTIAL_UNIT_RANGE[g.metric] as readonly [number, number];
    const better = BETTER[g.metric] as 'higher' | 'lower';
    const base = rateInterval(total(0, metric.num), total(0, metric.den), range, alpha / 2);
    const cand = rateInterval(total(1, metric.num), total(1, metric.den), range, alpha / 2);
    const lo = cand.lo - base.hi;
    const hi = cand.hi - base.lo;
    const diff = base.value === null || cand.value === null ? null : cand.value - base.value;
    return { metric: g.metric, better, tolerance: g.tolerance, baseline: base, candidate: cand, diff, lo, hi, decision: decide(better, g.tolerance, lo, hi), n: pairs.length };
  });
  const regressions = out.filter((g) => g.decision === 'regression');
  const open = out.filter((g) => g.decision === 'undecided');
  const confidence = `${Math.round((1 - alpha) * 1000) / 10}% anytime-valid`;
  if (regressions.length > 0) {
    return { gates: out, decided: true, regression: true, reason: `regression decided after ${pairs.length} matches: ${regressions.map((g) => g.metric).join(', ')} worse than the tolerance (${confidence})` };
  }
  if (open.length === 0) return { gates: out, decided: true, regression: false, reason: `every gate passed after ${pairs.length} matches (${confidence})` };
  return { gates: out, decided: false, regression: false, reason: `${open.length} of ${out.length} gates undecided after ${pairs.length} matches: ${open.map((g) => g.metric).join(', ')}` };
}
