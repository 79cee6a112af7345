import quantile from '@stdlib/stats-base-dists-normal-quantile';

const probit = (p: number): number => quantile(p, 0, 1);

export interface PowerInput {
  /** Expected win rates of the two agents (against the same field), or an Elo gap (then p1 = 1/(1+10^(−gap/400)), p2 = 0.5). */
  readonly p1: number;
  readonly p2: number;
  /** Two-sided confidence level (default 0.95) and power (default 0.8). */
  readonly confidence?: number;
  readonly power?: number;
}

export interface PowerResult {
  readonly p1: number;
  readonly p2: number;
  readonly confidence: number;
  readonly power: number;
  /** Matches needed per agent to separate the two rates. */
  readonly matchesPerAgent: number;
}

/** Win probability of the stronger side for an Elo gap. */
export function eloWinProbability(gap: number): number {
  return 1 / (1 + 10 ** (-gap / 400));
}

/**
 * Matches per agent to tell two win rates apart with a two-sided two-proportion z test:
 * n = (z_{1−α/2}·√(2·p̄(1−p̄)) + z_{power}·√(p1(1−p1) + p2(1−p2)))² / (p1 − p2)², rounded up.
 */
export function matchesToSeparate(input: PowerInput): PowerResult {
  const confidence = input.confidence ?? 0.95;
  const power = input.power ?? 0.8;
  const { p1, p2 } = input;
  if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) throw new RangeError('win rates must be in [0, 1]');
  if (p1 === p2) throw new RangeError('the two win rates are equal: no number of matches separates them');
  if (!(confidence > 0 && confidence < 1 && power > 0 && power < 1)) throw new RangeError('confidence and power must be in (0, 1)');
  const za = probit(1 - (1 - confidence) / 2);
  const zb = probit(power);
  const pbar = (p1 + p2) / 2;
  const n = (za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2;
  return { p1, p2, confidence, power, matchesPerAgent: Math.ceil(n) };
}
