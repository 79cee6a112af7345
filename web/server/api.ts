import { ALL_GAMES, LIMITS, type AgentResponse, type BoardRow, type LeaderboardResponse, type MatchDetail, type MatchPage, type MatchQuery, type RunInfo, type RunsResponse } from '../shared/api.js';
import type { AggregateCache } from './aggregate-cache.js';
import type { RunAggregate } from './aggregate.js';
import { matchDetail } from './match-detail.js';
import { HttpError, parseQuery, type ApiPath } from './params.js';
import type { ReadStore } from './read-store.js';

function emptyRow(agent: string): BoardRow {
  return { agent, rating: null, matches: 0, metrics: {}, tokens: 0, spendUsd: 0 };
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, 20).join(', ');
  return values.length > 20 ? `${shown}, ...` : shown || '(none)';
}

/**
 * The site's data, one method per API resource. The HTTP server calls `handle`; the static export calls the
 * methods directly, so both serve the same JSON. Run metadata and aggregates are kept until `refresh` says a run
 * changed (the server watches the store for tournaments writing to it);
 * the run list is also re-read when the runs table changed (a live distributed run updates its states).
 */
export class Api {
  private runList: RunInfo[] | undefined;
  private runStamp: string | undefined;

  constructor(
    readonly store: ReadStore,
    readonly aggregates: AggregateCache,
  ) {}

  runs(): RunsResponse {
    // A live distributed run rewrites its states (`queue`) while the site is served: re-read when the runs changed.
    const stamp = this.store.runsStamp();
    if (stamp !== this.runStamp) this.runList = undefined;
    this.runStamp = stamp;
    this.runList ??= this.store.runs();
    return { runs: this.runList };
  }

  /** Forgets what it read of the given runs (and the run list), after the store changed under them. */
  refresh(changed: readonly string[]): void {
    if (changed.length === 0) return;
    this.runList = undefined;
    for (const run of changed) this.aggregates.invalidate(run);
  }

  /** A run by id or name; the newest run when none is given. Unknown runs are 404s. */
  run(idOrName: string | undefined): RunInfo {
    const runs = this.runs().runs;
    if (idOrName === undefined) {
      const newest = runs[0];
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
      weights: agg.weights,
      included: agg.included,
      excluded: agg.excluded,
      labels: agg.labels,
      rows: scope.rows,
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
    };
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
    }
  }
}
