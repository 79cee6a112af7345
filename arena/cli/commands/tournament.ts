import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { AgentEnv } from '../../agents/registry.js';
import { buildLeaderboard } from '../../../metrics/leaderboard/build.js';
import { formatLeaderboard, LEADERBOARD_FORMATS, type LeaderboardFormat } from '../../../metrics/leaderboard/format.js';
import { DEFAULT_MODELS_PATH, loadModelsFile, type ModelsConfig } from '../../llm/models.js';
import { StoreResponseCache } from '../../store/response-cache.js';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { loadTournamentConfig, type TournamentConfig } from '../../tournament/config.js';
import { runTournament } from '../../tournament/run.js';
import { EXIT_BUDGET, EXIT_INCOMPLETE, EXIT_INTERRUPTED, UsageError, unknownChoice } from '../../errors.js';
import { effectiveCaps } from '../../tournament/run.js';
import { adaptiveDecider } from './adaptive.js';
import { addBudgetOptions, checkBudgetFlags, type BudgetFlags } from './budget-options.js';
import { incompleteSummary, interruptOnSignals } from './run-status.js';
import { runProvenance, withProvenance } from './manifest-show.js';
import { QueueCoordinator } from '../../queue/coordinator.js';

export interface BoardOptions {
  format: string;
  byGame?: boolean;
  ratings: string;
  bootstrap: string;
  prior?: string;
}

export function checkBoardOptions(opts: BoardOptions): { format: LeaderboardFormat; ratings: 'bradley-terry' | 'elo'; bootstrap: number; prior?: number } {
  if (!LEADERBOARD_FORMATS.includes(opts.format as LeaderboardFormat)) throw unknownChoice('format', opts.format, LEADERBOARD_FORMATS);
  if (opts.ratings !== 'bradley-terry' && opts.ratings !== 'elo') throw unknownChoice('rating method', opts.ratings, ['bradley-terry', 'elo']);
  const bootstrap = Number(opts.bootstrap);
  if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100_000) throw new UsageError(`--bootstrap must be a whole number in [0, 100000], got '${opts.bootstrap}'`);
  const prior = opts.prior === undefined ? undefined : Number(opts.prior);
  if (prior !== undefined && (opts.prior?.trim() === '' || !Number.isFinite(prior) || prior < 0 || prior > 1000)) throw new UsageError(`--prior must be a number in [0, 1000], got '${opts.prior}'`);
  return { format: opts.format as LeaderboardFormat, ratings: opts.ratings, bootstrap, ...(prior !== undefined ? { prior } : {}) };
}

/** Agent settings for a tournament: the model definitions (if any) and the store-backed response cache. */
export async function agentEnv(config: { readonly models?: string | undefined; readonly cache: TournamentConfig['cache'] }, store: Store, modelsFlag?: string): Promise<AgentEnv> {
  const path = modelsFlag ?? config.models ?? (existsSync(DEFAULT_MODELS_PATH) ? DEFAULT_MODELS_PATH : undefined);
  let models: ModelsConfig | undefined;
  if (path !== undefined) models = await loadModelsFile(path);
  const cache = config.cache === 'off' ? undefined : { store: new StoreResponseCache(store), mode: config.cache };
  return { ...(models ? { models } : {}), ...(cache ? { cache } : {}) };
}

export function addBoardOptions(cmd: Command): Command {
  return cmd
    .option('--format <format>', `leaderboard format: ${LEADERBOARD_FORMATS.join('|')}`, 'table')
    .option('--by-game', 'add per-game leaderboards')
    .option('--ratings <method>', 'bradley-terry or elo', 'bradley-terry')
    .option('--bootstrap <B>', 'bootstrap resamples for intervals', '1000')
    .option('--prior <n>', 'Bradley–Terry prior: virtual draws per agent against a reference player (default: the config\'s ratings.prior, else 0: plain maximum likelihood)');
}

export function registerTournament(program: Command): void {
  const cmd = addBoardOptions(
    program
      .command('tournament')
      .description('run a tournament from a YAML/JSON config into the results store; re-running resumes it')
      .argument('<config>', 'tournament config file (YAML or JSON)')
      .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
      .option('--models <file>', `model endpoint definitions (default: the config's models:, else ${DEFAULT_MODELS_PATH} if present)`)
      .option('--workers <n>', 'worker threads for built-in agents (default: number of cores)')
      .option('--redis <url>', "play the matches on queue workers (arena worker) over this Redis; this process records the results (default: the config's queue.redis)")
      .option('--quiet', 'no progress output'),
  );
  addBudgetOptions(cmd).action(async (file: string, opts: BoardOptions & BudgetFlags & { store: string; models?: string; workers?: string; redis?: string; quiet?: boolean }) => {
    const board = checkBoardOptions(opts);
    const budget = checkBudgetFlags(opts);
    const config = loadTournamentConfig(file);
    const adaptive = adaptiveDecider(config, effectiveCaps(config, budget));
    const decide = adaptive?.decide;
    if (adaptive?.warning !== undefined) process.stderr.write(`Note: ${adaptive.warning}.\n`);
    const workers = opts.workers === undefined ? undefined : Number(opts.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) throw new UsageError(`--workers must be a whole number in [1, 256], got '${opts.workers}'`);
    // Redis must answer before the store is even created: an unreachable queue writes nothing.
    const redis = opts.redis ?? config.queue?.redis;
    const remote = redis === undefined ? undefined : await QueueCoordinator.connect({ url: redis, log: (line) => process.stderr.write(`${line}\n`) });
    const store = new Store(opts.store);
    try {
      const env = await agentEnv(config, store, opts.models);
      const controller = new AbortController();
      const stop = interruptOnSignals(controller);
      let result;
      try {
        result = await runTournament(config, { store, env, signal: controller.signal, budget, ...(decide ? { decide } : {}), ...(workers !== undefined ? { workers } : {}), ...(remote ? { remote } : {}), ...(opts.quiet ? { quiet: true } : {}) });
      } finally {
        stop();
      }
      const counts = store.counts(result.runId);
      if (controller.signal.aborted) {
        process.stderr.write(`Interrupted: ${counts.completed} of ${counts.total} matches are stored in ${opts.store}. Run the same command again to resume.\n`);
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      const matches = [...store.traces(result.runId)];
      const prior = board.prior ?? config.ratings?.prior;
      const lb = buildLeaderboard(matches, { ...(config.anchor !== undefined ? { anchor: config.anchor } : {}), ratings: board.ratings, bootstrap: board.bootstrap, seed: config.seed, ...(prior !== undefined ? { prior } : {}) });
      process.stdout.write(`Run '${result.runId}': ${counts.completed} completed, ${counts.errors} errors of ${counts.total} matches (store: ${opts.store}).\n\n`);
      process.stdout.write(`${withProvenance(formatLeaderboard(lb, board.format, opts.byGame === true), board.format, runProvenance(store, result.runId), lb.rows.map((r) => r.agent))}\n`);
      if (result.stop.kind === 'budget') {
        process.stderr.write(`Budget (exit ${EXIT_BUDGET}): run '${result.runId}' ${result.stop.detail}; ${counts.total - counts.completed - counts.errors} planned matches not played. Raise the cap and run the same command again to continue.\n`);
        process.exitCode = EXIT_BUDGET;
        return;
      }
      if (result.stop.kind === 'target') process.stdout.write(`\nAdaptive: ${result.stop.detail}.\n`);
      if (result.stop.kind === 'stalled') {
        process.stderr.write(`Incomplete (exit 3): adaptive run '${result.runId}' cannot go on: ${result.stop.detail}.\n`);
        process.exitCode = EXIT_INCOMPLETE;
        return;
      }
      const missing = incompleteSummary(store, result.runId);
      if (missing !== undefined) {
        process.stderr.write(`${missing}\n`);
        process.exitCode = EXIT_INCOMPLETE;
      }
    } finally {
      store.close();
    }
  });
}
