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

/**
 * Battles per second of the pure simulator (no log) over a fixed seeded set of random plan pairs, on one core: by
 * process CPU time (robust on a shared machine) and by wall time.
 */
export async function bench(): Promise<BenchResult[]> {
  const cfg = abConfig();
  const rng = createRng('auto-battler-bench');
  const pairs: [AbPlan, AbPlan][] = [];
  for (let i = 0; i < PAIRS; i++) {
    pairs.push([validate(0, randomPlan(0, rng, cfg), cfg).plan, validate(1, randomPlan(1, rng, cfg), cfg).plan]);
  }
  let turns = 0;
  for (const [a, b] of pairs) turns += simulate(a, b, cfg).steps;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const [a, b] of pairs) simulate(a, b, cfg);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  const battles = PAIRS * ROUNDS;
  const note = `${PAIRS} seeded random plan pairs x ${ROUNDS}, no log, mean ${(turns / PAIRS).toFixed(1)} turns/battle`;
  return [
    { name: 'auto-battler simulate (cpu time)', value: Math.round(battles / cpu), unit: 'battles/s', note },
    { name: 'auto-battler simulate (wall time)', value: Math.round(battles / wall), unit: 'battles/s', note: `${note}; shared machine` },
  ];
}
