import type { BenchResult } from '../../test/bench/types.js';
import { createRng } from '../core/rng.js';
import { turnBased } from './index.js';
import type { TbPlan } from './types.js';

const PAIRS = 20_000;

/** A fixed seeded set of random plan pairs, validated once outside the timed loop. */
function pairs(preset: string): [TbPlan, TbPlan][] {
  const config = turnBased.config(preset);
  const rng = createRng(`turn-based-bench-${preset}`);
  const plans: [TbPlan, TbPlan][] = [];
  for (let i = 0; i < PAIRS; i++) {
    const d = turnBased.validate(0, turnBased.randomPlan(0, rng, config), config).plan;
    const v = turnBased.validate(1, turnBased.randomPlan(1, rng, config), config).plan;
    plans.push([d, v]);
  }
  return plans;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Battles per CPU second of the pure simulator (no log) on one core: the best of three passes over the pairs,
 * timed with process CPU time because the machine is shared (wall time mostly measures the other processes).
 */
function battlesPerSecond(preset: string): BenchResult {
  const config = turnBased.config(preset);
  const plans = pairs(preset);
  for (const [d, v] of plans) turnBased.simulate(d, v, config); // warm-up: steady-state throughput is the figure
  let invaderWins = 0;
  let rounds = 0;
  let capped = 0;
  for (const [d, v] of plans) {
    const r = turnBased.simulate(d, v, config);
    if (r.winner === 1) invaderWins++;
    if (r.capped) capped++;
    rounds += r.steps;
  }
  let best = Infinity;
  let wall = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const cpu0 = cpuSeconds();
    const wall0 = performance.now();
    for (const [d, v] of plans) turnBased.simulate(d, v, config);
    best = Math.min(best, cpuSeconds() - cpu0);
    wall = Math.min(wall, (performance.now() - wall0) / 1000);
  }
  const n = plans.length;
  return {
    name: `turn-based simulate, random pairs (${preset} preset)`,
    value: Math.round(n / best),
    unit: 'battles/s',
    note:
      `${n} pairs, Invader wins ${((100 * invaderWins) / n).toFixed(1)}%, mean ${(rounds / n).toFixed(1)} rounds, ` +
      `${capped} capped; ${Math.round(n / wall)}/s by wall clock`,
  };
}

export async function bench(): Promise<BenchResult[]> {
  return [battlesPerSecond('default'), battlesPerSecond('paper')];
}
