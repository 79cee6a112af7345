import type { Command } from 'commander';
import { join } from 'node:path';
import { writeStaticSite } from '../../../web/server/export.js';
import { buildLeaderboard, DEFAULT_BOOTSTRAP } from '../../../metrics/leaderboard/build.js';
import { formatLeaderboard } from '../../../metrics/leaderboard/format.js';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { checkTournamentConfig } from '../../tournament/config.js';
import { DEMO_TOURNAMENT } from '../../tournament/demo.js';
import { runTournament } from '../../tournament/run.js';

/** The main job: the embedded demo tournament (every game, graded built-in agents), ending with the leaderboard. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the embedded demo tournament (no API key needed) and print its leaderboard')
    .option('--store <file>', 'results store (SQLite); the demo run resumes if it is already there', DEFAULT_STORE)
    .option('--by-game', 'add per-game leaderboards')
    .option('--report <dir>', 'also write the web leaderboard as static files here', 'out/demo-report')
    .option('--no-report', 'skip the static web report')
    .option('--quiet', 'no progress output')
    .action(async (opts: { store: string; byGame?: boolean; quiet?: boolean; report: string | false }) => {
      const config = checkTournamentConfig(DEMO_TOURNAMENT, '(embedded demo)', 'demo');
      const store = new Store(opts.store);
      try {
        const before = store.getRun(config.name) ? store.counts(config.name).completed : 0;
        const started = Date.now();
        const result = await runTournament(config, { store, env: {}, ...(opts.quiet ? { quiet: true } : {}) });
        const counts = store.counts(result.runId);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `\nDemo tournament: ${counts.completed} matches (${result.played} played now${before ? `, ${before} kept from an earlier run` : ''}) in ${seconds} s; ` +
            `games: ${config.games.map((g) => g.id).join(', ')}; results in ${opts.store} (run 'demo').\n\n`,
        );
        const board = buildLeaderboard([...store.traces(result.runId)], { anchor: config.anchor ?? 'random', seed: config.seed, bootstrap: DEFAULT_BOOTSTRAP, ...(config.ratings?.prior !== undefined ? { prior: config.ratings.prior } : {}) });
        process.stdout.write(`${formatLeaderboard(board, 'table', opts.byGame === true)}\n\n`);
      } finally {
        store.close();
      }
      if (opts.report !== false) {
        const site = await writeStaticSite({ storePath: opts.store, outDir: opts.report, bootstrap: DEFAULT_BOOTSTRAP });
        process.stdout.write(`Web leaderboard written to ${join(opts.report, 'index.html')} (${site.files} files; opens from disk), or serve it live: \`npx arena serve\`.\n`);
      }
      process.stdout.write(`Next: \`npx arena leaderboard demo --by-game\`, \`npx arena metrics --run demo\`, or a tournament of your own: see README.\n`);
    });
}
