import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded random source. Everything random in the arena draws from one of these; nothing uses Math.random. */
export interface Rng {
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform float in [0, 1). */
  float(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty array (a programming error, not bad input). */
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one's seed and a label (does not advance this one). */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a over the parts, joined with '\u0000'. Used to derive seeds from names and keys. */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: nearby seeds become unrelated ones. */
function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Outputs dropped after seeding: xoroshiro's first outputs from a low-entropy state are correlated across seeds. */
const WARM_UP = 16;

class SeededRng implements Rng {
  private readonly gen: RandomGenerator;

  constructor(private readonly seed: number) {
    this.gen = xoroshiro128plus(mix32(seed));
    for (let i = 0; i < WARM_UP; i++) this.gen.next();
  }

  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  float(): number {
    // 53 random bits from two draws.
    const hi = (this.gen.next() >>> 0) >>> 5;
    const lo = (this.gen.next() >>> 0) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[this.int(0, items.length - 1)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  fork(label: string | number): Rng {
    return new SeededRng(hashSeed(this.seed, label));
  }
}

/** A generator seeded from a number or any string (hashed). */
export function createRng(seed: number | string): Rng {
  return new SeededRng(typeof seed === 'number' ? seed >>> 0 : hashSeed(seed));
}

/**
 * A generator seeded from the parts. The parts are hashed and then finalised, because generators built from
 * nearby seeds (hashSeed of labels that differ in their last character) start with correlated first draws.
 */
export function mixedRng(...parts: ReadonlyArray<string | number>): Rng {
  return createRng(mix32(hashSeed(...parts)));
}
