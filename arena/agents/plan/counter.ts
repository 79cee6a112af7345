import { adjudicate } from '../../../games/core/adjudicate.js';
import type { PlanGame, PlanGameConfig, SideIndex } from '../../../games/core/plan-game.js';
import type { Rng } from '../../../games/core/rng.js';
import type { Agent, PlanRequest } from '../agent.js';
import { checkParams, numParam, type AgentSpec } from '../../spec/agent-spec.js';
import { timedPlan } from './timing.js';

interface Target {
  readonly plan: unknown;
  readonly cost: number;
}

/** Score of `side`'s candidate against targets: the mean adjudicated score (1 win, 0.5 no winner, 0 loss). */
function evaluate(game: PlanGame, config: PlanGameConfig, side: SideIndex, candidate: unknown, targets: readonly Target[]): number {
  const mine = game.validate(side, candidate, config);
  if (mine.report.cost > config.budgets[side]) return -1;
  let total = 0;
  for (const t of targets) {
    const result = side === 0 ? game.simulate(mine.plan, t.plan, config) : game.simulate(t.plan, mine.plan, config);
    const costs: [number, number] = side === 0 ? [mine.report.cost, t.cost] : [t.cost, mine.report.cost];
    const { winner } = adjudicate(costs, config.budgets, result.winner);
    total += winner === null ? 0.5 : winner === side ? 1 : 0;
  }
  return total / targets.length;
}

function target(game: PlanGame, config: PlanGameConfig, side: SideIndex, value: unknown): Target {
  const v = game.validate(side, value, config);
  return { plan: v.plan, cost: v.report.cost };
}

/**
 * Search for a plan that beats the targets. The primary target (the opponent's plan in force) decides; the
 * perturbed copies of it break ties, which gives hill-climbing a gradient and prefers robust counters.
 */
function search(req: PlanRequest, rng: Rng, start: unknown, primary: Target[], secondary: Target[], evals: number): { plan: unknown; simulations: number; meta: Record<string, unknown> } {
  const { game, config, side } = req;
  let sims = 0;
  const score = (candidate: unknown): number => {
    sims += primary.length + secondary.length;
    const p = evaluate(game, config, side, candidate, primary);
    return secondary.length === 0 ? p : p * 10 + evaluate(game, config, side, candidate, secondary);
  };
  const perfect = secondary.length === 0 ? 1 : 11;
  let best = start;
  let bestScore = score(start);
  let tried = 1;
  while (sims < evals && bestScore < perfect) {
    const fresh = tried % 4 === 0;
    const candidate = fresh ? game.randomPlan(side, rng, config) : game.mutatePlan(side, best, rng, config);
    const s = score(candidate);
    tried++;
    if (s > bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  return { plan: best, simulations: sims, meta: { candidates: tried, score: bestScore } };
}

/**
 * `counter`: searches plans with the simulator within a bounded compute budget (`evals` battles per decision).
 * Revisions search for a best response to the opponent's plan in force (keeping the current plan if it already
 * wins); initial plans are blind, so it searches for a plan that does well against random opponent plans.
 */
export function createCounterPlanner(spec: AgentSpec): Agent {
  checkParams(spec, ['evals', 'pool']);
  const evals = numParam(spec, 'evals', 400, 1, 1_000_000);
  const pool = Math.round(numParam(spec, 'pool', 6, 1, 1000));
  return {
    id: spec.text,
    kind: 'counter',
    decidePlan: async (req, ctx) =>
      timedPlan(() => {
        const { game, config, side } = req;
        const opp: SideIndex = side === 0 ? 1 : 0;
        const opponentPlan = req.feedback.opponentPlan;
        if (req.phase === 'revision' && opponentPlan !== undefined && opponentPlan !== null) {
          const primary = [target(game, config, opp, opponentPlan)];
          const secondary = Array.from({ length: Math.min(pool, 4) }, () => target(game, config, opp, game.mutatePlan(opp, opponentPlan, ctx.rng, config)));
          const own = req.feedback.ownPlan;
          const start = own !== undefined && own !== null ? own : game.randomPlan(side, ctx.rng, config);
          return search(req, ctx.rng, start, primary, secondary, evals);
        }
        const sample = Array.from({ length: pool }, () => target(game, config, opp, game.randomPlan(opp, ctx.rng, config)));
        return search(req, ctx.rng, game.randomPlan(side, ctx.rng, config), sample, [], evals);
      }),
  };
}
