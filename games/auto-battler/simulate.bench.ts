import { createRng } from '../core/rng.js';
import { abConfig } from './config.js';
import { randomPlan } from './plans.js';
import { simulate } from './simulate.js';
import type { AbPlan } from './types.js';
import { validate } from './validate.js';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const PAIRS = 2_000;
const ROUNDS = 10;

/** Battles per second of the pure simulator (no log) over a fixed seeded set of random plan pairs, on one core. */
export async function bench(): Promise<BenchResult[]> {
  const cfg = abConfig();
  const rng = createRng('auto-battler-bench');
  const pairs: [AbPlan, AbPlan][] = [];
  for (let i = 0; i < PAIRS; i++) {
    pairs.push([validate(0, randomPlan(0, rng, cfg), cfg).plan, validate(1, randomPlan(1, rng, cfg), cfg).plan]);
  }
  let turns = 0;
  for (const [a, b] of pairs) turns += simulate(a, b, cfg).steps;
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const [a, b] of pairs) simulate(a, b, cfg);
  const seconds = (performance.now() - start) / 1000;
  const battles = PAIRS * ROUNDS;
  return [
    {
      name: 'auto-battler simulate',
      value: Math.round(battles / seconds),
      unit: 'battles/s',
      note: `${PAIRS} seeded random plan pairs x ${ROUNDS}, no log, mean ${(turns / PAIRS).toFixed(1)} turns/battle`,
    },
  ];
}
