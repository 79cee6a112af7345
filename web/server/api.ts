import { resolveGame } from '../../arena/games/registry.js';
import { compareRecords, COMPARED_METRICS } from '../../metrics/leaderboard/compare.js';
import { ALL_GAMES, LIMITS, type CompareResponse, type ExperimentsResponse, type SettingRow, type AgentResponse, type BoardRow, type LeaderboardResponse, type MatchDetail, type MatchPage, type MatchQuery, type RunInfo, type RunsResponse } from '../shared/api.js';
import type { AggregateCache } from './aggregate-cache.js';
import type { RunAggregate } from './aggregate.js';
import { agentMeta } from './agent-meta.js';
import { matchDetail } from './match-detail.js';
import { HttpError, parseQuery, type ApiPath } from './params.js';
import type { ReadStore } from './read-store.js';
import { StoreWatch } from './store-watch.js';

function emptyRow(agent: string): BoardRow {
  return { agent, rating: null, rank: null, matches: 0, metrics: {}, tokens: 0, spendUsd: 0 };
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, 20).join(', ');
  return values.length > 20 ? `${shown}, ...` : shown || '(none)';
}

/** A setting in words: plan games "side human, revises first" (the game's side names), move games "moves first". */
function settingLabel(s: SettingRow): string {
  if (s.kind === 'seat') return s.side === 0 ? 'moves first' : 'moves second';
  let side = `side ${s.side}`;
  try {
    const g = resolveGame(s.game);
    if (g.family === 'plan') side = g.game.sides[s.side as 0 | 1]?.label ?? side;
  } catch {
    // a game this arena version does not know keeps the side's number
  }
  return `${side}, ${s.revisesFirst ? 'revises first' : 'revises second'}`;
}

/**
 * The site's data, one method per API resource. The HTTP server calls `handle`; the static export calls the
 * methods directly, so both serve the same JSON. Run metadata and aggregates are kept until the store watch says a
 * run changed (another process writing to the store: a tournament, or a distributed run's coordinator).
 */
export class Api {
  private runList: RunInfo[] | undefined;
  private readonly watch: StoreWatch;

  constructor(
    readonly store: ReadStore,
    readonly aggregates: AggregateCache,
    /** PRM experiment reports given to `arena serve` / `arena report` (not in the store). */
    private readonly experimentReports: ExperimentsResponse = { experiments: [] },
  ) {
    this.watch = new StoreWatch(store);
  }

  runs(): RunsResponse {
    // Another process may have written meanwhile (a tournament, or a distributed run's coordinator updating its states).
    this.refresh(this.watch.check());
    this.runList ??= this.store.runs();
    return { runs: this.runList };
  }

  /** Forgets what it read of the given runs (and the run list), after the store changed under them. */
  private refresh(changed: readonly string[]): void {
    if (changed.length === 0) return;
    this.runList = undefined;
    for (const run of changed) this.aggregates.invalidate(run);
  }

  /** A run by id or name; the newest tournament run (else the newest run) when none is given. Unknown runs are 404s. */
  run(idOrName: string | undefined): RunInfo {
    const runs = this.runs().runs;
    if (idOrName === undefined) {
      // the newest tournament run: a regression run is newer than its baseline but is not the leaderboard to show
      const newest = runs.find((r) => r.kind !== 'regress' && r.regression === null) ?? runs[0];
      if (!newest) throw new HttpError(404, 'the results store has no runs yet');
      return newest;
    }
    const found = runs.find((r) => r.id === idOrName) ?? runs.find((r) => r.name === idOrName);
    if (!found) throw new HttpError(404, `unknown run '${idOrName}'; runs: ${list(runs.map((r) => r.name))}`);
    return found;
  }

  async leaderboard(runId: string | undefined, game: string = ALL_GAMES): Promise<LeaderboardResponse> {
    const run = this.run(runId);
    const agg = await this.aggregates.get(run.id);
    const scope = agg.scope(game);
    if (!scope) throw new HttpError(404, `unknown game '${game}' in run '${run.name}'; games: ${list(agg.scopeNames)}`);
    return {
      run,
      game,
      ratingMethod: 'bradley-terry',
      estimator: scope.estimator,
      anchor: agg.anchor,
      bootstrap: agg.bootstrap,
      seed: agg.seed,
      weights: agg.weights,
      included: agg.included,
      excluded: agg.excluded,
      scope: { included: scope.included, excluded: scope.excluded },
      labels: agg.labels,
      rows: scope.rows,
      crossGame: agg.crossGame,
      headToHead: scope.headToHead,
      coverage: agg.coverage,
      correlation: scope.correlation,
      curves: scope.curves,
    };
  }

  async agent(runId: string | undefined, agent: string): Promise<AgentResponse> {
    const run = this.run(runId);
    const agg: RunAggregate = await this.aggregates.get(run.id);
    const facts = agg.agents.get(agent);
    if (!facts) throw new HttpError(404, `unknown agent '${agent}' in run '${run.name}'; agents: ${list([...agg.agents.keys()])}`);
    const games = agg.scopeNames.flatMap((game) => {
      const scope = game === ALL_GAMES ? undefined : agg.scope(game);
      const row = scope?.rows.find((r) => r.agent === agent);
      return scope && row ? [{ game, row, curve: scope.curves.find((c) => c.agent === agent)?.points ?? [] }] : [];
    });
    return {
      run,
      agent,
      overall: agg.scope(ALL_GAMES)?.rows.find((r) => r.agent === agent) ?? emptyRow(agent),
      games,
      violations: facts.violations,
      submissions: facts.submissions,
      matches: facts.matches,
      usage: facts.usage,
      labels: agg.labels,
      meta: agentMeta(run, agent, facts.spec, agg.anchor),
      settings: facts.settings.map((s) => ({ ...s, label: settingLabel(s) })),
    };
  }

  /**
   * Agent A of run A against agent B of run B (B − A) on every metric the regression verdict can gate, with its
   * definitions; a regression run's own tolerances apply to the metrics it gated (0 elsewhere).
   */
  async compare(runA: string, agentA: string, runB: string, agentB: string): Promise<CompareResponse> {
    const ra = this.run(runA);
    const rb = this.run(runB);
    const [ga, gb] = await Promise.all([this.aggregates.get(ra.id), this.aggregates.get(rb.id)]);
    for (const [agg, run, agent] of [[ga, ra, agentA], [gb, rb, agentB]] as const) {
      if (!agg.agents.has(agent)) throw new HttpError(404, `unknown agent '${agent}' in run '${run.name}'; agents: ${list([...agg.agents.keys()])}`);
    }
    const tolerances = new Map((rb.regression?.verdicts ?? ra.regression?.verdicts ?? []).map((v) => [v.metric, v.tolerance]));
    const gates = COMPARED_METRICS.map((metric) => ({ metric, tolerance: tolerances.get(metric) ?? 0 }));
    const seed = rb.seed;
    const comparison = compareRecords(ga.records(agentA), gb.records(agentB), gates, { seed, bootstrap: gb.bootstrap });
    return { a: { run: ra, agent: agentA }, b: { run: rb, agent: agentB }, same: ra.id === rb.id && agentA === agentB, comparison, labels: gb.labels, bootstrap: gb.bootstrap, seed };
  }

  matches(q: { run?: string | undefined; game?: string | undefined; agent?: string | undefined; status?: MatchQuery['status'] | undefined; sort?: MatchQuery['sort'] | undefined; offset?: number | undefined; limit?: number | undefined }): MatchPage {
    const run = this.run(q.run);
    return this.store.matchPage({
      run: run.id,
      ...(q.game !== undefined ? { game: q.game } : {}),
      ...(q.agent !== undefined ? { agent: q.agent } : {}),
      ...(q.status !== undefined ? { status: q.status } : {}),
      ...(q.sort !== undefined ? { sort: q.sort } : {}),
      offset: q.offset ?? 0,
      limit: q.limit ?? LIMITS.pageDefault,
    });
  }

  match(runId: string, key: string): MatchDetail {
    const run = this.run(runId);
    const summary = this.store.match(run.id, key);
    if (!summary) throw new HttpError(404, `unknown match '${key}' in run '${run.name}'`);
    return matchDetail(run.id, summary, this.store.trace(run.id, key));
  }

  experiments(): ExperimentsResponse {
    return this.experimentReports;
  }

  /** Dispatches a validated API request. */
  async handle(path: ApiPath, params: URLSearchParams): Promise<unknown> {
    switch (path) {
      case '/api/runs':
        parseQuery(path, params);
        return this.runs();
      case '/api/leaderboard': {
        const q = parseQuery(path, params);
        return this.leaderboard(q.run, q.game);
      }
      case '/api/agent': {
        const q = parseQuery(path, params);
        return this.agent(q.run, q.agent);
      }
      case '/api/matches':
        return this.matches(parseQuery(path, params));
      case '/api/match': {
        const q = parseQuery(path, params);
        return this.match(q.run, q.key);
      }
      case '/api/compare': {
        const q = parseQuery(path, params);
        return this.compare(q.runA, q.agentA, q.runB, q.agentB);
      }
      case '/api/experiments':
        parseQuery(path, params);
        return this.experiments();
    }
  }
}
