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

describe('seed decorrelation', () => {
  it('gives unrelated first draws for nearby seeds and nearby fork labels', () => {
    // Without mixing, xoroshiro seeded with s and s + 1 starts with nearly equal outputs (0.226, 0.230, 0.234, ...).
    const firsts = Array.from({ length: 500 }, (_, i) => createRng(hashSeed(7, i)).float());
    const close = firsts.slice(1).filter((x, i) => Math.abs(x - (firsts[i] as number)) < 0.01).length;
    expect(close).toBeLessThan(25); // ~2% expected for independent uniforms
    const mean = firsts.reduce((s, x) => s + x, 0) / firsts.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const forks = Array.from({ length: 200 }, (_, i) => [createRng(i).fork('side0').float(), createRng(i).fork('side1').float()] as const);
    const same = forks.filter(([a, b]) => Math.abs(a - b) < 0.01).length;
    expect(same).toBeLessThan(12);
  });
});
