import { expect } from 'vitest';
import { createConnectFour, type ConnectFourState } from '../../games/connect-four/index.js';
import { encodeMoves } from '../../games/connect-four/encode.js';
import { createRng } from '../../games/core/rng.js';
import { forward, type Mlp } from '../../arena/verifier/mlp.js';

const c4 = createConnectFour();

/**
 * `count` Connect Four positions of seeded random play (0 to `maxPlies` plies from the start; finished positions
 * skipped), every legal move of each encoded as the verifier sees it, in one batch of `n` rows.
 */
export function connectFourBatch(seed: string, count: number, maxPlies: number): { x: Float32Array; n: number } {
  const rng = createRng(seed);
  const parts: Float32Array[] = [];
  let n = 0;
  while (parts.length < count) {
    let s: ConnectFourState = c4.initial();
    for (let i = rng.int(0, maxPlies); i > 0 && !c4.isTerminal(s); i--) s = c4.apply(s, rng.pick(c4.legalActions(s)));
    if (c4.isTerminal(s)) continue;
    const legal = c4.legalActions(s);
    parts.push(encodeMoves(s, legal));
    n += legal.length;
  }
  const x = new Float32Array(parts.reduce((k, p) => k + p.length, 0));
  parts.reduce((at, p) => (x.set(p, at), at + p.length), 0);
  return { x, n };
}

/**
 * The largest absolute difference between a loaded ONNX model's outputs and the TypeScript forward pass of `mlp`
 * on one batch (the batch must give two outputs, q and a, per row).
 */
export async function worstOnnxGap(model: { run(x: Float32Array, n: number): Promise<Float32Array> }, mlp: Mlp, batch: { x: Float32Array; n: number }): Promise<number> {
  const onnx = await model.run(batch.x, batch.n);
  const ts = forward(mlp, batch.x, batch.n);
  expect(onnx.length).toBe(2 * batch.n);
  let worst = 0;
  for (let i = 0; i < onnx.length; i++) worst = Math.max(worst, Math.abs((onnx[i] as number) - (ts[i] as number)));
  return worst;
}
