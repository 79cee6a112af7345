import { IndexSampler } from './sampler.js';

/** How each column's resampled sum is obtained: constant across rows, a copy of an earlier column, or resampled. */
interface ColumnPlan {
  /** Column-major values of the columns that vary (each distinct vector once). */
  readonly varying: Float64Array[];
  /** For every column: index into `varying`, or −1 when constant. */
  readonly source: Int32Array;
  readonly constant: Float64Array;
}

function sameColumn(data: Float64Array, rows: number, width: number, a: number, b: number): boolean {
  for (let i = 0; i < rows; i++) if (data[i * width + a] !== data[i * width + b]) return false;
  return true;
}

/** Resampled sums of a constant column are rows × the constant, and duplicate columns share one sum: skip both. */
function planColumns(data: Float64Array, rows: number, width: number): ColumnPlan {
  const varying: Float64Array[] = [];
  const owner: number[] = [];
  const source = new Int32Array(width).fill(-1);
  const constant = new Float64Array(width);
  for (let k = 0; k < width; k++) {
    const first = data[k] as number;
    let isConstant = true;
    for (let i = 1; i < rows && isConstant; i++) if (data[i * width + k] !== first) isConstant = false;
    if (isConstant) {
      constant[k] = rows * first;
      continue;
    }
    const twin = owner.findIndex((o) => sameColumn(data, rows, width, o, k));
    if (twin >= 0) {
      source[k] = twin;
      continue;
    }
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = data[i * width + k] as number;
    source[k] = varying.length;
    varying.push(col);
    owner.push(k);
  }
  return { varying, source, constant };
}

/**
 * Percentile bootstrap over matches on per-match sufficient statistics. `data` is row-major: one row of `width`
 * sums per match. Each replicate draws `rows` matches with replacement, sums their rows, and `evaluate` turns the
 * summed row into `outWidth` statistic values (NaN where undefined). Returns the replicate values,
 * replicate-major (`replicates × outWidth`). The draws become multiplicities, and only columns that vary are
 * summed (one dot product per distinct column over the rows drawn at least once), so no trace is walked again.
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
  if (rows === 0) return result.fill(NaN);
  const { varying, source, constant } = planColumns(data, rows, width);
  const counts = new Int32Array(rows);
  const drawn = new Int32Array(rows);
  const weight = new Float64Array(rows);
  const partial = new Float64Array(varying.length);
  const sums = new Float64Array(width);
  const out = new Float64Array(outWidth);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) {
      const pick = sampler.index(rows);
      counts[pick] = (counts[pick] as number) + 1;
    }
    let m = 0;
    for (let i = 0; i < rows; i++) {
      const c = counts[i] as number;
      if (c === 0) continue;
      drawn[m] = i;
      weight[m] = c;
      m++;
    }
    for (let v = 0; v < varying.length; v++) {
      const col = varying[v] as Float64Array;
      let acc = 0;
      for (let j = 0; j < m; j++) acc += (weight[j] as number) * (col[drawn[j] as number] as number);
      partial[v] = acc;
    }
    for (let k = 0; k < width; k++) {
      const s = source[k] as number;
      sums[k] = s < 0 ? (constant[k] as number) : (partial[s] as number);
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
