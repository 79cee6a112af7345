import type { Agent } from '../agent.js';
import { botUsage } from './usage.js';

/**
 * Wraps a move agent so that with probability p it plays a uniformly random legal move instead of asking the
 * base agent (graded strengths for rating calibration). p = 0 returns the base agent itself and p = 1 draws no
 * coin, so `error=1` plays exactly like `random` and `error=0` exactly like the base on the same seed.
 */
export function withErrorRate(base: Agent, p: number): Agent {
  const decide = base.decideMove?.bind(base);
  if (p <= 0 || !decide) return base;
  const wrapped: Agent = {
    id: base.id,
    kind: base.kind,
    async decideMove(request, ctx) {
      if (p >= 1 || ctx.rng.chance(p)) {
        const start = performance.now();
        return { action: ctx.rng.pick(request.legal), usage: botUsage(start), meta: { errorMove: true } };
      }
      return decide(request, ctx);
    },
  };
  const close = base.close?.bind(base);
  return close ? { ...wrapped, close } : wrapped;
}
