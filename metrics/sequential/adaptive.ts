import { fitBradleyTerry } from '../ratings/bradley-terry.js';
import type { Pairing } from '../ratings/types.js';
import { wilsonInterval } from '../stats/intervals.js';
import { confidenceSequence, halfWidth, observationsForHalfWidth } from './confidence-sequence.js';

/**
 * The adaptive schedule's decision rule: after each batch, which pairs to play next and whether to stop.
 *
 * Every pair's win rate gets a confidence sequence (confidence-sequence.ts) at level α/m, where m is the number of
 * pairs that may ever be played (a union bound), so all intervals of a run hold at once with probability ≥ 1 − α
 * at every batch, however the run chose its pairs and whenever it stopped.
 */

/** What to reach. `separate`: every adjacent pair of the ranking separated. `precision`: one agent's Elo gap to
 * every opponent known to ±elo. */
export type AdaptiveTarget = { readonly type: 'separate' } | { readonly type: 'precision'; readonly agent: string; readonly elo: number };

export interface AdaptivePlan {
  readonly agents: readonly string[];
  readonly target: AdaptiveTarget;
  /** Error rate of the whole run (default 0.05). */
  readonly alpha?: number;
  /**
   * `anytime` (the default): the confidence sequences above. `naive`: a pointwise 95% Wilson interval per pair,
   * recomputed after each batch with no correction; for comparison only, since it under-covers when a run peeks.
   */
  readonly method?: 'anytime' | 'naive';
  /**
   * How α is split over the candidate pairs. `opened` (the default for `separate`): by the order in which pairs
   * get their first result, a share 1 − ε of α evenly over the first k − 1 pairs opened and ε over the rest
   * (`OPENED_RESERVE`); a predictable allocation, so the union bound still holds (see `pairAlphas`). `even`: α/m
   * for each of the m candidate pairs (a schedule that plays every pair from the start, e.g. a round-robin, has no
   * opening order to exploit). Precision targets always split evenly.
   */
  readonly allocation?: 'opened' | 'even';
}

export interface PairInterval {
  /** The pair, in the plan's agent order; the interval is for a's win rate against b (a draw counts ½). */
  readonly a: string;
  readonly b: string;
  readonly n: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

export interface AdaptiveDecision {
  readonly done: boolean;
  /** Why it stops or what it still needs, one line. */
  readonly reason: string;
  /** Pairs to play in the next batch (empty when done). */
  readonly pairs: readonly (readonly [string, string])[];
  /** The current ranking, best first. */
  readonly order: readonly string[];
  readonly intervals: readonly PairInterval[];
}

/** Pairs the target can ever ask for: all pairs (separate) or the named agent against each other (precision). */
export function candidatePairs(plan: AdaptivePlan): [string, string][] {
  const { agents, target } = plan;
  const out: [string, string][] = [];
  for (let i = 0; i < agents.length; i++) {
    for (let j = i + 1; j < agents.length; j++) {
      const a = agents[i] as string;
      const b = agents[j] as string;
      if (target.type === 'precision' && a !== target.agent && b !== target.agent) continue;
      out.push([a, b]);
    }
  }
  return out;
}

/** Share of α that `opened` allocation keeps for the pairs opened after the first k − 1. */
export const OPENED_RESERVE = 0.2;

const usesOpened = (plan: AdaptivePlan): boolean => plan.target.type === 'separate' && plan.allocation !== 'even' && plan.agents.length > 2;

/**
 * The largest per-pair level: with even allocation α/m over the m candidate pairs; with `opened` allocation the
 * level of each of the first k − 1 pairs to be opened, (1 − ε)·α/(k − 1).
 */
export function pairAlpha(plan: AdaptivePlan): number {
  const alpha = plan.alpha ?? 0.05;
  if (!usesOpened(plan)) return alpha / Math.max(1, candidatePairs(plan).length);
  return ((1 - OPENED_RESERVE) * alpha) / (plan.agents.length - 1);
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * The level of each candidate pair. Even: α/m each. Opened: the pairs are numbered by their first result (results
 * are in planned order, which the schedule fixes before any of the batch is played); the first k − 1 get
 * (1 − ε)·α/(k − 1) each, every later one ε·α/(m − k + 1), and a pair with no result yet the later share (its
 * interval is [0, 1] anyway). Why the union bound still holds: which pair becomes the j-th opened is decided by
 * results before that pair's first match, so conditionally on it the pair's own mixture process is a
 * supermartingale from its first result on and its interval fails with probability ≤ α_j; summing over j,
 * P(any interval ever fails) ≤ Σ α_j = α.
 */
export function pairAlphas(plan: AdaptivePlan, results: readonly Pairing[]): Map<string, number> {
  const pairs = candidatePairs(plan);
  const alpha = plan.alpha ?? 0.05;
  const out = new Map<string, number>();
  if (!usesOpened(plan)) {
    for (const [a, b] of pairs) out.set(pairKey(a, b), alpha / Math.max(1, pairs.length));
    return out;
  }
  const k = plan.agents.length;
  const first = ((1 - OPENED_RESERVE) * alpha) / (k - 1);
  const later = (OPENED_RESERVE * alpha) / (pairs.length - (k - 1));
  const candidates = new Set(pairs.map(([a, b]) => pairKey(a, b)));
  let opened = 0;
  for (const r of results) {
    const id = candidates.has(pairKey(r.a, r.b)) ? pairKey(r.a, r.b) : pairKey(r.b, r.a);
    if (!candidates.has(id) || out.has(id)) continue;
    out.set(id, opened < k - 1 ? first : later);
    opened++;
  }
  for (const id of candidates) if (!out.has(id)) out.set(id, later);
  return out;
}

/** The confidence-sequence interval of every candidate pair from the results so far. */
export function pairIntervals(plan: AdaptivePlan, results: readonly Pairing[]): PairInterval[] {
  const alphas = pairAlphas(plan, results);
  const sums = new Map<string, { sum: number; n: number }>();
  const pairs = candidatePairs(plan);
  for (const [a, b] of pairs) sums.set(pairKey(a, b), { sum: 0, n: 0 });
  for (const r of results) {
    const direct = sums.get(pairKey(r.a, r.b));
    const reverse = direct ? undefined : sums.get(pairKey(r.b, r.a));
    const cell = direct ?? reverse;
    if (!cell) continue;
    cell.sum += direct ? r.score : 1 - r.score;
    cell.n += 1;
  }
  return pairs.map(([a, b]) => {
    const { sum, n } = sums.get(pairKey(a, b)) as { sum: number; n: number };
    if (plan.method === 'naive') {
      const [lo, hi] = n > 0 ? wilsonInterval(sum, n) : [0, 1];
      return { a, b, n, mean: n > 0 ? sum / n : 0.5, lo, hi };
    }
    return { a, b, ...confidenceSequence(sum, n, alphas.get(pairKey(a, b)) as number) };
  });
}

/** x's win rate against y from the pair intervals (oriented), or undefined when the pair is not a candidate. */
function oriented(intervals: readonly PairInterval[], x: string, y: string): PairInterval | undefined {
  for (const p of intervals) {
    if (p.a === x && p.b === y) return p;
    if (p.a === y && p.b === x) return { a: x, b: y, n: p.n, mean: 1 - p.mean, lo: 1 - p.hi, hi: 1 - p.lo };
  }
  return undefined;
}

/**
 * The ranking: Bradley–Terry strengths with a prior of one virtual draw per agent (so it exists from the first
 * result on; ties keep the plan's order), then adjacent swaps wherever the direct results of the two neighbours
 * say the lower one is better (point estimate), at most one pass per agent.
 */
export function ranking(plan: AdaptivePlan, results: readonly Pairing[], intervals: readonly PairInterval[]): string[] {
  const strength = fitBradleyTerry(plan.agents, results, { prior: 1, tolerance: 1e-6, maxIterations: 500 });
  const position = new Map(plan.agents.map((a, i) => [a, i]));
  const order = [...plan.agents].sort((x, y) => (strength.get(y) ?? 0) - (strength.get(x) ?? 0) || (position.get(x) as number) - (position.get(y) as number));
  for (let pass = 0; pass < order.length; pass++) {
    let swapped = false;
    for (let i = 0; i + 1 < order.length; i++) {
      const p = oriented(intervals, order[i] as string, order[i + 1] as string);
      if (p && p.n > 0 && p.mean < 0.5) {
        [order[i], order[i + 1]] = [order[i + 1] as string, order[i] as string];
        swapped = true;
      }
    }
    if (!swapped) break;
  }
  return order;
}

const logit = (p: number) => 400 * Math.log10(p / (1 - p));

/** The Elo half-width of a win-rate interval: the larger distance from the estimate to an end (∞ at 0 or 1). */
export function eloHalfWidth(p: PairInterval): number {
  if (p.n === 0 || p.lo <= 0 || p.hi >= 1) return Infinity;
  const mid = Math.min(Math.max(p.mean, 1e-9), 1 - 1e-9);
  return Math.max(logit(p.hi) - logit(mid), logit(mid) - logit(p.lo));
}

/**
 * The decision after a batch. `separate`: rank, and stop when each adjacent pair's interval lies wholly above ½
 * (the higher-ranked one wins); otherwise play the adjacent pairs that are not yet separated (the neighbours whose
 * order is still in doubt reduce the ranking's uncertainty most). `precision`: stop when the named agent's Elo gap
 * to every opponent is known to ±elo; otherwise play the pairs that are still wider.
 */
export function adaptiveDecision(plan: AdaptivePlan, results: readonly Pairing[]): AdaptiveDecision {
  const intervals = pairIntervals(plan, results);
  const order = ranking(plan, results, intervals);
  const confidence = `${Math.round((1 - (plan.alpha ?? 0.05)) * 1000) / 10}%`;
  if (plan.target.type === 'precision') {
    const { agent, elo } = plan.target;
    const wide = intervals.filter((p) => eloHalfWidth(p) > elo);
    if (wide.length === 0) return { done: true, reason: `target reached: ${agent}'s Elo gap to every opponent is known to ±${elo} (${confidence}, anytime-valid)`, pairs: [], order, intervals };
    return { done: false, reason: `${wide.length} of ${intervals.length} opponents of ${agent} still wider than ±${elo} Elo`, pairs: wide.map((p) => [p.a, p.b] as const), order, intervals };
  }
  const open: (readonly [string, string])[] = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const x = order[i] as string;
    const y = order[i + 1] as string;
    const p = oriented(intervals, x, y) as PairInterval;
    if (!(p.lo > 0.5)) open.push(plan.agents.indexOf(x) < plan.agents.indexOf(y) ? [x, y] : [y, x]);
  }
  if (open.length === 0) return { done: true, reason: `target reached: every adjacent pair of the ranking ${order.join(' > ')} is separated (${confidence}, anytime-valid)`, pairs: [], order, intervals };
  return { done: false, reason: `${open.length} of ${order.length - 1} adjacent pairs not yet separated`, pairs: open, order, intervals };
}

/**
 * Why a target can never be reached within `maxObservations` results, or undefined when it can. `separate` needs,
 * for each of the k − 1 adjacent pairs, enough results that even a clean sweep's interval excludes ½; `precision`
 * needs, for each opponent, enough results for ±elo at an even score (where the Elo interval is narrowest).
 */
export function unreachable(plan: AdaptivePlan, maxObservations: number): string | undefined {
  const alpha = pairAlpha(plan);
  const k = plan.agents.length;
  if (k < 2) return `an adaptive schedule needs at least two agents, got ${k}`;
  if (plan.target.type === 'precision') {
    const { agent, elo } = plan.target;
    if (!plan.agents.includes(agent)) return `target agent '${agent}' is not one of the agents (${plan.agents.join(', ')})`;
    if (!(elo > 0)) return `target precision must be a positive number of Elo points, got ${elo}`;
    // At an even score, ±elo Elo is a win-rate half-width of 1/(1+10^(−elo/400)) − ½.
    const width = 1 / (1 + 10 ** (-elo / 400)) - 0.5;
    const perPair = observationsForHalfWidth(width, alpha);
    const need = perPair * (k - 1);
    if (perPair === Infinity) return `target ±${elo} Elo for ${agent} cannot be reached: no number of matches narrows an interval that far`;
    if (need > maxObservations) return `target ±${elo} Elo for ${agent} cannot be reached within ${maxObservations} matches: it needs at least ${need} (${perPair} per opponent)`;
    return undefined;
  }
  const perPair = observationsForHalfWidth(0.5, alpha);
  const need = perPair * (k - 1);
  if (need > maxObservations) return `separating ${k} agents cannot be done within ${maxObservations} matches: even clean sweeps need at least ${need} (${perPair} per adjacent pair)`;
  return undefined;
}

export { halfWidth };
