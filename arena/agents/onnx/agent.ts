import { DEFAULT_VERIFIER_MODEL } from '../../verifier/runtime.js';
import { UsageError } from '../../errors.js';
import type { Agent } from '../agent.js';
import type { AgentKind } from '../registry.js';
import { checkParams, numParam, type AgentSpec } from '../../spec/agent-spec.js';
import { botUsage } from '../move/usage.js';
import { netMcts } from './mcts.js';
import { predictMoves, sharedModel } from './verifier.js';

const MODES = ['greedy', 'sample', 'mcts'] as const;

/**
 * `onnx[:FILE]`: plays Connect Four from the learned verifier (default: the shipped model). `mode=greedy` plays
 * the argmax of q over the legal moves (seeded ties); `mode=sample` draws from softmax(q / temperature);
 * `mode=mcts` runs UCT with the network as the leaf evaluator (`iterations`, `c`).
 */
export function createOnnxAgent(spec: AgentSpec): Agent {
  checkParams(spec, ['mode', 'temperature', 'iterations', 'c']);
  const mode = spec.params.mode ?? 'greedy';
  if (!(MODES as readonly string[]).includes(mode)) throw new UsageError(`agent '${spec.text}': mode must be one of ${MODES.join(', ')}, got '${mode}'`);
  const temperature = numParam(spec, 'temperature', 0.1, 1e-6, 100);
  const iterations = Math.round(numParam(spec, 'iterations', 200, 1, 1_000_000));
  const c = numParam(spec, 'c', 0.5, 0, 100);
  const path = spec.arg ?? DEFAULT_VERIFIER_MODEL;
  return {
    id: spec.text,
    kind: 'onnx',
    async decideMove(request, ctx) {
      const start = performance.now();
      const model = await sharedModel(path);
      if (mode === 'mcts') {
        const values = async (state: unknown, actions: readonly unknown[]): Promise<number[]> => (await predictMoves(model, request.game, state, actions)).q;
        const r = await netMcts(request.game, request.state, values, iterations, c, ctx.rng);
        return { action: r.action, usage: botUsage(start, r.inferences), meta: { mode, iterations, visits: r.visits } };
      }
      const { q, a } = await predictMoves(model, request.game, request.state, request.legal);
      let index: number;
      if (mode === 'greedy') {
        const best = Math.max(...q);
        index = ctx.rng.pick(q.map((x, i) => (x === best ? i : -1)).filter((i) => i >= 0));
      } else {
        const top = Math.max(...q);
        const w = q.map((x) => Math.exp((x - top) / temperature));
        let u = ctx.rng.float() * w.reduce((s, x) => s + x, 0);
        index = w.length - 1;
        for (let i = 0; i < w.length; i++) {
          u -= w[i] as number;
          if (u < 0) {
            index = i;
            break;
          }
        }
      }
      const meta = { mode, q: q.map((x) => Math.round(x * 1e4) / 1e4), a: a.map((x) => Math.round(x * 1e4) / 1e4) };
      return { action: request.legal[index], usage: botUsage(start, request.legal.length), meta };
    },
  };
}

export const onnxAgentKind: AgentKind = {
  kind: 'onnx',
  families: ['move'],
  description: 'Connect Four from the learned ONNX verifier (onnxruntime-node): greedy argmax of Q, sampled, or as the MCTS leaf evaluator',
  params: [
    'FILE=(shipped model): the ONNX verifier, as the positional argument onnx:FILE',
    'mode=greedy: greedy, sample or mcts',
    'temperature=0.1: softmax temperature of mode=sample',
    'iterations=200: mode=mcts: UCT iterations per move',
    'c=0.5: mode=mcts: UCB exploration constant',
  ],
  create: (spec) => createOnnxAgent(spec),
};
