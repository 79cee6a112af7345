import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './rng.js';

describe('seeded rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.int(0, 1000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.int(0, 1000))).not.toEqual(seqA);
  });

  it('forks independent streams without advancing the parent', () => {
    const a = createRng('match');
    const f1 = a.fork('side0').int(0, 1e9);
    const f2 = createRng('match').fork('side0').int(0, 1e9);
    expect(f1).toBe(f2);
    expect(a.fork('side1').int(0, 1e9)).not.toBe(f1);
  });

  it('draws floats in [0, 1) and ints within bounds', () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const f = r.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
    }
  });

  it('shuffles to a permutation and hashes strings stably', () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(createRng(3).shuffle(items).sort()).toEqual(items);
    expect(hashSeed('a', 1)).toBe(hashSeed('a', 1));
    expect(hashSeed('a', 1)).not.toBe(hashSeed('a', 2));
  });
});
