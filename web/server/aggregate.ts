import type { Usage } from '../../arena/trace/usage.js';
import { computeFromRecords, type MetricsReport } from '../../metrics/compute.js';
import { correlateDefault } from '../../metrics/correlate.js';
import { METRIC_IDS, PROCESS_SCORE, RATIO_METRICS } from '../../metrics/definitions.js';
import type { RatingEstimator } from '../../metrics/ratings/estimator.js';
import { leaderboardRows, overallPairings, scopeMetricRows, usedAnchor } from '../../metrics/leaderboard/build.js';
import { costFromRows } from '../../metrics/leaderboard/cost.js';
import { coverageOf, type Coverage } from '../../metrics/leaderboard/coverage.js';
import type { CrossGameCoverage } from '../../metrics/leaderboard/cross-game.js';
import { headToHead, type HeadToHead } from '../../metrics/leaderboard/head-to-head.js';
import { settingBreakdown, type SettingObservation, type SettingRow } from '../../metrics/leaderboard/settings.js';
import type { Pairing } from '../../metrics/ratings/types.js';
import type { AgentMatchRecord } from '../../metrics/steps/record.js';
import { ALL_GAMES, type BoardRow, type CorrelationValue, type CurvePoint, type UsageTotals } from '../shared/api.js';
import type { MatchFacts } from './facts.js';

export interface AggregateOptions {
  /** Bootstrap resamples for metric and rating intervals (default 1000). */
  readonly bootstrap?: number;
  /** Bootstrap seed (default 1, as `arena leaderboard` uses the run seed). */
  readonly seed?: number;
  /** Agent pinned at rating 1000 when it played (default: random, else the first agent). */
  readonly anchor?: string;
  /** Bradley–Terry prior (default 0: plain maximum likelihood). */
  readonly prior?: number;
}

/** One scope of the leaderboard (all games, or one game). */
export interface ScopeBoard {
  readonly rows: readonly BoardRow[];
  /** How the rows' ratings were estimated, and for which agents maximum likelihood does not exist. */
  readonly estimator: RatingEstimator;
  readonly correlation: CorrelationValue;
  readonly curves: readonly { readonly agent: string; readonly points: readonly CurvePoint[] }[];
  /** A game's head-to-head matrix; null for ALL_GAMES. */
  readonly headToHead: HeadToHead | null;
  /** Matches scored and not scored in the scope. */
  readonly included: number;
  readonly excluded: Readonly<Record<string, number>>;
}

export interface AgentFacts {
  /** The agent's spec as its seats recorded it. */
  readonly spec: string | null;
  readonly settings: readonly SettingRow[];
  readonly matches: number;
  readonly submissions: number;
  readonly usage: UsageTotals;
  readonly violations: readonly { readonly code: string; readonly count: number }[];
}

/** Everything the site shows about a run that needs its traces: computed in one pass, then cached. */
export interface RunAggregate {
  readonly anchor: string | null;
  readonly bootstrap: number;
  readonly seed: number;
  /** The agents and games of the cross-game (ALL_GAMES) ratings. */
  readonly crossGame: CrossGameCoverage | null;
  readonly coverage: Coverage;
  readonly weights: Readonly<Record<string, number>>;
  readonly included: number;
  readonly excluded: Readonly<Record<string, number>>;
  readonly labels: Readonly<Record<string, string>>;
  /** ALL_GAMES, then the run's game ids. */
  readonly scopeNames: readonly string[];
  /**
   * The leaderboard of a scope (undefined for an unknown one). ALL_GAMES is computed with the aggregate; a game's
   * scope on first use (its ratings' bootstrap is the expensive part), then kept.
   */
  scope(name: string): ScopeBoard | undefined;
  readonly agents: ReadonlyMap<string, AgentFacts>;
  /** An agent's per-match metric records (for comparisons with the regression verdict's definitions). */
  records(agent: string): readonly AgentMatchRecord[];
  /** Traces read and the time the pass and the statistics took. */
  readonly traces: number;
  readonly computeMs: number;
  /** Worker threads that reduced the traces (0: the pass ran in the calling thread). */
  readonly workers: number;
}

const EMPTY_USAGE: UsageTotals = { calls: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0, wallMs: 0, costUsd: 0, retries: 0, simulations: 0 };

function addUsage(a: UsageTotals, u: Usage): UsageTotals {
  return {
    calls: a.calls + u.calls,
    promptTokens: a.promptTokens + u.promptTokens,
    completionTokens: a.completionTokens + u.completionTokens,
    reasoningTokens: a.reasoningTokens + (u.reasoningTokens ?? 0),
    wallMs: a.wallMs + u.wallMs,
    costUsd: a.costUsd + u.costUsd,
    retries: a.retries + (u.retries ?? 0),
    simulations: a.simulations + (u.simulations ?? 0),
  };
}

/** Sums and counts of evaluated-round scores by index k. */
class Curve {
  readonly sum: number[] = [];
  readonly n: number[] = [];
  add(scores: readonly number[]): void {
    scores.forEach((s, k) => {
      this.sum[k] = (this.sum[k] ?? 0) + s;
      this.n[k] = (this.n[k] ?? 0) + 1;
    });
  }
  points(): CurvePoint[] {
    return this.n.map((n, k) => ({ k, mean: (this.sum[k] ?? 0) / n, n }));
  }
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * Accumulates match facts, then computes the leaderboard of every scope. The rows are those of
 * `buildLeaderboard` (metrics/leaderboard/build.ts) over the same traces in the same order; this keeps only
 * per-match sums, so memory does not grow with trace size.
 */
export class AggregateBuilder {
  private readonly records: AgentMatchRecord[] = [];
  private readonly pairings = new Map<string, Pairing[]>();
  private readonly allPairings: Pairing[] = [];
  /** Usage by scope then agent (tokens and spend of the rows). */
  private readonly usage = new Map<string, Map<string, UsageTotals>>();
  private readonly curves = new Map<string, Map<string, Curve>>();
  private readonly agentFacts = new Map<string, { spec: string; matches: number; submissions: number; violations: Map<string, number> }>();
  private readonly excluded: Record<string, number> = {};
  /** Scored and excluded matches by game. */
  private readonly gameCounts = new Map<string, { included: number; excluded: Record<string, number> }>();
  /** Cost rows by scope then agent. */
  private readonly cost = new Map<string, Map<string, (readonly number[])[]>>();
  private readonly settings: SettingObservation[] = [];
  /** Protocols by scope then agent, as recorded on its seats (metrics/leaderboard/protocol.ts). */
  private readonly protocols = new Map<string, Map<string, Set<string>>>();
  private readonly games = new Set<string>();
  private included = 0;
  private traces = 0;
  private readonly started = performance.now();

  add(facts: MatchFacts): void {
    this.traces++;
    this.games.add(facts.game);
    const counts = getOrSet(this.gameCounts, facts.game, () => ({ included: 0, excluded: {} as Record<string, number> }));
    if (facts.exclusion === null) {
      this.included++;
      counts.included++;
    } else {
      this.excluded[facts.exclusion] = (this.excluded[facts.exclusion] ?? 0) + 1;
      counts.excluded[facts.exclusion] = (counts.excluded[facts.exclusion] ?? 0) + 1;
    }
    for (const [agent, row] of facts.cost) {
      for (const scope of [ALL_GAMES, facts.game]) getOrSet(getOrSet(this.cost, scope, () => new Map()), agent, () => []).push(row);
    }
    this.settings.push(...facts.settings);
    this.records.push(...facts.records);
    if (facts.pairing) {
      this.allPairings.push(facts.pairing);
      getOrSet(this.pairings, facts.game, () => []).push(facts.pairing);
    }
    facts.seats.forEach((agent, seat) => {
      const u = facts.usage?.[seat];
      for (const scope of [ALL_GAMES, facts.game]) {
        const byAgent = getOrSet(this.usage, scope, () => new Map<string, UsageTotals>());
        if (u) byAgent.set(agent, addUsage(byAgent.get(agent) ?? EMPTY_USAGE, u));
        getOrSet(getOrSet(this.curves, scope, () => new Map<string, Curve>()), agent, () => new Curve()).add(facts.curves[seat as 0 | 1]);
      }
      const protocol = facts.protocols[seat as 0 | 1];
      if (protocol !== null) for (const scope of [ALL_GAMES, facts.game]) getOrSet(getOrSet(this.protocols, scope, () => new Map<string, Set<string>>()), agent, () => new Set<string>()).add(protocol);
      const a = getOrSet(this.agentFacts, agent, () => ({ spec: facts.specs[seat as 0 | 1], matches: 0, submissions: 0, violations: new Map<string, number>() }));
      a.matches++;
      a.submissions += facts.submissions[seat as 0 | 1];
      for (const code of facts.violations[seat as 0 | 1]) a.violations.set(code, (a.violations.get(code) ?? 0) + 1);
    });
  }

  finish(options: AggregateOptions = {}): RunAggregate {
    const bootstrap = options.bootstrap ?? 1000;
    const seed = options.seed ?? 1;
    const report = computeFromRecords(this.records, { seed, bootstrap }, this.included, this.excluded);
    const correlations = correlateDefault(report, 'orr', 'csr');
    const scopeNames = [ALL_GAMES, ...[...this.games].sort()];
    const scopes = new Map<string, ScopeBoard>();
    const overall = overallPairings(this.pairings);
    const scope = (name: string): ScopeBoard | undefined => {
      const hit = scopes.get(name);
      if (hit || !scopeNames.includes(name)) return hit;
      // All games: the cross-game ratings (connected agents, each game weighted equally); a game: its own.
      const pairings = name === ALL_GAMES ? overall.pairings : (this.pairings.get(name) ?? []);
      const corr = correlations.find((c) => c.scope === (name === ALL_GAMES ? 'all games' : name));
      const curves = [...(this.curves.get(name) ?? new Map<string, Curve>()).entries()]
        .map(([agent, c]) => ({ agent, points: c.points() }))
        .filter((c) => c.points.length > 0)
        .sort((a, b) => a.agent.localeCompare(b.agent));
      const table = this.rows(pairings, report, name, options.anchor, seed, bootstrap, options.prior ?? 0);
      const counts = name === ALL_GAMES ? { included: this.included, excluded: this.excluded } : (this.gameCounts.get(name) ?? { included: 0, excluded: {} });
      const board: ScopeBoard = {
        ...table,
        correlation: corr ? { n: corr.n, r: corr.r, p: corr.p, rho: corr.rho } : { n: 0, r: null, p: null, rho: null },
        curves,
        headToHead: name === ALL_GAMES ? null : headToHead(pairings, table.rows.flatMap((r) => (r.rating ? [{ agent: r.agent, rating: r.rating.rating }] : []))),
        included: counts.included,
        excluded: { ...counts.excluded },
      };
      scopes.set(name, board);
      return board;
    };
    const allRows = scope(ALL_GAMES)?.rows ?? [];
    const anchor = usedAnchor(allRows, options.anchor);
    const agents = new Map<string, AgentFacts>();
    const settings = settingBreakdown(this.settings);
    for (const [agent, a] of [...this.agentFacts.entries()].sort(([x], [y]) => x.localeCompare(y))) {
      agents.set(agent, {
        spec: a.spec,
        settings: settings.get(agent) ?? [],
        matches: a.matches,
        submissions: a.submissions,
        usage: this.usage.get(ALL_GAMES)?.get(agent) ?? EMPTY_USAGE,
        violations: [...a.violations.entries()].map(([code, count]) => ({ code, count })).sort((x, y) => y.count - x.count || x.code.localeCompare(y.code)),
      });
    }
    const labels: Record<string, string> = Object.fromEntries(RATIO_METRICS.map((m) => [m.id, m.label]));
    labels[PROCESS_SCORE.id] = PROCESS_SCORE.label;
    return {
      anchor,
      bootstrap,
      seed,
      crossGame: overall.crossGame,
      coverage: coverageOf(this.pairings),
      weights: { ...report.weights },
      included: this.included,
      excluded: { ...this.excluded },
      labels: Object.fromEntries(METRIC_IDS.map((id) => [id, labels[id] ?? id])),
      scopeNames,
      scope,
      agents,
      records: (agent: string) => this.records.filter((r) => r.agent === agent),
      traces: this.traces,
      computeMs: performance.now() - this.started,
      workers: 0,
    };
  }

  /** An agent's protocol text as the CLI leaderboard gives it (variants separated by ` | `), when it has one. */
  private protocolOf(scope: string, agent: string): { protocol?: string } {
    const set = this.protocols.get(scope)?.get(agent);
    return set === undefined ? {} : { protocol: [...set].sort().join(' | ') };
  }

  /** The rows of one scope, by the leaderboard's own row builder (metrics/leaderboard/build.ts), and their estimator. */
  private rows(pairings: readonly Pairing[], report: MetricsReport, scope: string, anchor: string | undefined, seed: number, bootstrap: number, prior: number): { rows: BoardRow[]; estimator: RatingEstimator } {
    const usage = new Map<string, { tokens: number; usd: number }>();
    for (const [agent, u] of this.usage.get(scope) ?? new Map<string, UsageTotals>()) usage.set(agent, { tokens: u.promptTokens + u.completionTokens, usd: u.costUsd });
    const metricRows = scopeMetricRows(report, scope === ALL_GAMES ? undefined : scope);
    const cost = costFromRows(this.cost.get(scope) ?? new Map<string, (readonly number[])[]>(), { seed, bootstrap });
    const { rows, estimator } = leaderboardRows(pairings, metricRows, usage, { ...(anchor !== undefined ? { anchor } : {}), seed, bootstrap, prior }, cost);
    return {
      rows: rows.map((row) => ({
        ...row,
        ...this.protocolOf(scope, row.agent),
        rating: row.rating ? { rating: row.rating.rating, lo: row.rating.lo, hi: row.rating.hi, n: row.rating.n, ...(row.rating.unbounded !== undefined ? { unbounded: row.rating.unbounded } : {}) } : null,
      })),
      estimator,
    };
  }
}
