import type { Agent, PlanRequest } from '../agent.js';
import type { AgentSpec } from '../../spec/agent-spec.js';
import { checkParams } from '../../spec/agent-spec.js';
import { timedPlan } from './timing.js';

/** `random`: a fresh random valid plan within budget for every request. */
export function createRandomPlanner(spec: AgentSpec): Agent {
  checkParams(spec, []);
  return {
    id: spec.text,
    kind: 'random',
    decidePlan: async (req, ctx) => timedPlan(() => ({ plan: req.game.randomPlan(req.side, ctx.rng, req.config), simulations: 0 })),
  };
}

/** The plan in force, or a random plan when there is none (initial requests, or a plan that did not parse). */
function inForceOrRandom(req: PlanRequest, rng: Parameters<NonNullable<Agent['decidePlan']>>[1]['rng']): unknown {
  const own = req.feedback.ownPlan;
  return req.phase === 'revision' && own !== undefined && own !== null ? own : req.game.randomPlan(req.side, rng, req.config);
}

/** `stubborn` (calibration): a random initial plan, then never changes it (ORR = 0 by construction). */
export function createStubbornPlanner(spec: AgentSpec): Agent {
  checkParams(spec, []);
  return {
    id: spec.text,
    kind: 'stubborn',
    decidePlan: async (req, ctx) => timedPlan(() => ({ plan: inForceOrRandom(req, ctx.rng), simulations: 0 })),
  };
}

/** `restless` (calibration): a random initial plan, then at every revision a different valid plan (ORR = 1). */
export function createRestlessPlanner(spec: AgentSpec): Agent {
  checkParams(spec, []);
  return {
    id: spec.text,
    kind: 'restless',
    decidePlan: async (req, ctx) =>
      timedPlan(() => {
        if (req.phase !== 'revision') return { plan: req.game.randomPlan(req.side, ctx.rng, req.config), simulations: 0 };
        const current = inForceOrRandom(req, ctx.rng);
        const canonical = req.game.validate(req.side, current, req.config).canonical;
        for (let tries = 0; tries < 200; tries++) {
          const next = tries < 100 ? req.game.mutatePlan(req.side, current, ctx.rng, req.config) : req.game.randomPlan(req.side, ctx.rng, req.config);
          const v = req.game.validate(req.side, next, req.config);
          if (v.canonical !== canonical && v.report.cost <= req.config.budgets[req.side]) return { plan: next, simulations: 0 };
        }
        throw new Error(`restless could not find a different valid plan in ${req.game.id}`);
      }),
  };
}
