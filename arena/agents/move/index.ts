import type { Agent } from '../agent.js';
import type { AgentKind } from '../registry.js';
import { checkParams, numParam, type AgentSpec } from '../../spec/agent-spec.js';
import { withErrorRate } from './error-rate.js';
import { createGreedyMoveAgent } from './greedy.js';
import { createMctsAgent, mctsOptionsFrom } from './mcts.js';
import { createRandomMoveAgent } from './random.js';
import { createSolverAgent } from './solver.js';

export interface MoveAgentFactory {
  readonly description: string;
  /** Parameter docs, `name=default: meaning`. */
  readonly params: string[];
  create(spec: AgentSpec): Agent;
}

const ERROR_PARAM = 'error=0: probability of playing a uniformly random legal move instead (graded strengths)';

function factory(description: string, params: string[], build: (spec: AgentSpec) => Agent): MoveAgentFactory {
  const all = [...params, ERROR_PARAM];
  const names = all.map((p) => p.slice(0, p.indexOf('=')));
  return {
    description,
    params: all,
    create(spec) {
      checkParams(spec, names);
      return withErrorRate(build(spec), numParam(spec, 'error', 0, 0, 1));
    },
  };
}

/** Built-in move-game agents by kind. Every kind takes `error=p`. */
export const moveAgentFactories: Record<'random' | 'greedy' | 'mcts' | 'solver', MoveAgentFactory> = {
  random: factory('uniformly random legal move', [], createRandomMoveAgent),
  greedy: factory('wins if it can, blocks an immediate loss, else the game heuristic (seeded ties)', [], createGreedyMoveAgent),
  mcts: factory(
    'UCT Monte Carlo tree search with random rollouts, reusing its tree between moves',
    [
      'iterations=1000: iterations per move (when ms is also given, whichever ends first)',
      'ms=none: wall-time budget per move in milliseconds (not reproducible run to run)',
      'c=1.414: UCB1 exploration constant',
      'reuse=1: keep the subtree of the moves played (0: a fresh tree each move)',
    ],
    (spec) => createMctsAgent(spec, mctsOptionsFrom(spec)),
  ),
  solver: factory('perfect play by exact negamax (only games small enough to solve: the solvable capability)', [], createSolverAgent),
};

/** The same factories as registry kinds (the lead merges `random` with the plan-game random agent by family). */
export const moveAgentKinds: AgentKind[] = Object.entries(moveAgentFactories).map(([kind, f]) => ({
  kind,
  families: ['move'],
  description: f.description,
  params: f.params,
  create: (spec: AgentSpec) => f.create(spec),
}));

export { greedyMove } from './greedy.js';
export { solveActions, solveValue, solvedResult, type SolverMemo } from '../../search/negamax.js';
export { boardOf } from '../../search/board.js';
export { fastRand } from '../../search/rand.js';
export { withErrorRate } from './error-rate.js';
export type { MctsOptions } from './mcts.js';
