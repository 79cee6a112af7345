import { hashSeed } from '../../games/core/rng.js';

/**
 * A fast seeded source of resampling indices (sfc32, 32-bit state words). Bootstraps draw millions of indices,
 * so this avoids the generic Rng's rejection sampling; the bias of scaling a 32-bit draw to [0, size) is below
 * size / 2^32, negligible for any realistic number of matches.
 */
export class IndexSampler {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: ReadonlyArray<string | number>) {
    this.a = hashSeed('a', ...seedParts);
    this.b = hashSeed('b', ...seedParts);
    this.c = hashSeed('c', ...seedParts);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform index in [0, size). */
  index(size: number): number {
    return Math.floor((this.next() * size) / 4294967296);
  }
}
