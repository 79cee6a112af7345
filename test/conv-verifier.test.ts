import { createHash } from 'node:crypto';
import { connectFourBatch, worstOnnxGap } from './support/c4-batch.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnectFour } from '../games/connect-four/index.js';
import { createRng } from '../games/core/rng.js';
import { parseProver } from '../arena/search/provers.js';
import { generateDataset } from '../arena/verifier/dataset.js';
import { parameterCount, type Mlp } from '../arena/verifier/mlp.js';
import { mlpFromOnnx, mlpToOnnx } from '../arena/verifier/onnx-export.js';
import { DEFAULT_RECIPE, recipeArgs, trainVerifierModel, type VerifierRecipe } from '../arena/verifier/pipeline.js';
import { VerifierModel } from '../arena/verifier/runtime.js';
import { UsageError } from '../arena/errors.js';

/** sha256 of the model the small conv recipe below makes (exact labels by the bounded solver). */
const PINNED_SMALL_CONV_SHA256 = 'd8e7b463d97160f18b55afdb3a9c0f93f52e3496520c4c4651f1b31310e23136';
const c4 = createConnectFour();
const models: VerifierModel[] = [];
afterAll(async () => {
  await Promise.all(models.map((m) => m.close()));
});

async function load(source: Uint8Array): Promise<VerifierModel> {
  const m = await VerifierModel.load(source);
  models.push(m);
  return m;
}

const batch = (count: number): { x: Float32Array; n: number } => connectFourBatch('conv batch', count, 25);

async function worstGap(mlp: Mlp): Promise<number> {
  return worstOnnxGap(await load(mlpToOnnx(mlp)), mlp, batch(40));
}

/** Seeded weights in [-0.5, 0.5). */
function weights(n: number, seed: string): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.float() - 0.5);
}

describe('conv verifier networks', () => {
  it('run on onnxruntime exactly as the TypeScript forward pass: two conv layers (4 x 4, then 2 x 2) before the dense ones', async () => {
    const mlp: Mlp = {
      conv: {
        inputs: 91,
        channels: 2,
        rows: 6,
        cols: 7,
        layers: [
          { inChannels: 2, filters: 5, kernel: 4, weights: weights(5 * 2 * 16, 'c0'), bias: weights(5, 'cb0') },
          { inChannels: 5, filters: 3, kernel: 2, weights: weights(3 * 5 * 4, 'c1'), bias: weights(3, 'cb1') },
        ],
      },
      // conv output 2 x 3 x 3 = 18, plus the 7 column features
      layers: [
        { inputs: 25, outputs: 6, weights: weights(25 * 6, 'd0'), bias: weights(6, 'db0'), activation: 'relu' },
        { inputs: 6, outputs: 2, weights: weights(12, 'd1'), bias: weights(2, 'db1'), activation: 'tanh' },
      ],
      scale: Float32Array.from([0.5, 1]),
      shift: Float32Array.from([0.5, 0]),
    };
    expect(await worstGap(mlp)).toBeLessThan(1e-5);
    const back = mlpFromOnnx(mlpToOnnx(mlp)).mlp;
    expect(back.conv).toEqual(mlp.conv);
    expect(parameterCount(back)).toBe(5 * 33 + 3 * 21 + 26 * 6 + 7 * 2);
  });

  it('trained by tfjs, export to ONNX with the weights in ONNX layout (onnxruntime agrees with the forward pass)', async () => {
    const done = await trainVerifierModel({ ...DEFAULT_RECIPE, seed: 3, positions: 40, rollouts: 4, epochs: 1, hidden: [8], batchSize: 64, net: 'conv', filters: [4], kernel: 4 });
    expect(done.mlp.conv?.layers.map((l) => [l.inChannels, l.filters, l.kernel])).toEqual([[2, 4, 4]]);
    expect(done.parameters).toBe(4 * 33 + (3 * 4 * 4 + 7) * 8 + 8 + 8 * 2 + 2);
    expect(await worstGap(done.mlp)).toBeLessThan(1e-5);
    expect(JSON.parse(mlpFromOnnx(done.bytes).metadata.recipe ?? '{}')).toMatchObject({ net: 'conv', filters: [4], kernel: 4 });
    // two layers: the first as a map over patches, the second a conv2d
    const deep = await trainVerifierModel({ ...DEFAULT_RECIPE, seed: 3, positions: 30, rollouts: 4, epochs: 1, hidden: [8], batchSize: 64, net: 'conv', filters: [3, 2], kernel: 3 });
    expect(deep.mlp.conv?.layers.map((l) => [l.inChannels, l.filters, l.kernel])).toEqual([[2, 3, 3], [3, 2, 3]]);
    expect(await worstGap(deep.mlp)).toBeLessThan(1e-5);
  });

  it('need a game whose encoding declares a grid', async () => {
    await expect(trainVerifierModel({ ...DEFAULT_RECIPE, seed: 1, game: 'tic-tac-toe', positions: 20, rollouts: 2, epochs: 1, hidden: [4], net: 'conv' })).rejects.toThrow(UsageError);
  });
});

describe('exact Connect Four labels by the bounded solver', () => {
  it('are optimal values (Q* in {0, ½, 1}, A* = Q* − max Q*), skip positions over the budget and say how many', () => {
    const solver = parseProver('solver');
    const data = generateDataset(c4, { positions: 15, rollouts: 1, seed: 2, prover: solver, exact: true, budget: 20_000, selfPlay: parseProver('greedy') });
    expect(data.states).toBe(15);
    expect(data.skipped).toBeGreaterThan(0);
    for (let lo = 0; lo < data.size; ) {
      let hi = lo;
      let best = -Infinity;
      while (hi < data.size && data.group[hi] === data.group[lo]) {
        expect([0, 0.5, 1]).toContain(data.q[hi]);
        expect(data.a[hi]).toBeLessThanOrEqual(0);
        best = Math.max(best, data.a[hi] as number);
        hi++;
      }
      expect(best).toBe(0);
      lo = hi;
    }
    const generous = generateDataset(c4, { positions: 15, rollouts: 1, seed: 2, prover: solver, exact: true, budget: 200_000, selfPlay: parseProver('greedy') });
    expect(generous.skipped).toBeLessThan(data.skipped ?? 0);
  }, 120_000);

  it('need the solver prover: exact labels of another prover on Connect Four are a usage error', () => {
    expect(() => generateDataset(c4, { positions: 5, rollouts: 1, seed: 1, prover: parseProver('greedy'), exact: true })).toThrow(UsageError);
    expect(() => generateDataset(c4, { positions: 5, rollouts: 1, seed: 1, prover: parseProver('solver'), exact: true, outcome: parseProver('random') })).toThrow(UsageError);
  });
});

describe('conv training on exact labels', () => {
  it('is deterministic, gives one pinned hash, records the skipped positions and a recipe the CLI arguments rebuild', async () => {
    const recipe: VerifierRecipe = { ...DEFAULT_RECIPE, seed: 4, positions: 40, prover: 'solver', exact: true, unique: true, augment: true, budget: 20_000, play: 'greedy', net: 'conv', filters: [4], kernel: 4, epochs: 1, hidden: [8] };
    const [a, b] = [await trainVerifierModel(recipe), await trainVerifierModel(recipe)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(createHash('sha256').update(a.bytes).digest('hex')).toBe(PINNED_SMALL_CONV_SHA256);
    const meta = mlpFromOnnx(a.bytes).metadata;
    expect(JSON.parse(meta.recipe ?? '{}')).toEqual(recipe);
    expect(Number(meta.labelSkipped)).toBeGreaterThan(0);
    expect(recipeArgs(recipe)).toEqual(expect.arrayContaining(['--exact', '--prover', 'solver', '--net', 'conv', '--filters', '4', '--kernel', '4', '--budget', '20000', '--play', 'greedy']));
  }, 120_000);
});
