import { createRng } from '../../games/core/rng.js';
import { existence, type Unbounded } from './existence.js';
import type { Pairing, Rating, RatingOptions } from './types.js';

export interface BradleyTerryOptions extends RatingOptions {
  /**
   * Virtual games each agent plays against a reference player of strength 1, scored as draws. Default 0: the plain
   * maximum-likelihood estimate, with the agents for which it does not exist reported unbounded (see
   * existence.ts). A positive prior keeps every rating finite but is a regularised (maximum a posteriori) estimate.
   */
  readonly prior?: number;
  /** Convergence tolerance on strengths (default 1e-10) and the iteration cap (default 10,000). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

const SCALE = 400 / Math.LN10;

/**
 * Bradley–Terry strengths by maximum likelihood with the minorisation–maximisation iteration (Hunter 2004):
 * p_i ← W_i / Σ_j n_ij / (p_i + p_j), where W_i is i's total score (a draw is half a win each way) and n_ij the
 * games between i and j (each match counted with its `weight`, default 1). Returns log-strengths on the Elo scale (400·log10 p), not yet anchored. With prior 0
 * (the default) the caller makes sure the estimate exists (`existence`); otherwise the iteration drifts.
 */
export function fitBradleyTerry(agents: readonly string[], pairings: readonly Pairing[], options: BradleyTerryOptions = {}): Map<string, number> {
  const index = new Map(agents.map((a, i) => [a, i]));
  const k = agents.length;
  const prior = options.prior ?? 0;
  const wins = new Float64Array(k);
  const games = Array.from({ length: k }, () => new Float64Array(k));
  for (const p of pairings) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || i === j) continue;
    const w = p.weight ?? 1;
    wins[i] = (wins[i] as number) + w * p.score;
    wins[j] = (wins[j] as number) + w * (1 - p.score);
    (games[i] as Float64Array)[j] = ((games[i] as Float64Array)[j] as number) + w;
    (games[j] as Float64Array)[i] = ((games[j] as Float64Array)[i] as number) + w;
  }
  let strength = new Float64Array(k).fill(1);
  const tol = options.tolerance ?? 1e-10;
  const maxIter = options.maxIterations ?? 10_000;
  for (let iter = 0; iter < maxIter; iter++) {
    const next = new Float64Array(k);
    let delta = 0;
    for (let i = 0; i < k; i++) {
      const pi = strength[i] as number;
      let denom = prior > 0 ? prior / (pi + 1) : 0;
      const row = games[i] as Float64Array;
      for (let j = 0; j < k; j++) {
        const n = row[j] as number;
        if (n > 0) denom += n / (pi + (strength[j] as number));
      }
      const w = (wins[i] as number) + prior / 2;
      next[i] = denom > 0 ? Math.max(w / denom, 1e-300) : pi;
    }
    if (prior === 0) {
      // Without the reference player the scale is free: fix the geometric mean at 1.
      let logSum = 0;
      for (let i = 0; i < k; i++) logSum += Math.log(next[i] as number);
      const g = Math.exp(logSum / k);
      for (let i = 0; i < k; i++) next[i] = (next[i] as number) / g;
    }
    for (let i = 0; i < k; i++) delta = Math.max(delta, Math.abs(Math.log(next[i] as number) - Math.log(strength[i] as number)));
    strength = next;
    if (delta < tol) break;
  }
  return new Map(agents.map((a, i) => [a, SCALE * Math.log(strength[i] as number)]));
}

function anchorOf(agents: readonly string[], options: RatingOptions): string {
  if (options.anchor !== undefined) {
    if (!agents.includes(options.anchor)) throw new RangeError(`anchor '${options.anchor}' played no match; agents: ${agents.join(', ')}`);
    return options.anchor;
  }
  return agents.find((a) => a === 'random') ?? (agents[0] as string);
}

function anchored(raw: Map<string, number>, anchor: string, at: number): Map<string, number> {
  const shift = at - (raw.get(anchor) ?? 0);
  return new Map([...raw].map(([a, r]) => [a, r + shift]));
}

/** Anchored ratings: finite with a prior; without, ±∞ or NaN (unlinked) where the maximum-likelihood estimate does not exist. */
function estimate(agents: readonly string[], pairings: readonly Pairing[], anchor: string, at: number, options: BradleyTerryOptions): { ratings: Map<string, number>; unbounded: ReadonlyMap<string, Unbounded> } {
  if ((options.prior ?? 0) > 0) return { ratings: anchored(fitBradleyTerry(agents, pairings, options), anchor, at), unbounded: new Map() };
  const ex = existence(agents, pairings, anchor);
  const group = new Set(ex.finite);
  const inside = ex.exists ? pairings : pairings.filter((p) => group.has(p.a) && group.has(p.b));
  const ratings = anchored(fitBradleyTerry(ex.finite, inside, { ...options, prior: 0 }), anchor, at);
  for (const [agent, how] of ex.unbounded) ratings.set(agent, how === 'above' ? Infinity : how === 'below' ? -Infinity : Number.NaN);
  return { ratings, unbounded: ex.unbounded };
}

/** Linear-interpolated quantile of sorted values that may include ±∞. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(pos)] as number;
  const hi = sorted[Math.ceil(pos)] as number;
  const t = pos - Math.floor(pos);
  if (t === 0 || lo === hi || !Number.isFinite(lo)) return lo;
  if (!Number.isFinite(hi)) return hi;
  return lo + (hi - lo) * t;
}

/** Agents in first-seen order. */
export function agentsOf(pairings: readonly Pairing[]): string[] {
  const seen = new Set<string>();
  for (const p of pairings) {
    seen.add(p.a);
    seen.add(p.b);
  }
  return [...seen];
}

/**
 * Bradley–Terry ratings anchored at one agent, with 95% percentile-bootstrap intervals over matches. Pure: the
 * same pairings (in any order) and seed give the same ratings. Without a prior (the default) this is plain maximum
 * likelihood; an agent for which it does not exist gets rating +∞, −∞ or NaN and `unbounded` saying which (its
 * interval is its rating). Resamples in which an agent is unlinked from the anchor are left out of its interval;
 * those in which it diverges count at ±∞, so an interval may be unbounded on one side.
 */
export function bradleyTerryRatings(pairings: readonly Pairing[], options: BradleyTerryOptions = {}): Rating[] {
  const agents = agentsOf(pairings).sort();
  if (agents.length === 0) return [];
  const anchor = anchorOf(agents, options);
  const at = options.anchorRating ?? 1000;
  // Sort so the estimate does not depend on the order matches were recorded in.
  const ordered = [...pairings].sort((x, y) => (x.stratum ?? '').localeCompare(y.stratum ?? '') || (x.a + '\u0000' + x.b).localeCompare(y.a + '\u0000' + y.b) || x.score - y.score);
  // Resampling groups: one (all matches) unless the pairings carry strata, then each stratum keeps its size.
  const groups = new Map<string, Pairing[]>();
  for (const p of ordered) {
    const key = p.stratum ?? '';
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const strata = [...groups.values()];
  const point = estimate(agents, ordered, anchor, at, options);
  const counts = new Map<string, number>(agents.map((a) => [a, 0]));
  for (const p of ordered) {
    counts.set(p.a, (counts.get(p.a) ?? 0) + 1);
    counts.set(p.b, (counts.get(p.b) ?? 0) + 1);
  }
  const B = options.bootstrap ?? 1000;
  const samples = new Map<string, number[]>(agents.map((a) => [a, []]));
  if (B > 0 && ordered.length > 0) {
    const rng = createRng(options.seed ?? 1);
    for (let b = 0; b < B; b++) {
      const resample = strata.flatMap((group) => Array.from({ length: group.length }, () => group[rng.int(0, group.length - 1)] as Pairing));
      const fit = estimate(agents, resample, anchor, at, { ...options, maxIterations: 2000, tolerance: 1e-8 }).ratings;
      for (const a of agents) {
        const r = fit.get(a) as number;
        if (!Number.isNaN(r)) samples.get(a)?.push(r);
      }
    }
  }
  return agents
    .map((agent) => {
      const rating = point.ratings.get(agent) as number;
      const unbounded = point.unbounded.get(agent);
      if (unbounded !== undefined) return { agent, rating, lo: rating, hi: rating, n: counts.get(agent) ?? 0, unbounded };
      const s = (samples.get(agent) ?? []).sort((x, y) => x - y);
      const lo = s.length ? Math.min(quantile(s, 0.025), rating) : rating;
      const hi = s.length ? Math.max(quantile(s, 0.975), rating) : rating;
      return { agent, rating, lo, hi, n: counts.get(agent) ?? 0 };
    })
    .sort((x, y) => byRating(x.rating, y.rating) || x.agent.localeCompare(y.agent));
}

/** Highest first, +∞ before finite before −∞, NaN (unlinked) last. */
export function byRating(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  return x === y ? 0 : y > x ? 1 : -1;
}
