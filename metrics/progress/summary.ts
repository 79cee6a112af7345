import type { TraceEvent } from '../../arena/trace/events.js';
import { Z95 } from '../stats/intervals.js';

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
  /** 95% intervals of the mean advantage and of the blunder rate (blunders / n), clustered by game. */
  readonly advantageInterval: readonly [number, number] | null;
  readonly blunderRateInterval: readonly [number, number] | null;
  /** Engine provers: average centipawn loss per annotated move, with its clustered 95% interval. */
  readonly meanCpLoss: number | null;
  readonly cpLossInterval: readonly [number, number] | null;
}

/** Per game (cluster) sums: steps, advantage, blunders, engine-annotated steps and their centipawn loss. */
interface Cluster {
  n: number;
  adv: number;
  blunders: number;
  nCp: number;
  cp: number;
}

/**
 * Mean of per-step values pooled over clusters with a cluster-robust (sandwich) 95% normal interval: the steps of
 * one game are not independent, so the variance uses each game's residual sum, Var = Σ_g (S_g − m n_g)² / N².
 */
function clusteredMean(clusters: readonly Cluster[], value: (c: Cluster) => number, count: (c: Cluster) => number): { mean: number; interval: [number, number] } | null {
  const n = clusters.reduce((s, c) => s + count(c), 0);
  if (n === 0) return null;
  const mean = clusters.reduce((s, c) => s + value(c), 0) / n;
  const g = clusters.filter((c) => count(c) > 0).length;
  const ss = clusters.reduce((s, c) => s + (value(c) - mean * count(c)) ** 2, 0);
  const se = g > 1 ? (Math.sqrt(ss) / n) * Math.sqrt(g / (g - 1)) : 0;
  return { mean, interval: [mean - Z95 * se, mean + Z95 * se] };
}

interface Acc {
  clusters: Map<string, Cluster>;
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
    if (!a) acc.set(name, (a = { clusters: new Map(), n: 0, adv: 0, se: 0, blunders: 0, withBlunder: 0, firstPlySum: 0, games: 0 }));
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
      const ck = `${start.matchId}/${owner.seat}/${owner.game}`;
      let c = a.clusters.get(ck);
      if (!c) a.clusters.set(ck, (c = { n: 0, adv: 0, blunders: 0, nCp: 0, cp: 0 }));
      c.n++;
      c.adv += e.advantage;
      if (e.advantage <= -tau) c.blunders++;
      if (e.engine) {
        c.nCp++;
        c.cp += e.engine.cpLoss;
      }
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
    .map(([agent, a]) => {
      const clusters = [...a.clusters.values()];
      const adv = clusteredMean(clusters, (c) => c.adv, (c) => c.n);
      const rate = clusteredMean(clusters, (c) => c.blunders, (c) => c.n);
      const cp = clusteredMean(clusters, (c) => c.cp, (c) => c.nCp);
      return {
        agent,
        n: a.n,
        meanAdvantage: a.n ? a.adv / a.n : null,
        meanStderr: a.n ? a.se / a.n : null,
        blunders: a.blunders,
        gamesWithBlunder: a.withBlunder,
        meanFirstBlunderPly: a.withBlunder ? a.firstPlySum / a.withBlunder : null,
        games: a.games,
        advantageInterval: adv?.interval ?? null,
        blunderRateInterval: rate ? ([Math.max(0, rate.interval[0]), Math.min(1, rate.interval[1])] as const) : null,
        meanCpLoss: cp?.mean ?? null,
        cpLossInterval: cp ? ([Math.max(0, cp.interval[0]), cp.interval[1]] as const) : null,
      };
    });
}
