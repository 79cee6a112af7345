import { createHash } from 'node:crypto';
import { connectFourBatch, worstOnnxGap } from './support/c4-batch.js';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import type { MoveRequest } from '../arena/agents/agent.js';
import { createAgent } from '../arena/agents/registry.js';
import { createConnectFour, type ConnectFourState } from '../games/connect-four/index.js';
import type { MoveGame } from '../games/core/move-game.js';
import { createRng } from '../games/core/rng.js';
import { parseProver } from '../arena/search/provers.js';
import { generateDataset, sliceStates } from '../arena/verifier/dataset.js';
import { mlpFromOnnx, mlpToOnnx } from '../arena/verifier/onnx-export.js';
import { evaluateModel, trainVerifierModel, DEFAULT_RECIPE } from '../arena/verifier/pipeline.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from '../arena/verifier/runtime.js';

registerBuiltinAgents();

/** sha256 of the model `trainVerifierModel` makes from the small recipe below (see models/README.md). */
const PINNED_SMALL_RECIPE_SHA256 = '5245256c468e43d5585b69d1b4672e3a16ec135d77655eb71fdf4ed867a1cba3';
const c4 = createConnectFour();
const models: VerifierModel[] = [];
afterAll(async () => {
  await Promise.all(models.map((m) => m.close()));
});

async function load(source?: string | Uint8Array): Promise<VerifierModel> {
  const m = await VerifierModel.load(source);
  models.push(m);
  return m;
}

const batch = (count: number): { x: Float32Array; n: number } => connectFourBatch('forward batch', count, 20);

describe('the shipped Connect Four verifier', () => {
  it('is small, loads, and matches a TypeScript forward pass of its weights to 1e-5', async () => {
    const bytes = new Uint8Array(await readFile(DEFAULT_VERIFIER_MODEL));
    expect(bytes.length).toBeLessThan(1_000_000);
    const model = await load();
    const { mlp, metadata } = mlpFromOnnx(bytes);
    expect(metadata.recipe).toContain('"seed"');
    expect(await worstOnnxGap(model, mlp, batch(40))).toBeLessThan(1e-5);
  });

  it('was trained on the positions the current pipeline draws for its recipe (the documented defaults, seed 1)', async () => {
    const { metadata } = mlpFromOnnx(new Uint8Array(await readFile(DEFAULT_VERIFIER_MODEL)));
    const recipe = JSON.parse(metadata.recipe ?? '{}') as typeof DEFAULT_RECIPE & { seed: number };
    expect(recipe).toEqual({ ...DEFAULT_RECIPE, seed: 1 });
    // Self-play positions do not depend on the rollout count (labels draw from their own stream), so one playout
    // per step gives the recipe's positions fast; the held-out split must be the one the model was measured on.
    const positions = generateDataset(c4, { positions: recipe.positions, rollouts: 1, seed: recipe.seed, prover: parseProver(recipe.prover) });
    const cut = Math.round(positions.states * (1 - recipe.heldOut));
    const heldOut = JSON.parse(metadata.heldOutQuality ?? '{}') as { states: number; steps: number };
    expect(heldOut).toMatchObject({ states: positions.states - cut, steps: sliceStates(positions, cut, positions.states).size });
  });

  it('ranks the prover’s best move first more often than chance on fresh labelled positions', async () => {
    const data = generateDataset(c4, { positions: 120, rollouts: 16, seed: 'fresh held-out', prover: parseProver(DEFAULT_RECIPE.prover) });
    const q = await evaluateModel(await load(), data);
    expect(q.top1).toBeGreaterThan(q.chanceTop1 + 0.1);
    expect(q.corrQ).toBeGreaterThan(0.3);
  });

  it('batches predictions queued in the same tick into one inference run', async () => {
    const model = await load();
    const { x, n } = batch(3);
    const before = model.runs;
    const third = Math.floor(n / 3) * 91;
    const parts = [x.slice(0, third), x.slice(third, 2 * third), x.slice(2 * third)];
    const outs = await Promise.all(parts.map((p) => model.predict(p, p.length / 91)));
    expect(model.runs - before).toBe(1);
    const whole = await model.run(x, n);
    expect(Array.from(outs.flatMap((o) => Array.from(o)))).toEqual(Array.from(whole));
  });
});

describe('onnx agents and the onnx verifier', () => {
  const request = (state: ConnectFourState): MoveRequest => ({ kind: 'move', game: c4 as MoveGame, state, player: c4.toMove(state), legal: c4.legalActions(state), ply: 0, gameIndex: 0, attempt: 1, feedback: [] });

  it('play legal moves greedily, by sampling and by MCTS with the network as leaf evaluator', async () => {
    const s = [3, 3, 2].reduce((st, c) => c4.apply(st, c), c4.initial());
    for (const spec of ['onnx', 'onnx:mode=sample,temperature=0.05']) {
      const d = await createAgent(spec, {}, 'move').decideMove?.(request(s), { rng: createRng(1) });
      expect(c4.legalActions(s)).toContain(d?.action);
      expect((d?.meta as { q: number[] }).q).toHaveLength(7);
      expect(d?.usage.simulations).toBe(7);
    }
    const greedy = await createAgent('onnx', {}, 'move').decideMove?.(request(s), { rng: createRng(1) });
    const q = (greedy?.meta as { q: number[] }).q;
    expect(q[greedy?.action as number]).toBe(Math.max(...q));
    const mcts = await createAgent('onnx:mode=mcts,iterations=30', {}, 'move').decideMove?.(request(s), { rng: createRng(1) });
    expect(c4.legalActions(s)).toContain(mcts?.action);
    expect((mcts?.meta as { visits: number[] }).visits.reduce((x, y) => x + y, 0)).toBe(30);
    expect(mcts?.usage.simulations).toBeGreaterThan(7);
    expect(() => createAgent('onnx:mode=beam', {}, 'move')).toThrow(/mode must be/);
  });

  it('serve as the PRM verifier, one inference per distinct candidate', async () => {
    const d = await createAgent('prm:base=random,verifier=onnx,n=8', {}, 'move').decideMove?.(request(c4.initial()), { rng: createRng(2) });
    const meta = d?.meta as { distinct: number; verifierSimulations: number; verifier: string };
    expect(meta.verifier).toBe('onnx:connect-four-verifier.onnx');
    expect(meta.verifierSimulations).toBe(meta.distinct);
  });
});

describe('verifier training', () => {
  it('is deterministic: a pinned small recipe gives the same bytes every time (if this hash changes, the shipped model no longer reproduces: retrain it)', async () => {
    const recipe = { ...DEFAULT_RECIPE, seed: 1, positions: 150, rollouts: 4, epochs: 2, hidden: [16] };
    const [a, b] = [await trainVerifierModel(recipe), await trainVerifierModel(recipe)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(createHash('sha256').update(a.bytes).digest('hex')).toBe(PINNED_SMALL_RECIPE_SHA256);
  });


  it('a tiny seeded run produces a loadable ONNX model with a symbolic batch dimension', async () => {
    const done = await trainVerifierModel({ ...DEFAULT_RECIPE, seed: 3, positions: 60, rollouts: 4, epochs: 1, hidden: [8], batchSize: 64 });
    expect(done.parameters).toBe(91 * 8 + 8 + 8 * 2 + 2);
    const model = await load(done.bytes);
    for (const rows of [1, 5]) {
      const out = await model.run(new Float32Array(rows * 91), rows);
      expect(out.length).toBe(2 * rows);
    }
    const back = mlpFromOnnx(mlpToOnnx(done.mlp)).mlp;
    expect(Array.from(back.layers[0]?.weights ?? [])).toEqual(Array.from(done.mlp.layers[0]?.weights ?? []));
    expect(done.quality.states).toBe(6);
  });
});
