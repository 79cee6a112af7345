import { createRng } from '../core/rng.js';
import { config } from './config.js';
import { randomPlan, mutatePlan } from './plans.js';
const cfg = config();
const rng = createRng(1);
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) randomPlan(0, rng, cfg);
  const t1 = performance.now();
  let p = randomPlan(1, rng, cfg);
  for (let i = 0; i < 1000; i++) p = mutatePlan(0, p, rng, cfg);
  console.log(((t1 - t0) / 1000).toFixed(3), 'ms/plan', ((performance.now() - t1) / 1000).toFixed(3), 'ms/mutate');
}
