import { IndexSampler } from './sampler.js';

/**
 * Percentile bootstrap over matches on per-match sufficient statistics. `data` is row-major: one row of `width`
 * sums per match. Each replicate draws `rows` matches with replacement, adds their rows, and `evaluate` turns the
 * summed row into `outWidth` statistic values (NaN where undefined). Returns the replicate values, replicate-major
 * (`replicates × outWidth`). Cost: replicates × rows × width additions; no trace is walked again.
 */
export function bootstrapSums(
  data: Float64Array,
  rows: number,
  width: number,
  replicates: number,
  sampler: IndexSampler,
  evaluate: (sums: Float64Array, out: Float64Array) => void,
  outWidth: number,
): Float64Array {
  const result = new Float64Array(replicates * outWidth);
  const sums = new Float64Array(width);
  const out = new Float64Array(outWidth);
  for (let b = 0; b < replicates; b++) {
    sums.fill(0);
    for (let i = 0; i < rows; i++) {
      const base = sampler.index(rows) * width;
      for (let k = 0; k < width; k++) sums[k] = (sums[k] as number) + (data[base + k] as number);
    }
    evaluate(sums, out);
    result.set(out, b * outWidth);
  }
  return result;
}

/** Column `column` of a replicate-major matrix of `width` columns. */
export function column(matrix: Float64Array, width: number, column: number): Float64Array {
  const count = matrix.length / width;
  const out = new Float64Array(count);
  for (let b = 0; b < count; b++) out[b] = matrix[b * width + column] as number;
  return out;
}
