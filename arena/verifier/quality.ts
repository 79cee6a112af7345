import type { Dataset } from './dataset.js';

/** Held-out quality of a verifier against rollout labels (PRM.md: correlation, MAE, ranking of the best move). */
export interface VerifierQuality {
  readonly states: number;
  readonly steps: number;
  /** Pearson correlation and mean absolute error of q against the Q^μ labels, and of a against the A^μ labels. */
  readonly corrQ: number;
  readonly maeQ: number;
  readonly corrA: number;
  readonly maeA: number;
  /**
   * How often the verifier's top move is (one of) the prover's best by label (the best A^μ), ranking by its q
   * output (`top1`, the outcome-style choice) and by its a output (`top1A`, the progress choice), and the chance
   * rate of that.
   */
  readonly top1: number;
  readonly top1A: number;
  readonly chanceTop1: number;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Scores predictions (`data.size` rows of [q, a]) against the dataset's labels. */
export function verifierQuality(data: Dataset, predictions: Float32Array): VerifierQuality {
  const q = Float32Array.from({ length: data.size }, (_, i) => predictions[2 * i] as number);
  const qLabel = data.o ?? data.q;
  const a = Float32Array.from({ length: data.size }, (_, i) => predictions[2 * i + 1] as number);
  let maeQ = 0;
  let maeA = 0;
  for (let i = 0; i < data.size; i++) {
    maeQ += Math.abs((q[i] as number) - (qLabel[i] as number));
    maeA += Math.abs((a[i] as number) - (data.a[i] as number));
  }
  let hits = 0;
  let hitsA = 0;
  let chance = 0;
  let states = 0;
  for (let lo = 0; lo < data.size; ) {
    let hi = lo;
    while (hi < data.size && data.group[hi] === data.group[lo]) hi++;
    let bestLabel = -Infinity;
    let pick = lo;
    let pickA = lo;
    for (let i = lo; i < hi; i++) {
      bestLabel = Math.max(bestLabel, data.a[i] as number);
      if ((q[i] as number) > (q[pick] as number)) pick = i;
      if ((a[i] as number) > (a[pickA] as number)) pickA = i;
    }
    let ties = 0;
    for (let i = lo; i < hi; i++) if ((data.a[i] as number) >= bestLabel - 1e-9) ties++;
    if ((data.a[pick] as number) >= bestLabel - 1e-9) hits++;
    if ((data.a[pickA] as number) >= bestLabel - 1e-9) hitsA++;
    chance += ties / (hi - lo);
    states++;
    lo = hi;
  }
  return {
    states,
    steps: data.size,
    corrQ: pearson(q, qLabel),
    maeQ: maeQ / Math.max(1, data.size),
    corrA: pearson(a, data.a),
    maeA: maeA / Math.max(1, data.size),
    top1: hits / Math.max(1, states),
    top1A: hitsA / Math.max(1, states),
    chanceTop1: chance / Math.max(1, states),
  };
}
