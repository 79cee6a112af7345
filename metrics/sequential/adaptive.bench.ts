import type { BenchResult } from '../../test/bench/types.js';
import { simulateMany } from './simulate.js';

/**
 * The adaptive schedule against a round-robin, on simulated graded agents whose order is known (Elo 100 apart,
 * like error-rate agents), both stopping by the same anytime-valid rule at the same 95% confidence (all adjacent
 * pairs of the ranking separated). Tokens are simulated at 60,000 per match (about 20 model calls with long
 * prompts: a 10-round plan-game match). Side by side: the adaptive run with α allocated by opening order (the
 * default) and split evenly over all pairs (the earlier rule), with the agents listed in their true order (as in
 * the earlier figures) and in a seeded random order. The round-robin splits α evenly (it plays every pair from the
 * start). Also the coverage of the intervals at the stop, anytime-valid vs naive.
 */
const TOKENS_PER_MATCH = 60_000;
const RUNS = 40;

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const k of [4, 6, 8]) {
    const agents = Array.from({ length: k }, (_, i) => `g${i}`);
    const elo = Object.fromEntries(agents.map((a, i) => [a, (k - i) * 100]));
    const plan = { agents, target: { type: 'separate' as const } };
    const adaptive = simulateMany({ elo, plan, schedule: 'adaptive', maxMatches: 200_000 }, RUNS, 1);
    const even = simulateMany({ elo, plan: { ...plan, allocation: 'even' }, schedule: 'adaptive', maxMatches: 200_000 }, RUNS, 1);
    const shuffled = simulateMany({ elo, plan, schedule: 'adaptive', maxMatches: 200_000, shuffle: true }, RUNS, 1);
    const shuffledEven = simulateMany({ elo, plan: { ...plan, allocation: 'even' }, schedule: 'adaptive', maxMatches: 200_000, shuffle: true }, RUNS, 1);
    const roundRobin = simulateMany({ elo, plan, schedule: 'round-robin', maxMatches: 200_000 }, RUNS, 1);
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
    const note = `${RUNS} runs; correct order adaptive ${pct(adaptive.correctOrder)}, round-robin ${pct(roundRobin.correctOrder)}; coverage adaptive ${pct(adaptive.coverage)}`;
    out.push({ name: `${k} graded agents: adaptive matches to separate`, value: Math.round(adaptive.meanMatches), unit: 'matches', note });
    out.push({ name: `${k} graded agents: round-robin matches to separate`, value: Math.round(roundRobin.meanMatches), unit: 'matches' });
    out.push({ name: `${k} graded agents: adaptive simulated tokens`, value: Math.round(adaptive.meanMatches * TOKENS_PER_MATCH), unit: 'tokens' });
    out.push({ name: `${k} graded agents: round-robin simulated tokens`, value: Math.round(roundRobin.meanMatches * TOKENS_PER_MATCH), unit: 'tokens' });
    out.push({ name: `${k} graded agents: savings (round-robin / adaptive)`, value: roundRobin.meanMatches / adaptive.meanMatches, unit: '×', note: 'α by opening order; agents listed in true order' });
    out.push({ name: `${k} graded agents: savings, α split evenly (earlier rule)`, value: roundRobin.meanMatches / even.meanMatches, unit: '×', note: `agents listed in true order; coverage ${pct(even.coverage)}` });
    out.push({ name: `${k} graded agents: savings, agents listed shuffled`, value: roundRobin.meanMatches / shuffled.meanMatches, unit: '×', note: `α by opening order; coverage ${pct(shuffled.coverage)}, correct order ${pct(shuffled.correctOrder)}` });
    out.push({ name: `${k} graded agents: savings, shuffled, α split evenly`, value: roundRobin.meanMatches / shuffledEven.meanMatches, unit: '×', note: `coverage ${pct(shuffledEven.coverage)}` });
  }
  const agents = ['a', 'b', 'c', 'd'];
  const elo = { a: 300, b: 200, c: 100, d: 0 };
  const anytime = simulateMany({ elo, plan: { agents, target: { type: 'separate' } }, schedule: 'adaptive', maxMatches: 5000 }, 200, 1001);
  const naive = simulateMany({ elo, plan: { agents, target: { type: 'separate' }, method: 'naive' }, schedule: 'adaptive', maxMatches: 5000 }, 200, 1001);
  out.push({ name: 'coverage at the stop: anytime-valid (confidence sequence)', value: anytime.coverage, unit: 'share', note: '200 adaptive runs, 4 agents 100 Elo apart; goal ≥ 0.95' });
  out.push({ name: 'coverage at the stop: naive 95% Wilson, re-tested each batch', value: naive.coverage, unit: 'share', note: 'same runs' });
  return out;
}
