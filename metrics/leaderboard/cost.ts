import type { TraceEvent } from '../../arena/trace/events.js';
import { bootstrapSums, column } from '../stats/bootstrap.js';
import { percentileInterval } from '../stats/intervals.js';
import { IndexSampler } from '../stats/sampler.js';
import type { Estimate } from '../types.js';

/**
 * What an agent's results cost: tokens and dollars per match, per decision (a plan submission or a move, retries
 * included) and per win (a draw is half a win), each a ratio of sums over the agent's completed matches with a 95%
 * percentile bootstrap interval over matches (a ratio is undefined, null, when its denominator is 0).
 */
export interface CostRow {
  readonly tokensPerMatch: Estimate;
  readonly usdPerMatch: Estimate;
  readonly tokensPerDecision: Estimate;
  readonly usdPerDecision: Estimate;
  readonly tokensPerWin: Estimate;
  readonly usdPerWin: Estimate;
}

const WIDTH = 5; // tokens, usd, decisions, wins, matches
const OUT = 6;

function ratios(s: ArrayLike<number>, out: Float64Array): void {
  const [tokens, usd, decisions, wins, matches] = [s[0] as number, s[1] as number, s[2] as number, s[3] as number, s[4] as number];
  const r = (x: number, d: number) => (d > 0 ? x / d : NaN);
  out[0] = r(tokens, matches);
  out[1] = r(usd, matches);
  out[2] = r(tokens, decisions);
  out[3] = r(usd, decisions);
  out[4] = r(tokens, wins);
  out[5] = r(usd, wins);
}

/** One completed match's cost row per seat: [agent, [tokens, usd, decisions, wins, 1]]; none for other matches. */
export function matchCostRows(events: readonly TraceEvent[]): [string, number[]][] {
  const start = events[0];
  const end = events[events.length - 1];
  if (start?.type !== 'match_start' || end?.type !== 'match_end' || end.status !== 'completed') return [];
  const decisions = [0, 0];
  for (const e of events) {
    if (e.type === 'plan_submission') decisions[e.side] = (decisions[e.side] as number) + 1;
    else if (e.type === 'move' || e.type === 'rejection') decisions[e.seat] = (decisions[e.seat] as number) + 1;
  }
  return start.spec.seats.map((seat, i) => {
    const u = end.usage[i];
    const tokens = u ? u.promptTokens + u.completionTokens : 0;
    const win = end.winner === null ? 0.5 : end.winner === i ? 1 : 0;
    return [seat.name, [tokens, u?.costUsd ?? 0, decisions[i] as number, win, 1]];
  });
}

/** Per agent, one row per completed match: [tokens, usd, decisions, wins, 1]. */
function perMatchRows(matches: readonly (readonly TraceEvent[])[]): Map<string, number[][]> {
  const rows = new Map<string, number[][]>();
  for (const events of matches) {
    for (const [agent, row] of matchCostRows(events)) {
      const list = rows.get(agent) ?? [];
      list.push(row);
      rows.set(agent, list);
    }
  }
  return rows;
}

export function costRows(matches: readonly (readonly TraceEvent[])[], options: { readonly seed?: number; readonly bootstrap?: number } = {}): Map<string, CostRow> {
  return costFromRows(perMatchRows(matches), options);
}

/** Cost rows from each agent's per-match rows (`matchCostRows`), in match order. */
export function costFromRows(perAgent: ReadonlyMap<string, readonly (readonly number[])[]>, options: { readonly seed?: number; readonly bootstrap?: number } = {}): Map<string, CostRow> {
  const out = new Map<string, CostRow>();
  const replicates = options.bootstrap ?? 1000;
  for (const [agent, list] of perAgent) {
    const data = Float64Array.from(list.flat());
    const sums = new Float64Array(WIDTH);
    for (const row of list) row.forEach((v, k) => (sums[k] = (sums[k] as number) + v));
    const point = new Float64Array(OUT);
    ratios(sums, point);
    const boot = replicates > 0 ? bootstrapSums(data, list.length, WIDTH, replicates, new IndexSampler(options.seed ?? 1, 'cost', agent), ratios, OUT) : undefined;
    const n = [sums[4], sums[4], sums[2], sums[2], sums[3], sums[3]] as number[];
    const estimate = (k: number): Estimate => {
      const value = point[k] as number;
      if (Number.isNaN(value)) return { value: null, n: n[k] as number, lo: null, hi: null, method: 'bootstrap' };
      const [lo, hi] = boot ? percentileInterval(column(boot, OUT, k), value) : [value, value];
      return { value, n: n[k] as number, lo, hi, method: 'bootstrap' };
    };
    out.set(agent, { tokensPerMatch: estimate(0), usdPerMatch: estimate(1), tokensPerDecision: estimate(2), usdPerDecision: estimate(3), tokensPerWin: estimate(4), usdPerWin: estimate(5) });
  }
  return out;
}
