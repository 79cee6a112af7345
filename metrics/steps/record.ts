/**
 * What a family's step extractor produces: for each agent in a match, a fixed vector of per-match sums (the
 * sufficient statistics of every metric). Every metric of the default profile is a ratio of two of these sums
 * pooled over matches (or a function of such ratios), so the bootstrap resamples matches by adding vectors and
 * never walks a trace again. A new family adds an extractor that fills the columns it can measure; columns it
 * cannot measure stay 0, which leaves the matching metrics undefined (n = 0) rather than 0.
 */
export const S = {
  /** 1 per match. */
  match: 0,
  /** The match won (1), drawn (0.5) or lost (0), by rounds (plan) or games (move) won. */
  matchScore: 1,
  /** Evaluated rounds (plan: the battles right after the agent's own opportunities; move: games). */
  evalN: 2,
  /** Σ s over evaluated rounds (1 win, 0.5 no winner, 0 loss). */
  evalScore: 3,
  /** Evaluated rounds whose over-budget status is known, and those over budget. */
  evalBudgetN: 4,
  evalOver: 5,
  /** Within-match Σ (k − k̄)(s − s̄) and Σ (k − k̄)² over evaluated rounds. */
  sxy: 6,
  sxx: 7,
  /** Revision opportunities and revisions. */
  opp: 8,
  revised: 9,
  /** Revisions whose success is defined, and the successful ones. */
  successN: 10,
  success: 11,
  /** Revisions whose score change s(r+1) − s(r) is known; Σ of that change; those with a negative change. */
  deltaN: 12,
  deltaSum: 13,
  harmful: 14,
  /** Opportunities after a round the agent won, and revisions among them. */
  oppAfterWin: 15,
  revisedAfterWin: 16,
  /** Submissions (every attempt, re-asks included) and those with any violation. */
  subs: 17,
  subsViolated: 18,
  /** Submissions whose over-budget status is known, and those over budget. */
  subsBudgetN: 19,
  subsOver: 20,
  /** Initial plans, and those valid and within budget on the first attempt. */
  initial: 21,
  initialValid: 22,
  /** Resources: decisions (agent calls answered), tokens, API calls, wall time (ms), price (USD). */
  decisions: 23,
  tokens: 24,
  calls: 25,
  wallMs: 26,
  usd: 27,
  /** Moves annotated with a progress (advantage) score, Σ advantage, blunders (A ≤ −τ). */
  advN: 28,
  advSum: 29,
  blunders: 30,
  /** Games with a blunder by the agent, and Σ over them of the ply of its first blunder. */
  blunderGames: 31,
  firstBlunderPly: 32,
  /** Model replies cut off at the completion-token limit (each is also one of the `calls`). */
  truncated: 33,
} as const;

export const STAT_COUNT = 34;

export type StatName = keyof typeof S;

/** One agent's sums in one match. */
export interface AgentMatchRecord {
  readonly matchId: string;
  /** Versioned game id from the match spec. */
  readonly game: string;
  readonly family: 'plan' | 'move';
  /** The seat's display name. */
  readonly agent: string;
  readonly stats: Float64Array;
}

export function emptyStats(): Float64Array {
  const stats = new Float64Array(STAT_COUNT);
  stats[S.match] = 1;
  return stats;
}

/** Adds the within-match slope sums Σ(k − k̄)(s − s̄) and Σ(k − k̄)² of scores indexed k = 0..n−1. */
export function addSlopeSums(stats: Float64Array, scores: readonly number[]): void {
  const n = scores.length;
  if (n === 0) return;
  const kMean = (n - 1) / 2;
  let sMean = 0;
  for (const s of scores) sMean += s;
  sMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    const dk = k - kMean;
    sxy += dk * ((scores[k] as number) - sMean);
    sxx += dk * dk;
  }
  stats[S.sxy] = (stats[S.sxy] as number) + sxy;
  stats[S.sxx] = (stats[S.sxx] as number) + sxx;
}

/** Increments a column. */
export function bump(stats: Float64Array, column: number, by = 1): void {
  stats[column] = (stats[column] as number) + by;
}
