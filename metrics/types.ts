/**
 * A reported value: the point estimate, what it was computed over, and its 95% interval. An undefined metric
 * (e.g. CSR with no revisions) has `value: null` and `n: 0`; it is never reported as 0.
 */
export interface Estimate {
  readonly value: number | null;
  /** The count the value was computed over (rounds, opportunities, revisions, submissions, matches, ...). */
  readonly n: number;
  readonly lo: number | null;
  readonly hi: number | null;
  /** How the interval was obtained. */
  readonly method: 'bootstrap' | 'wilson';
  /** Aggregates over games: how many games had a defined value. */
  readonly games?: number;
}

/** Weights of the Process Score components (SPEC-free: ours, METRICS.md "Composite"). Always printed with it. */
export interface ProcessWeights {
  readonly wr: number;
  readonly csr: number;
  /** Weight of 1 − OBR. */
  readonly obr: number;
  /** Weight of (1 + clamp(β·(n − 1), −1, 1)) / 2. */
  readonly beta: number;
}

export const DEFAULT_WEIGHTS: ProcessWeights = Object.freeze({ wr: 1, csr: 1, obr: 1, beta: 1 });

/** Options of the default profile. Every field has a documented default. */
export interface MetricsOptions {
  /** Seed of the bootstrap (default 1). */
  readonly seed?: number;
  /** Bootstrap replicates B (default 1000). */
  readonly bootstrap?: number;
  /** Process Score weights (default all 1). */
  readonly weights?: ProcessWeights;
  /** Move games: a move with advantage ≤ −τ is a blunder (default τ = 0.2). */
  readonly blunderThreshold?: number;
}

/** Matches left out of every metric, by reason (infrastructure and other errors, or a trace with no match_end). */
export type ExcludedCounts = Readonly<Record<string, number>>;
