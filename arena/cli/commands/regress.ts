import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { DEFAULT_SEQUENTIAL_BATCH, loadRegressSuite, sequentialBatch } from '../../tournament/regress-config.js';
import { checkGates } from '../../../metrics/regression.js';
import { checkRegressionSequential, judgeRegression, judgeSequential, regressJunit, regressMarkdown } from '../../../metrics/regression-report.js';
import { checkSequentialGates } from '../../../metrics/sequential/regression.js';
import { playRegression, recordRegression } from '../../tournament/regress.js';
import { EXIT_INCOMPLETE, EXIT_INTERRUPTED, UsageError } from '../../errors.js';
import { incompleteSummary, interruptOnSignals } from './run-status.js';
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
    .option('--sequential', `stop early once every gate is decided (anytime-valid intervals, checked after each batch; batches of ${DEFAULT_SEQUENTIAL_BATCH} matches unless the suite's sequential: { batch } says otherwise)`)
    .action(async (file: string, opts: { baseline: string; candidate: string; store: string; models?: string; markdown: string; junit: string; quiet?: boolean; sequential?: boolean }) => {
      const loaded = loadRegressSuite(file);
      const suite = opts.sequential && loaded.sequential === false ? { ...loaded, sequential: true } : loaded;
      const batch = sequentialBatch(suite);
      try {
        checkGates(suite.gates);
        if (batch !== undefined) checkSequentialGates(suite.gates);
      } catch (err) {
        // The gated metrics are the analysis layer's to know: checked here, before anything is played.
        throw new UsageError(`invalid regression suite\n${file}: gates: ${err instanceof Error ? err.message : String(err)}`);
      }
      const store = new Store(opts.store);
      try {
        const env = await agentEnv(suite, store, opts.models);
        const controller = new AbortController();
        const stop = interruptOnSignals(controller);
        let run;
        try {
          const sequential = batch !== undefined ? { sequential: { batch, decide: (t: Parameters<typeof checkRegressionSequential>[0]) => checkRegressionSequential(t, suite.gates) } } : {};
          run = await playRegression(store, suite, opts.baseline, opts.candidate, env, { signal: controller.signal, ...(opts.quiet ? { quiet: true } : {}), ...sequential });
        } finally {
          stop();
        }
        const result = batch !== undefined ? judgeSequential(run, suite.gates, { planned: run.available }) : judgeRegression(run, suite.gates, { bootstrap: suite.bootstrap, seed: suite.seed });
        recordRegression(store, run, result);
        if (controller.signal.aborted) {
          process.stderr.write(`Interrupted: the candidate has results in ${result.matches} of ${run.planned} matches (store: ${opts.store}). Run the same command again to resume.\n`);
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        if (result.matches < run.planned) {
          // Comparing fewer matches than the baseline's is no verdict: no report claims a pass.
          const pending = incompleteSummary(store, run.runId);
          process.stderr.write(`Incomplete (exit 3): the candidate has results in ${result.matches} of the baseline's ${run.planned} matches of '${run.target}', so there is no verdict.${pending !== undefined ? ` ${pending}` : ''}\n`);
          process.exitCode = EXIT_INCOMPLETE;
          return;
        }
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
