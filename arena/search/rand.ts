import type { Rng } from '../../games/core/rng.js';

/**
 * A fast uniform integer source for rollouts, `rand(n)` in [0, n), seeded from `rng` (one draw). Rollouts call
 * it millions of times a second, so it is a plain xorshift32 closure rather than the general Rng; the tiny
 * modulo bias for n <= 20 (below 5e-9) does not matter for playouts.
 */
export function fastRand(rng: Rng): (n: number) => number {
  let s = rng.int(1, 0xffffffff) | 0;
  return (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}
