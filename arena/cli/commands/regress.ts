import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { loadRegressSuite } from '../../tournament/regress-config.js';
import { judgeRegression, regressJunit, regressMarkdown } from '../../../metrics/regression-report.js';
import { playRegression, recordRegression } from '../../tournament/regress.js';
import { agentEnv } from './tournament.js';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function registerRegress(program: Command): void {
  program
    .command('regress')
    .description('play a candidate on a baseline run\'s seeds and opponents; exit 1 on a regression')
    .argument('<suite>', 'regression suite file (YAML or JSON): target agent and gated metrics with tolerances')
    .requiredOption('--baseline <run>', 'baseline run name or id')
    .requiredOption('--candidate <agent>', 'candidate: an agent name from the suite or the baseline run, or an agent spec')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--models <file>', 'model endpoint definitions')
    .option('--markdown <file>', 'write the markdown summary here', 'regress-summary.md')
    .option('--junit <file>', 'write JUnit XML here', 'regress-junit.xml')
    .option('--quiet', 'no progress output')
    .action(async (file: string, opts: { baseline: string; candidate: string; store: string; models?: string; markdown: string; junit: string; quiet?: boolean }) => {
      const suite = loadRegressSuite(file);
      const store = new Store(opts.store);
      try {
        const env = await agentEnv(suite, store, opts.models);
        const run = await playRegression(store, suite, opts.baseline, opts.candidate, env, opts.quiet ? { quiet: true } : {});
        const result = judgeRegression(run, suite.gates, { bootstrap: suite.bootstrap, seed: suite.seed });
        recordRegression(store, run, result);
        const md = regressMarkdown(result);
        write(opts.markdown, md);
        write(opts.junit, regressJunit(result));
        process.stdout.write(`${md}\nWrote ${opts.markdown} and ${opts.junit}.\n`);
        process.exitCode = result.regression ? 1 : 0;
      } finally {
        store.close();
      }
    });
}
