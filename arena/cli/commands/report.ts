import type { Command } from 'commander';
import { DEFAULT_BOOTSTRAP } from '../../../metrics/leaderboard/build.js';
import { resolve } from 'node:path';
import { writeStaticSite } from '../../../web/server/export.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { openExistingStore } from './store-option.js';
import { collect, intFlag, readExperiments } from './serve.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the leaderboard and replay site as static files that open from disk (no server needed)')
    .requiredOption('--html <dir>', 'output folder for the static site')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--max-traces <n|all>', 'matches whose traces are embedded for replay (the most recently finished)', 'all')
    .option('--bootstrap <B>', 'bootstrap resamples for intervals', String(DEFAULT_BOOTSTRAP))
    .option('--experiment <file>', 'an experiment-prm.json of `arena experiment prm` for the Experiments page (repeatable)', collect, [])
    .action(async (opts: { html: string; store: string; maxTraces: string; bootstrap: string; experiment: string[] }) => {
      const maxTraces = opts.maxTraces === 'all' ? undefined : intFlag('max-traces', opts.maxTraces, 0, 10_000_000);
      const bootstrap = intFlag('bootstrap', opts.bootstrap, 0, 100_000);
      openExistingStore(opts.store).close(); // a missing file or one that is not an arena store: a usage error
      const experiments = await readExperiments(opts.experiment);
      const result = await writeStaticSite({ storePath: opts.store, outDir: opts.html, ...(maxTraces !== undefined ? { maxTraces } : {}), bootstrap, experiments });
      const mb = (result.bytes / 1e6).toFixed(1);
      process.stdout.write(`Wrote ${result.files} files (${mb} MB, ${result.traces} match traces) to ${opts.html}; open ${resolve(opts.html, 'index.html')} in a browser.\n`);
    });
}
