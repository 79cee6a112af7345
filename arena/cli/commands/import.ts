import type { Command } from 'commander';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { importRun } from '../../tournament/import-run.js';
import { PACKAGE_VERSION } from '../version.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('load an exported run (arena export --format jsonl or parquet) into a results store, to re-score and view it')
    .argument('<export>', 'the export folder, or its matches.jsonl / matches.parquet')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--name <run>', 'run name in the store (default: the exported run name)')
    .action(async (path: string, opts: { store: string; name?: string }) => {
      const store = new Store(opts.store);
      try {
        const { runId, matches } = await importRun(store, path, { ...(opts.name !== undefined ? { name: opts.name } : {}), arenaVersion: PACKAGE_VERSION });
        process.stdout.write(`Imported ${matches} matches as run '${runId}' into ${opts.store}. See it with: arena leaderboard ${runId} --store ${opts.store}\n`);
      } finally {
        store.close();
      }
    });
}
