import { protocolsOf } from './protocol.js';
import { computeMetrics, type MetricsReport } from '../compute.js';
import { bradleyTerryRatings, byRating } from '../ratings/bradley-terry.js';
import { eloRatings } from '../ratings/elo.js';
import { ratingEstimator, type RatingEstimator } from '../ratings/estimator.js';
import type { Pairing, Rating } from '../ratings/types.js';
import type { Estimate } from '../types.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { costRows, type CostRow } from './cost.js';
import { crossGameCoverage, crossGamePairings, type CrossGameCoverage } from './cross-game.js';
import { headToHead, type HeadToHead } from './head-to-head.js';
import { withBoundaryIntervals } from './proportions.js';
import { rankRanges, type RankRange } from './ranks.js';

/**
 * Bootstrap resamples of every leaderboard interval unless a --bootstrap flag says otherwise: the CLI, `arena
 * serve`, `arena report` and the demo all use it, so one run shows one set of intervals wherever it is read.
 */
export const DEFAULT_BOOTSTRAP = 1000;

export interface LeaderboardOptions {
  readonly anchor?: string;
  readonly ratings?: 'bradley-terry' | 'elo';
  readonly seed?: number;
  readonly bootstrap?: number;
  /** Bradley–Terry prior (virtual draws per agent); default 0, plain maximum likelihood. */
  readonly prior?: number;
}

export interface LeaderboardRow {
  readonly agent: string;
  /** Null for a game that is the agent's only game and has no opponent... never for a played agent. */
  readonly rating: Rating | null;
  /** Best and worst rank the rating intervals allow (agents whose intervals overlap share ranks); null unrated. */
  readonly rank: RankRange | null;
  readonly matches: number;
  readonly metrics: Readonly<Record<string, Estimate>>;
  readonly tokens: number;
  readonly spendUsd: number;
  /** Tokens and dollars per match, per decision and per win, with intervals (absent when not computed). */
  readonly cost?: CostRow;
  /** How the agent was asked (LLM protocol settings as recorded on its seats), e.g. `answer=tool legal_moves=game`. */
  readonly protocol?: string;
}

export interface Leaderboard {
  readonly ratingMethod: 'bradley-terry' | 'elo';
  readonly anchor: string | null;
  /** How the ratings of `rows` were estimated (and for which agents maximum likelihood does not exist). */
  readonly estimator: RatingEstimator;
  readonly rows: readonly LeaderboardRow[];
  /** Per game: the same table computed on that game's matches alone. */
  readonly byGame: Readonly<Record<string, readonly LeaderboardRow[]>>;
  readonly byGameEstimator: Readonly<Record<string, RatingEstimator>>;
  /** Per game: pairwise scores, match counts and the ratings' predicted win probabilities. */
  readonly headToHead: Readonly<Record<string, HeadToHead>>;
  /**
   * Which agents and games the overall ratings (`rows`) cover: agents connected in every covered game, each game
   * weighted equally. Agents outside it have no overall rating. Null when no two agents qualify.
   */
  readonly crossGame: CrossGameCoverage | null;
  readonly report: MetricsReport;
  readonly excluded: Readonly<Record<string, number>>;
}

/** Match outcomes for ratings: a completed match counts once, from seat 0's point of view. */
export function pairingsOf(matches: readonly (readonly TraceEvent[])[]): Pairing[] {
  const out: Pairing[] = [];
  for (const events of matches) {
    const start = events[0];
    const end = events[events.length - 1];
    if (start?.type !== 'match_start' || end?.type !== 'match_end' || end.status !== 'completed') continue;
    const [s0, s1] = start.spec.seats;
    const score = end.winner === null ? 0.5 : end.winner === 0 ? 1 : 0;
    out.push({ a: s0.name, b: s1.name, score });
  }
  return out;
}

function usageTotals(matches: readonly (readonly TraceEvent[])[]): Map<string, { tokens: number; usd: number }> {
  const totals = new Map<string, { tokens: number; usd: number }>();
  for (const events of matches) {
    const start = events[0];
    const end = events[events.length - 1];
    if (start?.type !== 'match_start' || end?.type !== 'match_end') continue;
    start.spec.seats.forEach((seat, i) => {
      const u = end.usage[i];
      if (!u) return;
      const t = totals.get(seat.name) ?? { tokens: 0, usd: 0 };
      t.tokens += u.promptTokens + u.completionTokens;
      t.usd += u.costUsd;
      totals.set(seat.name, t);
    });
  }
  return totals;
}

/** The metric rows of one scope of a report: every game (`game` undefined) or one game. */
export function scopeMetricRows(report: MetricsReport, game?: string): { agent: string; matches: number; metrics: Readonly<Record<string, Estimate>> }[] {
  return game === undefined ? report.agents.map((a) => ({ agent: a.agent, matches: a.matches, metrics: a.metrics })) : report.games.filter((g) => g.game === game);
}

/**
 * The rows of one leaderboard scope (the one row builder of the CLI and the web server): ratings over the scope's
 * pairings (the anchor only when it played), the scope's metric rows, tokens and spend; best rating first; and how
 * the ratings were estimated.
 */
export function leaderboardRows(
  pairings: readonly Pairing[],
  metricRows: readonly { readonly agent: string; readonly matches: number; readonly metrics: Readonly<Record<string, Estimate>> }[],
  usage: ReadonlyMap<string, { readonly tokens: number; readonly usd: number }>,
  options: LeaderboardOptions,
  cost?: ReadonlyMap<string, CostRow>,
): { rows: LeaderboardRow[]; estimator: RatingEstimator } {
  const agents = new Set(pairings.flatMap((p) => [p.a, p.b]));
  const anchor = options.anchor !== undefined && agents.has(options.anchor) ? options.anchor : undefined;
  const prior = options.prior ?? 0;
  const ratingOptions = { ...(anchor !== undefined ? { anchor } : {}), seed: options.seed ?? 1, bootstrap: options.bootstrap ?? 1000 };
  const ratings = options.ratings === 'elo' ? eloRatings(pairings, ratingOptions) : bradleyTerryRatings(pairings, { ...ratingOptions, prior });
  const names = new Set([...ratings.map((r) => r.agent), ...metricRows.map((m) => m.agent)]);
  const ranks = rankRanges(ratings);
  const table = [...names]
    .map((agent) => {
      const m = metricRows.find((x) => x.agent === agent);
      const u = usage.get(agent) ?? { tokens: 0, usd: 0 };
      const c = cost?.get(agent);
      const metrics = withBoundaryIntervals(m?.metrics ?? {});
      return { agent, rating: ratings.find((r) => r.agent === agent) ?? null, rank: ranks.get(agent) ?? null, matches: m?.matches ?? 0, metrics, tokens: u.tokens, spendUsd: u.usd, ...(c ? { cost: c } : {}) };
    })
    .sort((x, y) => byRating(x.rating?.rating ?? Number.NaN, y.rating?.rating ?? Number.NaN) || x.agent.localeCompare(y.agent));
  return { rows: table, estimator: ratingEstimator(options.ratings ?? 'bradley-terry', prior, ratings) };
}

/** The anchor the ratings of `rows` were pinned at: the requested one when it is rated, else the default. */
export function usedAnchor(rows: readonly { readonly agent: string; readonly rating: unknown }[], requested: string | undefined): string | null {
  const rated = rows.filter((r) => r.rating !== null);
  return requested !== undefined && rated.some((r) => r.agent === requested) ? requested : defaultAnchor(rated);
}

/** The agent pinned at rating 1000 when none is given: `random` when it played, else the first agent by name. */
export function defaultAnchor(rows: readonly { readonly agent: string }[]): string | null {
  return rows.some((r) => r.agent === 'random') ? 'random' : (rows.map((r) => r.agent).sort()[0] ?? null);
}

/**
 * The overall scope's pairings: the cross-game rating's (covered agents, covered games, each game weighted
 * equally) and what it covers.
 */
export function overallPairings(byGame: ReadonlyMap<string, readonly Pairing[]>): { pairings: Pairing[]; crossGame: CrossGameCoverage | null } {
  const crossGame = crossGameCoverage(byGame);
  return { pairings: crossGame ? crossGamePairings(byGame, crossGame) : [], crossGame };
}

function rows(matches: readonly (readonly TraceEvent[])[], pairings: readonly Pairing[], report: MetricsReport, options: LeaderboardOptions, game?: string): { rows: LeaderboardRow[]; estimator: RatingEstimator } {
  const built = leaderboardRows(pairings, scopeMetricRows(report, game), usageTotals(matches), options, costRows(matches, { seed: options.seed ?? 1, bootstrap: options.bootstrap ?? 1000 }));
  const protocols = protocolsOf(matches);
  return { ...built, rows: built.rows.map((r) => (protocols.has(r.agent) ? { ...r, protocol: protocols.get(r.agent) as string } : r)) };
}

/** The leaderboard of a set of matches: ratings with intervals, the process metrics, tokens and spend. */
export function buildLeaderboard(matches: readonly (readonly TraceEvent[])[], options: LeaderboardOptions = {}): Leaderboard {
  const report = computeMetrics(matches, { seed: options.seed ?? 1, bootstrap: options.bootstrap ?? 1000 });
  const gameOf = (events: readonly TraceEvent[]): string => (events[0]?.type === 'match_start' ? events[0].spec.game : '?');
  const games = [...new Set(matches.map(gameOf))].sort();
  const byGame: Record<string, LeaderboardRow[]> = {};
  const byGameEstimator: Record<string, RatingEstimator> = {};
  const byGamePairings = new Map<string, Pairing[]>();
  const h2h: Record<string, HeadToHead> = {};
  for (const game of games) {
    const subset = matches.filter((m) => gameOf(m) === game);
    const gameKey = report.games.find((g) => subset.length > 0 && g.game === game)?.game ?? game;
    const pairings = pairingsOf(subset);
    byGamePairings.set(game, pairings);
    const table = rows(subset, pairings, report, options, gameKey);
    byGame[game] = table.rows;
    byGameEstimator[game] = table.estimator;
    h2h[game] = headToHead(pairings, table.rows.flatMap((r) => (r.rating ? [{ agent: r.agent, rating: r.rating.rating }] : [])));
  }
  const overall = overallPairings(byGamePairings);
  const { rows: all, estimator } = rows(matches, overall.pairings, report, options);
  const anchor = usedAnchor(all, options.anchor);
  return { ratingMethod: options.ratings ?? 'bradley-terry', anchor, estimator, rows: all, byGame, byGameEstimator, headToHead: h2h, crossGame: overall.crossGame, report, excluded: report.excluded };
}
