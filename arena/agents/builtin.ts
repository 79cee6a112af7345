import { llmAgentKind } from '../llm/agent.js';
import { engineAgentKinds } from './engine/index.js';
import { moveAgentFactories } from './move/index.js';
import { onnxAgentKind } from './onnx/agent.js';
import { createCounterPlanner } from './plan/counter.js';
import { prmAgentKind } from './prm/index.js';
import { createRandomPlanner, createRestlessPlanner, createStubbornPlanner } from './plan/simple.js';
import { agentKinds, registerAgentKind } from './registry.js';

let registered = false;

/** Registers every built-in agent kind once (idempotent, so tests and the CLI can both call it). */
export function registerBuiltinAgents(): void {
  if (registered) return;
  registered = true;
  // `random` plays both families: a random valid plan, or a uniformly random legal move.
  registerAgentKind({
    kind: 'random',
    families: ['plan', 'move'],
    description: 'plan games: a random valid plan within budget for every request; move games: a uniformly random legal move',
    params: moveAgentFactories.random.params,
    create: (spec) => {
      const move = moveAgentFactories.random.create(spec);
      const plan = createRandomPlanner({ ...spec, params: {} });
      return { id: spec.text, kind: 'random', decidePlan: plan.decidePlan!, decideMove: move.decideMove!, close: async () => move.close?.() };
    },
  });
  for (const kind of ['greedy', 'mcts', 'solver'] as const) {
    const f = moveAgentFactories[kind];
    registerAgentKind({ kind, families: ['move'], description: f.description, params: f.params, create: (spec) => f.create(spec) });
  }
  registerAgentKind({
    kind: 'counter',
    families: ['plan'],
    description: 'searches plans with the simulator against the opponent plan in force (blind search for initial plans)',
    params: ['evals=400: battles simulated per decision', 'pool=6: random opponent plans for blind initial search'],
    create: (spec) => createCounterPlanner(spec),
  });
  registerAgentKind({
    kind: 'stubborn',
    families: ['plan'],
    description: 'calibration: a random initial plan that it never revises (ORR = 0)',
    params: [],
    create: (spec) => createStubbornPlanner(spec),
  });
  registerAgentKind({
    kind: 'restless',
    families: ['plan'],
    description: 'calibration: a different valid plan at every revision (ORR = 1)',
    params: [],
    create: (spec) => createRestlessPlanner(spec),
  });
  registerAgentKind(llmAgentKind);
  registerAgentKind(prmAgentKind);
  registerAgentKind(onnxAgentKind);
  for (const kind of engineAgentKinds()) registerAgentKind(kind);
}

export { agentKinds };
