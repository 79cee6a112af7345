import { createRng, hashSeed, type Rng } from '../../games/core/rng.js';

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A generator seeded from the parts. The parts are hashed and then finalised, because generators built from
 * nearby seeds (hashSeed of labels that differ in their last character) start with correlated first draws.
 */
export function mixedRng(...parts: ReadonlyArray<string | number>): Rng {
  return createRng(fmix32(hashSeed(...parts)));
}
