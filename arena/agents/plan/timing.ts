import { performance } from 'node:perf_hooks';
import type { PlanDecision } from '../agent.js';
import { ZERO_USAGE } from '../../trace/usage.js';

/** Wraps a built-in planner's synchronous work as a decision with measured wall time and simulation count. */
export function timedPlan(work: () => { plan: unknown; simulations: number; meta?: Record<string, unknown> }): PlanDecision {
  const start = performance.now();
  const { plan, simulations, meta } = work();
  const wallMs = Math.round((performance.now() - start) * 1000) / 1000;
  const usage = { ...ZERO_USAGE, wallMs, simulations };
  return meta === undefined ? { plan, usage } : { plan, usage, meta };
}
