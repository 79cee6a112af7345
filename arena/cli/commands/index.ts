import type { Command } from 'commander';

/** One module per command; each registers itself (options, arguments, action) on the root program. */
export type CommandModule = (program: Command) => void;

/**
 * A command as the root program lists it, with the module that defines it loaded only when the command runs (or
 * its help is asked for): `arena games` never loads the store, the web server or the ML runtimes. `description`
 * is the module's own, repeated here for `arena --help`; a test keeps the two equal.
 */
export interface CommandEntry {
  readonly name: string;
  readonly description: string;
  readonly load: () => Promise<CommandModule>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'games', description: 'list the games, their sides or parameters, and presets', load: async () => (await import('./games.js')).registerGames },
  { name: 'rules', description: 'print the exact rules text a model reads', load: async () => (await import('./rules.js')).registerRules },
  { name: 'agents', description: 'list the agent kinds and their parameters', load: async () => (await import('./agents.js')).registerAgents },
  { name: 'match', description: 'play one match between two agents and write its trace', load: async () => (await import('./match.js')).registerMatch },
  { name: 'demo', description: 'run the embedded demo tournament (no API key needed) and print its leaderboard', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'metrics', description: 'process metrics per agent and game, each with n and a 95% interval, from match traces', load: async () => (await import('./metrics.js')).registerMetrics },
  { name: 'export', description: "export matches for other tools: advgamebench-csv, battles (pairwise table for rating code), jsonl or parquet (dataset tables with a card), inspect (an Inspect AI log), pgn (every game of a game with that record format, in <out>/<game>.pgn)", load: async () => (await import('./export.js')).registerExport },
  { name: 'import', description: 'load an exported run (arena export --format jsonl or parquet) into a results store, to re-score and view it; or game records (e.g. a PGN file) as match traces with --out', load: async () => (await import('./import.js')).registerImport },
  { name: 'reproduce', description: "re-run a run from its manifest (a run of the store, or an export's manifest.json), warn about every difference in setup, and compare the traces", load: async () => (await import('./reproduce.js')).registerReproduce },
  { name: 'tournament', description: 'run a tournament from a YAML/JSON config into the results store; re-running resumes it', load: async () => (await import('./tournament.js')).registerTournament },
  { name: 'worker', description: 'play match jobs from Redis for tournaments run with --redis, on this or any machine (holds no store)', load: async () => (await import('./worker.js')).registerWorker },
  { name: 'leaderboard', description: 'print the leaderboard of a stored run (default: the newest)', load: async () => (await import('./leaderboard.js')).registerLeaderboard },
  { name: 'runs', description: 'list the runs in the results store', load: async () => (await import('./leaderboard.js')).registerRuns },
  { name: 'regress', description: "play a candidate on a baseline run's seeds and opponents; exit 1 on a regression", load: async () => (await import('./regress.js')).registerRegress },
  { name: 'plan-power', description: 'how many matches separate two win rates (or an Elo gap), and what that costs at measured rates', load: async () => (await import('./plan-power.js')).registerPlanPower },
  { name: 'progress', description: 'annotate every move (and plan revision) with its progress A = Q − V under a prover policy (metrics/README.md)', load: async () => (await import('./progress.js')).registerProgress },
  { name: 'verifier', description: 'the learned (ONNX) progress verifier: train it reproducibly, or measure it', load: async () => (await import('./verifier.js')).registerVerifier },
  { name: 'experiment', description: 'experiments over many seeded games', load: async () => (await import('./experiment.js')).registerExperiment },
  { name: 'serve', description: 'serve the results store as a local leaderboard and replay site on 127.0.0.1 (read-only)', load: async () => (await import('./serve.js')).registerServe },
  { name: 'report', description: 'write the leaderboard and replay site as static files that open from disk (no server needed)', load: async () => (await import('./report.js')).registerReport },
];
