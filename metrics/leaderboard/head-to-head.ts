import { wilsonInterval } from '../stats/intervals.js';
import type { Pairing } from '../ratings/types.js';

/** One ordered pair of a head-to-head matrix: the row agent's results against the column agent. */
export interface HeadToHeadCell {
  readonly a: string;
  readonly b: string;
  readonly matches: number;
  /** a's mean score against b (win 1, draw ½, loss 0); null when they never met. */
  readonly score: number | null;
  /** 95% Wilson interval of the score (null when they never met). */
  readonly lo: number | null;
  readonly hi: number | null;
  /** The probability the ratings give a of beating b, 1 / (1 + 10^((R_b − R_a)/400)); null unless both are finite. */
  readonly predicted: number | null;
}

export interface HeadToHead {
  /** Row and column order (the ratings' order). */
  readonly agents: readonly string[];
  /** Every ordered pair of distinct agents, row-major. */
  readonly cells: readonly HeadToHeadCell[];
}

/** The rating-predicted probability that an agent rated `ra` beats one rated `rb` (Bradley–Terry on the Elo scale). */
export function predictedWin(ra: number, rb: number): number | null {
  if (!Number.isFinite(ra) || !Number.isFinite(rb)) return null;
  return 1 / (1 + 10 ** ((rb - ra) / 400));
}

/** The head-to-head matrix of one game's pairings, with the ratings' predictions (ratings in display order). */
export function headToHead(pairings: readonly Pairing[], ratings: readonly { readonly agent: string; readonly rating: number }[]): HeadToHead {
  const agents = ratings.map((r) => r.agent);
  for (const p of pairings) for (const a of [p.a, p.b]) if (!agents.includes(a)) agents.push(a);
  const sums = new Map<string, { score: number; n: number }>();
  const add = (a: string, b: string, score: number): void => {
    const key = `${a}\u0000${b}`;
    const s = sums.get(key) ?? { score: 0, n: 0 };
    s.score += score;
    s.n += 1;
    sums.set(key, s);
  };
  for (const p of pairings) {
    if (p.a === p.b) continue;
    add(p.a, p.b, p.score);
    add(p.b, p.a, 1 - p.score);
  }
  const rating = new Map(ratings.map((r) => [r.agent, r.rating]));
  const cells: HeadToHeadCell[] = [];
  for (const a of agents) {
    for (const b of agents) {
      if (a === b) continue;
      const s = sums.get(`${a}\u0000${b}`);
      const [lo, hi] = s ? wilsonInterval(s.score, s.n) : [null, null];
      const ra = rating.get(a);
      const rb = rating.get(b);
      cells.push({ a, b, matches: s?.n ?? 0, score: s ? s.score / s.n : null, lo, hi, predicted: ra === undefined || rb === undefined ? null : predictedWin(ra, rb) });
    }
  }
  return { agents, cells };
}
