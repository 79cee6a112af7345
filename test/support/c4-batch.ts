import { createConnectFour, type ConnectFourState } from '../../games/connect-four/index.js';
import { encodeMoves } from '../../games/connect-four/encode.js';
import { createRng } from '../../games/core/rng.js';

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
