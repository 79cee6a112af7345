import { createRng } from '../../games/core/rng.js';
import { agentsOf } from './bradley-terry.js';
import type { Pairing, Rating, RatingOptions } from './types.js';

export interface EloOptions extends RatingOptions {
  /** Update step (default 16). */
  readonly k?: number;
  /** Random match orders averaged over (default 100): Elo depends on order, the average much less. */
  readonly orders?: number;
}

function eloOnce(agents: readonly string[], pairings: readonly Pairing[], k: number): Map<string, number> {
  const r = new Map(agents.map((a) => [a, 1000]));
  for (const p of pairings) {
    const ra = r.get(p.a) as number;
    const rb = r.get(p.b) as number;
    const expected = 1 / (1 + 10 ** ((rb - ra) / 400));
    r.set(p.a, ra + k * (p.score - expected));
    r.set(p.b, rb - k * (p.score - expected));
  }
  return r;
}

/**
 * Elo ratings averaged over many random orders of the matches, anchored at one agent, with the 2.5% and 97.5%
 * quantiles across orders as the interval (order sensitivity, not sampling error: use Bradley–Terry for that).
 */
export function eloRatings(pairings: readonly Pairing[], options: EloOptions = {}): Rating[] {
  const agents = agentsOf(pairings).sort();
  if (agents.length === 0) return [];
  const anchor = options.anchor ?? agents.find((a) => a === 'random') ?? (agents[0] as string);
  const at = options.anchorRating ?? 1000;
  const rng = createRng(options.seed ?? 1);
  const orders = options.orders ?? 100;
  const sorted = [...pairings].sort((x, y) => (x.a + '\u0000' + x.b).localeCompare(y.a + '\u0000' + y.b) || x.score - y.score);
  const runs = new Map<string, number[]>(agents.map((a) => [a, []]));
  for (let o = 0; o < orders; o++) {
    const r = eloOnce(agents, rng.shuffle(sorted), options.k ?? 16);
    const shift = at - (r.get(anchor) as number);
    for (const a of agents) runs.get(a)?.push((r.get(a) as number) + shift);
  }
  const counts = new Map<string, number>();
  for (const p of pairings) {
    counts.set(p.a, (counts.get(p.a) ?? 0) + 1);
    counts.set(p.b, (counts.get(p.b) ?? 0) + 1);
  }
  return agents
    .map((agent) => {
      const xs = (runs.get(agent) ?? []).sort((x, y) => x - y);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const q = (f: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round((xs.length - 1) * f)))] as number;
      return { agent, rating: mean, lo: Math.min(q(0.025), mean), hi: Math.max(q(0.975), mean), n: counts.get(agent) ?? 0 };
    })
    .sort((x, y) => y.rating - x.rating);
}
