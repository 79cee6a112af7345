import type { BenchResult } from '../../test/bench/types.js';
import { simulateMany } from './simulate.js';

/**
 * The adaptive schedule against a round-robin, on simulated graded agents whose order is known (Elo 100 apart,
 * like error-rate agents), both stopping by the same anytime-valid rule at the same 95% confidence (all adjacent
 * pairs of the ranking separated). Tokens are simulated at 60,000 per match (about 20 model calls with long
 * prompts: a 10-round plan-game match). Also the coverage of the intervals at the stop, anytime-valid vs naive.
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
    const roundRobin = simulateMany({ elo, plan, schedule: 'round-robin', maxMatches: 200_000 }, RUNS, 1);
    const note = `${RUNS} runs; correct order adaptive ${(adaptive.correctOrder * 100).toFixed(0)}%, round-robin ${(roundRobin.correctOrder * 100).toFixed(0)}%`;
    out.push({ name: `${k} graded agents: adaptive matches to separate`, value: Math.round(adaptive.meanMatches), unit: 'matches', note });
    out.push({ name: `${k} graded agents: round-robin matches to separate`, value: Math.round(roundRobin.meanMatches), unit: 'matches' });
    out.push({ name: `${k} graded agents: adaptive simulated tokens`, value: Math.round(adaptive.meanMatches * TOKENS_PER_MATCH), unit: 'tokens' });
    out.push({ name: `${k} graded agents: round-robin simulated tokens`, value: Math.round(roundRobin.meanMatches * TOKENS_PER_MATCH), unit: 'tokens' });
    out.push({ name: `${k} graded agents: savings (round-robin / adaptive)`, value: roundRobin.meanMatches / adaptive.meanMatches, unit: '×' });
  }
  const agents = ['a', 'b', 'c', 'd'];
  const elo = { a: 300, b: 200, c: 100, d: 0 };
  const anytime = simulateMany({ elo, plan: { agents, target: { type: 'separate' } }, schedule: 'adaptive', maxMatches: 5000 }, 200, 1001);
  const naive = simulateMany({ elo, plan: { agents, target: { type: 'separate' }, method: 'naive' }, schedule: 'adaptive', maxMatches: 5000 }, 200, 1001);
  out.push({ name: 'coverage at the stop: anytime-valid (confidence sequence)', value: anytime.coverage, unit: 'share', note: '200 adaptive runs, 4 agents 100 Elo apart; goal ≥ 0.95' });
  out.push({ name: 'coverage at the stop: naive 95% Wilson, re-tested each batch', value: naive.coverage, unit: 'share', note: 'same runs' });
  return out;
}
