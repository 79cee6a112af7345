import type { BenchResult } from '../../test/bench/types.js';
import { createRng } from '../core/rng.js';
import { towerDefense } from './index.js';
import type { TdPlan } from './types.js';

const PAIRS = 2000;

/** A fixed seeded set of random plan pairs at the given preset, validated once outside the timed loop. */
function pairs(preset: string): [TdPlan, TdPlan][] {
  const config = towerDefense.config(preset);
  const rng = createRng(`tower-defense-bench-${preset}`);
  const plans: [TdPlan, TdPlan][] = [];
  for (let i = 0; i < PAIRS; i++) {
    const h = towerDefense.validate(0, towerDefense.randomPlan(0, rng, config), config).plan;
    const d = towerDefense.validate(1, towerDefense.randomPlan(1, rng, config), config).plan;
    plans.push([h, d]);
  }
  return plans;
}

/** Battles per second of the pure simulator (no log) on one core. */
function battlesPerSecond(preset: string): BenchResult {
  const config = towerDefense.config(preset);
  const plans = pairs(preset);
  for (const [h, d] of plans.slice(0, 200)) towerDefense.simulate(h, d, config); // warm-up
  let humanWins = 0;
  let ticks = 0;
  const start = performance.now();
  for (const [h, d] of plans) {
    const r = towerDefense.simulate(h, d, config);
    if (r.winner === 0) humanWins++;
    ticks += r.steps;
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    name: `tower-defense simulate, random pairs (${preset} budgets)`,
    value: Math.round(plans.length / seconds),
    unit: 'battles/s',
    note: `${plans.length} pairs, Human wins ${((100 * humanWins) / plans.length).toFixed(1)}%, mean ${Math.round(ticks / plans.length)} ticks`,
  };
}

export async function bench(): Promise<BenchResult[]> {
  return [battlesPerSecond('default'), battlesPerSecond('paper')];
}
