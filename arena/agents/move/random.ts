import type { Agent } from '../agent.js';
import type { AgentSpec } from '../../spec/agent-spec.js';
import { botUsage } from './usage.js';

/** Plays a uniformly random legal move drawn from its seeded generator. */
export function createRandomMoveAgent(spec: AgentSpec): Agent {
  return {
    id: spec.text,
    kind: spec.kind,
    async decideMove(request, ctx) {
      const start = performance.now();
      return { action: ctx.rng.pick(request.legal), usage: botUsage(start) };
    },
  };
}
