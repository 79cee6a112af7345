import type { Command } from 'commander';
import { buildLeaderboard } from '../../../metrics/leaderboard/build.js';
import { formatLeaderboard } from '../../../metrics/leaderboard/format.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { unknownChoice } from '../../errors.js';
import { openExistingStore, pickRun } from './store-option.js';
import { runProvenance, showManifest, withProvenance } from './manifest-show.js';
import { addBoardOptions, checkBoardOptions, type BoardOptions } from './tournament.js';

export function registerLeaderboard(program: Command): void {
  addBoardOptions(
    program
      .command('leaderboard')
      .description('print the leaderboard of a stored run (default: the newest)')
      .argument('[run]', 'run name or id')
      .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
      .option('--anchor <agent>', 'agent pinned at rating 1000 (default: random, else the first agent)'),
  ).action((run: string | undefined, opts: BoardOptions & { store: string; anchor?: string }) => {
    const board = checkBoardOptions(opts);
    const store = openExistingStore(opts.store);
    try {
      const runId = pickRun(store, run);
      const row = store.getRun(runId);
      const config = row ? (JSON.parse(row.config_json) as { anchor?: string; ratings?: { prior?: number } }) : undefined;
      if (opts.anchor !== undefined) {
        const agents = [...new Set(store.matches(runId).flatMap((m) => [m.agent0, m.agent1]))].sort();
        if (!agents.includes(opts.anchor)) throw unknownChoice(`anchor agent of run '${row?.name ?? runId}'`, opts.anchor, agents);
      }
      const anchor = opts.anchor ?? config?.anchor;
      const prior = board.prior ?? config?.ratings?.prior;
      const lb = buildLeaderboard([...store.traces(runId)], { ...(anchor !== undefined ? { anchor } : {}), ratings: board.ratings, bootstrap: board.bootstrap, seed: row?.seed ?? 1, ...(prior !== undefined ? { prior } : {}) });
      process.stdout.write(`${withProvenance(formatLeaderboard(lb, board.format, opts.byGame === true), board.format, runProvenance(store, runId), lb.rows.map((r) => r.agent))}\n`);
    } finally {
      store.close();
    }
  });
}

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list the runs in the results store')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--show <run>', "print a run's reproducibility manifest (YAML; --json for JSON)")
    .option('--json', 'with --show: print the manifest as JSON')
    .action((opts: { store: string; show?: string; json?: boolean }) => {
      const store = openExistingStore(opts.store);
      try {
        if (opts.show !== undefined) {
          process.stdout.write(showManifest(store, pickRun(store, opts.show), opts.json === true));
          return;
        }
        const runs = store.listRuns();
        if (runs.length === 0) process.stdout.write(`no runs in ${opts.store}\n`);
        for (const r of runs) {
          const c = store.counts(r.id);
          process.stdout.write(`${r.name}  ${r.kind}  ${r.status}  ${c.completed}/${c.total} completed, ${c.errors} errors  created ${r.created_at}\n`);
        }
      } finally {
        store.close();
      }
    });
}
