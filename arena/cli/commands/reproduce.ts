import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { buildManifest, parseManifest, type RunManifest } from '../../manifest/manifest.js';
import { setupDifferences, snapshotDifferences, traceBytes } from '../../manifest/compare.js';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import type { TournamentConfig } from '../../tournament/config.js';
import { runTournament } from '../../tournament/run.js';
import { scheduleTournament } from '../../tournament/schedule.js';
import { EXIT_INCOMPLETE, EXIT_INTERRUPTED, UsageError } from '../../errors.js';
import { runManifestOf } from './manifest-show.js';
import { incompleteSummary, interruptOnSignals } from './run-status.js';
import { agentEnv } from './tournament.js';

interface ReproduceOptions {
  store: string;
  models?: string;
  name?: string;
  quiet?: boolean;
}

/** The manifest to reproduce: a manifest file (an export's manifest.json), else a run of the store. */
function recordedManifest(target: string, store: Store): { manifest: RunManifest; runId?: string } {
  if (target.endsWith('.json') && existsSync(target)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(target, 'utf8'));
    } catch {
      throw new UsageError(`${target}: not JSON (the file is damaged)`);
    }
    try {
      return { manifest: parseManifest(value, target) };
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }
  const row = store.getRun(target);
  if (row === undefined) throw new UsageError(`'${target}' is neither a manifest file (.json) nor a run in ${store.path}`);
  return { manifest: runManifestOf(store, row.id), runId: row.id };
}

function tournamentConfigOf(manifest: RunManifest, name: string): TournamentConfig {
  const c = manifest.config as Partial<TournamentConfig> | null;
  if (c === null || typeof c !== 'object' || !Array.isArray(c.games) || !Array.isArray(c.agents) || typeof c.seed !== 'number') {
    throw new UsageError('the manifest holds no tournament config to re-run (only tournament runs can be reproduced)');
  }
  return { ...(c as TournamentConfig), name };
}

async function run(target: string, opts: ReproduceOptions): Promise<void> {
  const store = new Store(opts.store);
  try {
    const found = recordedManifest(target, store);
    const recorded = found.manifest;
    // A manifest file of a run this store holds (same name and seeds) is compared with that run.
    const sameName = store.getRun((recorded.config as { name?: string } | null)?.name ?? '');
    const stored = sameName === undefined ? undefined : store.runManifest(sameName.id);
    const originalId = found.runId ?? (stored !== undefined && JSON.stringify((stored as RunManifest).seeds) === JSON.stringify(recorded.seeds) ? sameName?.id : undefined);
    const original = tournamentConfigOf(recorded, 'x');
    const name = opts.name ?? `${(recorded.config as { name: string }).name}-reproduce`;
    const config = tournamentConfigOf(recorded, name);
    // The cache mode the run recorded: with the cache, the replies it stored are replayed.
    const env = await agentEnv({ models: original.models, cache: config.cache }, store, opts.models);
    const present = buildManifest({ config: { ...config, name: original.name }, seed: config.seed, agentSpecs: config.agents.map((a) => a.spec), matches: scheduleTournament(config), models: env.models, cache: config.cache });
    for (const w of setupDifferences(recorded, present)) process.stderr.write(`warning: ${w}\n`);
    const controller = new AbortController();
    const stop = interruptOnSignals(controller);
    let result;
    try {
      result = await runTournament(config, { store, env, signal: controller.signal, ...(opts.quiet ? { quiet: true } : {}) });
    } finally {
      stop();
    }
    if (controller.signal.aborted) {
      process.stderr.write(`Interrupted: run the same command again to resume the reproduction '${name}'.\n`);
      process.exitCode = EXIT_INTERRUPTED;
      return;
    }
    const reproduced = runManifestOf(store, result.runId);
    for (const w of snapshotDifferences(recorded, reproduced)) process.stderr.write(`warning: ${w}\n`);
    const missing = incompleteSummary(store, result.runId);
    if (missing !== undefined) {
      process.stderr.write(`${missing}\n`);
      process.exitCode = EXIT_INCOMPLETE;
      return;
    }
    if (originalId === undefined) {
      process.stdout.write(`Reproduced as run '${result.runId}' in ${opts.store} (the original run is not in this store, so its traces were not compared).\n`);
      return;
    }
    const differing: string[] = [];
    const rows = store.matches(originalId);
    for (const m of rows) {
      const a = store.trace(originalId, m.match_key);
      const b = store.trace(result.runId, m.match_key);
      if (a === undefined || b === undefined || traceBytes(a) !== traceBytes(b)) differing.push(m.match_key);
    }
    if (differing.length === 0) {
      process.stdout.write(`Reproduced run '${originalId}' as '${result.runId}': all ${rows.length} match traces are byte-identical (measured wall times aside).\n`);
    } else {
      process.stdout.write(`Reproduced run '${originalId}' as '${result.runId}': ${differing.length} of ${rows.length} match traces differ, e.g. ${differing[0]}.\n`);
      process.exitCode = 1;
    }
  } finally {
    store.close();
  }
}

export function registerReproduce(program: Command): void {
  program
    .command('reproduce')
    .description('re-run a run from its manifest (a run of the store, or an export\'s manifest.json), warn about every difference in setup, and compare the traces')
    .argument('<manifest|run>', 'a manifest.json file, or a run name or id')
    .option('--store <file>', 'results store (SQLite); its response cache replays the recorded replies', DEFAULT_STORE)
    .option('--models <file>', "model endpoint definitions (default: the run config's models:, else arena.models.yaml if present)")
    .option('--name <run>', 'name of the reproduction run (default: <run>-reproduce)')
    .option('--quiet', 'no progress output')
    .action(async (target: string, opts: ReproduceOptions) => run(target, opts));
}
