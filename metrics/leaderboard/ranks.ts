/** An agent's rating as ranks read it: ±∞ where maximum likelihood diverges, NaN when unlinked (never ranked). */
export interface RankInput {
  readonly agent: string;
  readonly rating: number;
  readonly lo: number;
  readonly hi: number;
}

/** The ranks an agent may hold given the intervals: best (smallest) and worst; equal when it is separated. */
export interface RankRange {
  readonly best: number;
  readonly worst: number;
}

/**
 * Rank ranges that respect uncertainty (as public arena leaderboards show them): an agent's best rank is 1 plus
 * the number of agents whose interval lies wholly above its own, its worst rank the number of ranked agents minus
 * those whose interval lies wholly below. Agents whose intervals overlap therefore share ranks. Unlinked agents
 * (NaN rating) get no rank and do not count; an agent at ±∞ has the interval [±∞, ±∞].
 */
export function rankRanges(rows: readonly RankInput[]): Map<string, RankRange | null> {
  const ranked = rows.filter((r) => !Number.isNaN(r.rating));
  const bounds = (r: RankInput): [number, number] => (Number.isFinite(r.rating) ? [Number.isNaN(r.lo) ? -Infinity : r.lo, Number.isNaN(r.hi) ? Infinity : r.hi] : [r.rating, r.rating]);
  const out = new Map<string, RankRange | null>();
  for (const r of rows) {
    if (Number.isNaN(r.rating)) {
      out.set(r.agent, null);
      continue;
    }
    const [lo, hi] = bounds(r);
    let above = 0;
    let below = 0;
    for (const o of ranked) {
      if (o.agent === r.agent) continue;
      const [olo, ohi] = bounds(o);
      if (olo > hi) above++;
      if (ohi < lo) below++;
    }
    out.set(r.agent, { best: 1 + above, worst: ranked.length - below });
  }
  return out;
}

/** "1", or "1–3" when the intervals leave the rank open. */
export function rankText(range: RankRange | null): string {
  if (!range) return '—';
  return range.best === range.worst ? String(range.best) : `${range.best}–${range.worst}`;
}
