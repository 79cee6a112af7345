import { parseProver } from '../../search/provers.js';
import { UsageError } from '../../errors.js';
import type { Agent } from '../agent.js';
import { createAgent, type AgentEnv, type AgentKind, agentFamiliesOf } from '../registry.js';
import { checkParams, numParam, type AgentSpec } from '../../spec/agent-spec.js';
import { onnxVerifier } from '../onnx/verifier.js';
import { engineVerifier } from './engine-verifier.js';
import { createPrmMoveAgent } from './move.js';
import { createPrmPlanAgent } from './plan.js';
import { exactVerifier, ormVerifier, rolloutVerifier, type MoveVerifier } from './verifier.js';

const PARAMS = [
  'base=random: the proposer, any agent spec (parentheses for nested specs, e.g. base=(mcts:iterations=50,error=0.3))',
  'verifier=rollout: rollout (Q + α·A by playouts), orm (Q only), exact (solved values; small games), (onnx:FILE) / onnx (the shipped Connect Four model), or engine / (engine:depth=N) (the game\'s engine: chess)',
  'n=8: candidates sampled from the base per decision (beam search: per expanded line)',
  'alpha=1: weight of the progress term A (0: outcome-only scoring)',
  'search=best-of-n: best-of-n (score the N candidates, play the best) or beam (beam search over lines; plan games always search revisions, best-of-n there means depth=0)',
  'rollouts=16: move games: playouts per candidate and term (rollout and orm verifiers)',
  'prover=greedy: move games: the prover policy μ of the progress term (random, greedy, greedy:error=E, mcts:iterations=N, best:k=K)',
  'beam=3: beam width B (move games with search=beam; plan games)',
  'depth=2: further plies of each line (move games with search=beam) or expansion steps (plan games)',
  'reply=base: move games with search=beam: the opponent model that proposes the other side\'s moves (default: the base)',
  'expand=4: plan games: mutations per beam member and step',
  'pool=4: plan games: opponent-plan perturbations in the prover pool',
  'randoms=0: plan games: random opponent plans added to the prover pool of revisions',
];

function moveVerifier(text: string, rollouts: number, proverText: string): MoveVerifier {
  if (text === 'orm') return ormVerifier(rollouts);
  if (text === 'rollout') return rolloutVerifier(rollouts, parseProver(proverText));
  if (text === 'exact') return exactVerifier();
  if (text === 'onnx') return onnxVerifier();
  if (text.startsWith('onnx:')) return onnxVerifier(text.slice('onnx:'.length));
  if (text === 'engine' || text.startsWith('engine:')) return engineVerifier(text);
  throw new UsageError(`unknown verifier '${text}'; valid choices: rollout, orm, exact, onnx, (onnx:FILE), engine, (engine:depth=N)`);
}

/**
 * `prm`: PRM-guided play (PRM.md). Move games: best-of-N over the base agent's candidates by Q + α·A, or beam search over lines (search=beam). Plan games:
 * beam search over revisions with the simulator. The onnx verifier is move-only and loads its model lazily.
 */
export function createPrmAgent(spec: AgentSpec, env: AgentEnv): Agent {
  checkParams(spec, PARAMS.map((p) => p.slice(0, p.indexOf('='))));
  const baseText = spec.params.base ?? 'random';
  if (baseText.split(':')[0]?.trim() === 'prm') throw new UsageError(`agent '${spec.text}': the base of prm cannot itself be prm`);
  const n = Math.round(numParam(spec, 'n', 8, 1, 1024));
  const alpha = numParam(spec, 'alpha', 1, 0, 1000);
  const rollouts = Math.round(numParam(spec, 'rollouts', 16, 1, 100_000));
  const verifierText = spec.params.verifier ?? 'rollout';
  const search = spec.params.search ?? 'best-of-n';
  if (search !== 'best-of-n' && search !== 'beam') throw new UsageError(`agent '${spec.text}': search takes best-of-n or beam, got '${search}'`);
  const beam = Math.round(numParam(spec, 'beam', 3, 1, 64));
  const depth = Math.round(numParam(spec, 'depth', 2, 0, 64));
  const base = createAgent(baseText, env);
  let agent: Agent = { id: spec.text, kind: 'prm' };
  if (base.decideMove) {
    const verifier = moveVerifier(verifierText, rollouts, spec.params.prover ?? 'greedy');
    const replyText = spec.params.reply;
    if (replyText !== undefined && replyText.split(':')[0]?.trim() === 'prm') throw new UsageError(`agent '${spec.text}': the reply model of prm cannot itself be prm`);
    const reply = search === 'beam' ? (replyText === undefined ? base : createAgent(replyText, env, 'move')) : undefined;
    agent = createPrmMoveAgent(spec.text, base, verifier, { n, alpha, ...(reply ? { beam: { width: beam, depth, reply } } : {}) });
  }
  if (base.decidePlan) {
    if (verifierText !== 'rollout' && verifierText !== 'orm' && !base.decideMove) throw new UsageError(`agent '${spec.text}': plan games take verifier=rollout or orm`);
    const plan = createPrmPlanAgent(spec.text, base, {
      n,
      alpha,
      beam,
      depth: search === 'best-of-n' && spec.params.search !== undefined ? 0 : depth,
      expand: Math.round(numParam(spec, 'expand', 4, 0, 256)),
      pool: Math.round(numParam(spec, 'pool', 4, 0, 256)),
      randoms: Math.round(numParam(spec, 'randoms', 0, 0, 256)),
      outcomeOnly: verifierText === 'orm',
    });
    const decidePlan = plan.decidePlan as NonNullable<Agent['decidePlan']>;
    agent = { ...agent, decidePlan };
  }
  return agent;
}

export const prmAgentKind: AgentKind = {
  kind: 'prm',
  families: ['move', 'plan'],
  description: 'PRM-guided play: N candidates from a base agent, the best by verifier score Q + α·A (plan games: beam search)',
  params: PARAMS,
  // A prm agent plays what its base plays.
  familiesOf: (spec) => agentFamiliesOf(spec.params.base ?? 'random').filter((f) => f === 'move' || f === 'plan'),
  create: createPrmAgent,
};
