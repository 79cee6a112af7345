import { readFile } from 'node:fs/promises';
import { createConnectFour, type ConnectFourState } from '../../games/connect-four/index.js';
import { createRng, mixedRng } from '../../games/core/rng.js';
import type { BenchResult } from '../../test/bench/types.js';
import { estimateProgress } from '../progress/estimate.js';
import { parseProver } from '../search/provers.js';
import { encodeMoves } from '../../games/connect-four/encode.js';
import { forward } from './mlp.js';
import { mlpFromOnnx } from './onnx-export.js';
import { DEFAULT_VERIFIER_MODEL, VerifierModel } from './runtime.js';

/**
 * The learned verifier on onnxruntime-node (CPU) at batch 1 and batch 256, against its pure TypeScript forward pass;
 * and rollout progress estimates (A = Q − V, 16 playouts per term) per second under the random and greedy provers.
 */

async function rate(ms: number, step: () => Promise<number> | number): Promise<number> {
  await step();
  const start = performance.now();
  let work = 0;
  while (performance.now() - start < ms) work += await step();
  return work / ((performance.now() - start) / 1000);
}

function positions(count: number): ConnectFourState[] {
  const game = createConnectFour();
  const rng = createRng('bench positions');
  const out: ConnectFourState[] = [];
  while (out.length < count) {
    let s = game.initial();
    for (let i = rng.int(0, 16); i > 0 && !game.isTerminal(s); i--) s = game.apply(s, rng.pick(game.legalActions(s)));
    if (!game.isTerminal(s)) out.push(s);
  }
  return out;
}

export async function bench(): Promise<BenchResult[]> {
  const model = await VerifierModel.load();
  const { mlp } = mlpFromOnnx(new Uint8Array(await readFile(DEFAULT_VERIFIER_MODEL)));
  const states = positions(64);
  const rows = states.map((s) => encodeMoves(s, [0]));
  const big = new Float32Array(256 * model.inputs);
  for (let i = 0; i < 256; i++) big.set(rows[i % rows.length] as Float32Array, i * model.inputs);
  let k = 0;
  const one = await rate(1500, async () => {
    await model.run(rows[k++ % rows.length] as Float32Array, 1);
    return 1;
  });
  const batch = await rate(1500, async () => {
    await model.run(big, 256);
    return 256;
  });
  const ts = await rate(1000, () => {
    forward(mlp, big, 256);
    return 256;
  });
  await model.close();
  const game = createConnectFour();
  const out: BenchResult[] = [
    { name: 'verifier inferences/s, onnxruntime batch 1', value: Math.round(one), unit: 'inf/s', note: `${mlp.layers.map((l) => l.outputs).join('-')} MLP` },
    { name: 'verifier inferences/s, onnxruntime batch 256', value: Math.round(batch), unit: 'inf/s' },
    { name: 'verifier inferences/s, TypeScript forward batch 256', value: Math.round(ts), unit: 'inf/s' },
  ];
  for (const name of ['random', 'greedy']) {
    const prover = parseProver(name);
    let i = 0;
    const r = await rate(1500, () => {
      const s = states[i % states.length] as ConnectFourState;
      estimateProgress(game, s, game.legalActions(s)[0] as number, prover, { rollouts: 16, rng: mixedRng('bench', i++) });
      return 1;
    });
    out.push({ name: `progress estimates/s, connect-four, ${name} prover, M=16`, value: Math.round(r), unit: 'est/s', note: `${Math.round(r * 32)} playouts/s` });
  }
  return out;
}
