import type { TraceEvent } from '../../arena/trace/events.js';

/** Progress statistics of one seat (move games) or side (plan games) over a set of matches. */
export interface ProgressSummary {
  readonly agent: string;
  /** Annotated steps. */
  readonly n: number;
  readonly meanAdvantage: number | null;
  /** Mean of the annotations' standard errors. */
  readonly meanStderr: number | null;
  /** Steps with A ≤ −τ. */
  readonly blunders: number;
  /** Games (move) or matches (plan) with at least one blunder, and the mean ply (round) of the first one. */
  readonly gamesWithBlunder: number;
  readonly meanFirstBlunderPly: number | null;
  /** Games (move) or matches (plan) seen for this agent. */
  readonly games: number;
}

interface Acc {
  n: number;
  adv: number;
  se: number;
  blunders: number;
  withBlunder: number;
  firstPlySum: number;
  games: number;
}

/**
 * Mean progress, blunder count and first-blunder ply (METRICS.md, move games) per agent name, from annotated
 * traces. Steps are matched to seats through their `step` seq; a game's first blunder is its lowest-ply move with
 * A ≤ −τ. Plan games use the revision's round as the "ply" and the match as the "game".
 */
export function summarizeProgress(matches: readonly (readonly TraceEvent[])[], tau = 0.2): ProgressSummary[] {
  const acc = new Map<string, Acc>();
  const get = (name: string): Acc => {
    let a = acc.get(name);
    if (!a) acc.set(name, (a = { n: 0, adv: 0, se: 0, blunders: 0, withBlunder: 0, firstPlySum: 0, games: 0 }));
    return a;
  };
  for (const match of matches) {
    const start = match[0];
    if (start?.type !== 'match_start') continue;
    const names = [start.spec.seats[0]?.name ?? 'seat0', start.spec.seats[1]?.name ?? 'seat1'];
    const stepOwner = new Map<number, { seat: number; game: number; ply: number }>();
    const games = new Set<string>();
    for (const e of match) {
      if (e.type === 'move') {
        stepOwner.set(e.seq, { seat: e.seat, game: e.gameIndex, ply: e.round });
        games.add(`${e.seat}/${e.gameIndex}`);
      } else if (e.type === 'plan_submission') {
        stepOwner.set(e.seq, { seat: e.side, game: 0, ply: e.round });
        games.add(`${e.side}/0`);
      }
    }
    for (const g of games) get(names[Number(g.split('/')[0])] as string).games++;
    const first = new Map<string, number>();
    for (const e of match) {
      if (e.type !== 'progress') continue;
      const owner = stepOwner.get(e.step);
      if (!owner) continue;
      const a = get(names[owner.seat] as string);
      a.n++;
      a.adv += e.advantage;
      a.se += e.stderr;
      if (e.advantage <= -tau) {
        a.blunders++;
        const key = `${owner.seat}/${owner.game}`;
        const prev = first.get(key);
        if (prev === undefined || owner.ply < prev) first.set(key, owner.ply);
      }
    }
    for (const [key, ply] of first) {
      const a = get(names[Number(key.split('/')[0])] as string);
      a.withBlunder++;
      a.firstPlySum += ply;
    }
  }
  return [...acc.entries()]
    .sort((x, y) => x[0].localeCompare(y[0]))
    .map(([agent, a]) => ({
      agent,
      n: a.n,
      meanAdvantage: a.n ? a.adv / a.n : null,
      meanStderr: a.n ? a.se / a.n : null,
      blunders: a.blunders,
      gamesWithBlunder: a.withBlunder,
      meanFirstBlunderPly: a.withBlunder ? a.firstPlySum / a.withBlunder : null,
      games: a.games,
    }));
}
