import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adaptiveDecision, candidatePairs, type AdaptivePlan } from '../../metrics/sequential/adaptive.js';
import { Store } from '../../arena/store/store.js';
import type { AdaptiveDecide } from '../../arena/tournament/adaptive.js';
import { checkTournamentConfig } from '../../arena/tournament/config.js';
import { runTournament } from '../../arena/tournament/run.js';
import type { BenchResult } from './types.js';

/**
 * Savings of the adaptive schedule on real matches: graded error-rate bots on Connect Four (greedy with error 0,
 * 0.2, ..., 0.8, and random), whose order is known. Both runs play through the arena and stop by the same
 * anytime-valid rule at 95%: every adjacent pair of the ranking separated. The round-robin plays every pair each
 * batch (α split evenly over all pairs); the adaptive run only the neighbours still in doubt (α allocated by the
 * order pairs are opened). Tokens are simulated at 60,000 per match (a 10-round
 * plan-game match of about 20 model calls); the bots themselves use none.
 */
const TOKENS_PER_MATCH = 60_000;
const AGENTS: Record<string, string> = { e0: 'greedy', e2: 'greedy:error=0.2', e4: 'greedy:error=0.4', e6: 'greedy:error=0.6', e8: 'greedy:error=0.8', random: 'random' };
const TRUE_ORDER = Object.keys(AGENTS);

async function play(schedule: 'adaptive' | 'round-robin', seed: number): Promise<{ matches: number; correct: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-savings-'));
  const store = new Store(join(dir, 'arena.db'));
  try {
    const config = checkTournamentConfig(
      { name: 'savings', seed, games: [{ id: 'connect-four' }], agents: AGENTS, schedule: { type: 'adaptive' }, concurrency: { workers: 1 }, cache: 'off' },
      'savings.json',
      'savings',
    );
    // The round-robin plays every pair from the first batch, so it splits α evenly; the adaptive run allocates it by
    // the order pairs are opened (the default). Both hold at 95% over all pairs.
    const plan: AdaptivePlan = { agents: TRUE_ORDER, target: { type: 'separate' }, ...(schedule === 'round-robin' ? { allocation: 'even' as const } : {}) };
    const all = candidatePairs(plan);
    let order: readonly string[] = [];
    const decide: AdaptiveDecide = (results) => {
      const d = adaptiveDecision(plan, results);
      order = d.order;
      return schedule === 'adaptive' || d.done ? d : { ...d, pairs: all };
    };
    const result = await runTournament(config, { store, env: {}, quiet: true, workers: 1, decide });
    if (result.stop.kind !== 'target') throw new Error(`the ${schedule} run stopped without reaching its target: ${result.stop.detail}`);
    return { matches: store.counts('savings').completed, correct: order.join() === TRUE_ORDER.join() };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchResult[]> {
  const seeds = [1, 2, 3];
  const adaptive = await Promise.all(seeds.map((s) => play('adaptive', s)));
  const roundRobin = await Promise.all(seeds.map((s) => play('round-robin', s)));
  const mean = (xs: { matches: number }[]) => xs.reduce((s, x) => s + x.matches, 0) / xs.length;
  const correct = (xs: { correct: boolean }[]) => `${xs.filter((x) => x.correct).length}/${xs.length} in the true order`;
  return [
    { name: 'Connect Four, 6 graded bots: adaptive matches to separate', value: Math.round(mean(adaptive)), unit: 'matches', note: `mean of ${seeds.length} seeds; ${correct(adaptive)}` },
    { name: 'Connect Four, 6 graded bots: round-robin matches to separate', value: Math.round(mean(roundRobin)), unit: 'matches', note: `same rule and confidence; ${correct(roundRobin)}` },
    { name: 'Connect Four, 6 graded bots: adaptive simulated tokens', value: Math.round(mean(adaptive) * TOKENS_PER_MATCH), unit: 'tokens' },
    { name: 'Connect Four, 6 graded bots: round-robin simulated tokens', value: Math.round(mean(roundRobin) * TOKENS_PER_MATCH), unit: 'tokens' },
    { name: 'Connect Four, 6 graded bots: savings (round-robin / adaptive)', value: mean(roundRobin) / mean(adaptive), unit: '×', note: 'goal ≥ 3' },
  ];
}
