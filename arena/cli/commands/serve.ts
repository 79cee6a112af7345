import type { Command } from 'commander';
import { DEFAULT_BOOTSTRAP } from '../../../metrics/leaderboard/build.js';
import { startServer } from '../../../web/server/http.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { openExistingStore } from './store-option.js';
import { UsageError } from '../../errors.js';

/** A whole number in [min, max] from a flag, or a UsageError naming the flag. */
export function intFlag(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number in [${min}, ${max}], got '${text}'`);
  return value;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the results store as a local leaderboard and replay site on 127.0.0.1 (read-only)')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '8080')
    .option('--bootstrap <B>', 'bootstrap resamples for intervals', String(DEFAULT_BOOTSTRAP))
    .action(async (opts: { store: string; port: string; bootstrap: string }) => {
      const port = intFlag('port', opts.port, 0, 65535);
      const bootstrap = intFlag('bootstrap', opts.bootstrap, 0, 100_000);
      openExistingStore(opts.store).close(); // a missing file or one that is not an arena store: a usage error
      const server = await startServer({ storePath: opts.store, port, bootstrap });
      process.stdout.write(`Serving ${opts.store} (read-only) at ${server.url}\nPress Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
    });
}
