import type { Command } from 'commander';
import { DEFAULT_BOOTSTRAP } from '../../../metrics/leaderboard/build.js';
import { startServer } from '../../../web/server/http.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { openExistingStore } from './store-option.js';
import { UsageError } from '../../errors.js';
import { loadExperiments } from '../../../web/server/experiments.js';
import type { ExperimentsResponse } from '../../../web/shared/api.js';

/** A whole number in [min, max] from a flag, or a UsageError naming the flag. */
export function intFlag(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number in [${min}, ${max}], got '${text}'`);
  return value;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** The experiment reports named by --experiment; an unreadable or foreign file is a usage error. */
export async function readExperiments(files: readonly string[]): Promise<ExperimentsResponse> {
  try {
    return await loadExperiments(files);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the results store as a local leaderboard and replay site on 127.0.0.1 (read-only)')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '8080')
    .option('--bootstrap <B>', 'bootstrap resamples for intervals', String(DEFAULT_BOOTSTRAP))
    .option('--experiment <file>', 'an experiment-prm.json of `arena experiment prm` for the Experiments page (repeatable)', collect, [])
    .action(async (opts: { store: string; port: string; bootstrap: string; experiment: string[] }) => {
      const port = intFlag('port', opts.port, 0, 65535);
      const bootstrap = intFlag('bootstrap', opts.bootstrap, 0, 100_000);
      openExistingStore(opts.store).close(); // a missing file or one that is not an arena store: a usage error
      const experiments = await readExperiments(opts.experiment);
      const server = await startServer({ storePath: opts.store, port, bootstrap, experiments });
      process.stdout.write(`Serving ${opts.store} (read-only) at ${server.url}\nPress Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}
