import type { Estimate } from '../../metrics/types.js';
import type { RatingValue } from '../shared/api.js';

export function num(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

export function int(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

export function usd(x: number): string {
  return `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;
}

export function interval(e: Estimate | undefined, digits = 2): string {
  if (!e || e.value === null) return '';
  return `[${num(e.lo, digits)}, ${num(e.hi, digits)}]`;
}

/** Unbounded ratings travel as null in JSON; `unbounded` says which way. */
export function ratingText(r: RatingValue | null): string {
  if (!r) return '—';
  if (r.unbounded !== undefined) return r.unbounded === 'above' ? '+∞' : r.unbounded === 'below' ? '−∞' : 'unlinked';
  return r.rating.toFixed(0);
}

function bound(x: number | null, side: -1 | 1): string {
  // an interval end is null in JSON when the resampled estimate diverged on that side
  return x === null || !Number.isFinite(x) ? (side < 0 ? '−∞' : '+∞') : x.toFixed(0);
}

export function ratingInterval(r: RatingValue | null): string {
  return r && r.unbounded === undefined ? `[${bound(r.lo, -1)}, ${bound(r.hi, 1)}]` : '';
}

/** Whether a row's rating is a finite number (charts leave the others out). */
export function finiteRating(r: RatingValue | null): r is RatingValue {
  return r !== null && r.unbounded === undefined && typeof r.rating === 'number' && Number.isFinite(r.rating);
}

/** Digits for a metric: β is a small slope. */
export function digitsOf(metric: string): number {
  return metric === 'beta' ? 3 : 2;
}

/**
 * A plan as readable JSON: an object's lists one item per line (items stay on one line), anything else pretty.
 * Strings that hold JSON (canonical plans) are parsed first.
 */
export function planJson(value: unknown): string {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return v as string;
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return prettyJson(v);
  const lines = Object.entries(v).map(([k, x]) =>
    Array.isArray(x) ? `  ${JSON.stringify(k)}: [${x.length ? `\n${x.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ` : ''}]` : `  ${JSON.stringify(k)}: ${JSON.stringify(x)}`,
  );
  return `{\n${lines.join(',\n')}\n}`;
}

/** Pretty JSON of a value; strings that hold JSON (canonical plans) are parsed first. */
export function prettyJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}
