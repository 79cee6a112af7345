import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { readAgbFolder } from '../../../metrics/advgamebench/folder.js';
import { advgamebenchProfile } from '../../../metrics/advgamebench/profile.js';
import { exportAdvgamebench } from '../../../metrics/advgamebench/export.js';
import { computeMetrics } from '../../../metrics/compute.js';
import { correlateAdvgamebench, correlateDefault, type CorrelationRow } from '../../../metrics/correlate.js';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from '../../../metrics/format.js';
import { DEFAULT_WEIGHTS, type ProcessWeights } from '../../../metrics/types.js';
import type { TraceEvent } from '../../trace/events.js';
import { readTraceFiles } from '../../trace/read.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { UsageError, unknownChoice } from '../../errors.js';
import { openExistingStore, pickRun } from './store-option.js';

interface MetricsOptions {
  run?: string;
  store: string;
  profile: string;
  correlate?: string;
  format: string;
  seed: string;
  bootstrap: string;
  weights: string;
}

function intArg(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got '${text}'`);
  return n;
}

/** `wr=1,csr=0,obr=1,beta=1`: unspecified weights keep their default of 1. */
export function parseWeights(text: string): ProcessWeights {
  const w: Record<string, number> = { ...DEFAULT_WEIGHTS };
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [key = '', value = ''] = part.split('=').map((s) => s.trim());
    const k = key.toLowerCase() === 'β' ? 'beta' : key.toLowerCase();
    const v = Number(value);
    if (!Object.hasOwn(DEFAULT_WEIGHTS, k)) throw unknownChoice('Process Score weight', key, Object.keys(DEFAULT_WEIGHTS));
    if (value === '' || !Number.isFinite(v) || v < 0) throw new UsageError(`weight '${key}' must be a non-negative number, got '${value}'`);
    w[k] = v;
  }
  return w as unknown as ProcessWeights;
}

/** Reads trace files, wrapping format errors and missing files as usage errors (exit 2, one line). */
export async function readTraceInputs(paths: readonly string[]): Promise<TraceEvent[][]> {
  try {
    return await readTraceFiles(paths);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function correlationPair(text: string | undefined): [string, string] | null {
  if (text === undefined) return null;
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new UsageError(`--correlate takes two metric names, e.g. ORR,CSR; got '${text}'`);
  return parts as [string, string];
}

/** Trace files plus, with --run, every stored trace of that run. */
async function matchesOf(files: readonly string[], opts: { run?: string; store: string }): Promise<TraceEvent[][]> {
  const fromFiles = files.length ? await readTraceInputs(files) : [];
  if (opts.run === undefined) {
    if (files.length === 0) throw new UsageError('give trace files, or --run <run> to read a run from the results store');
    return fromFiles;
  }
  const store = openExistingStore(opts.store);
  try {
    return [...fromFiles, ...store.traces(pickRun(store, opts.run))];
  } finally {
    store.close();
  }
}

async function run(inputs: readonly string[], opts: MetricsOptions): Promise<void> {
  if (!OUTPUT_FORMATS.includes(opts.format as OutputFormat)) throw unknownChoice('format', opts.format, OUTPUT_FORMATS);
  if (opts.profile !== 'default' && opts.profile !== 'advgamebench') throw unknownChoice('profile', opts.profile, ['default', 'advgamebench']);
  const format = opts.format as OutputFormat;
  const seed = intArg('seed', opts.seed, 0, 2 ** 32 - 1);
  const bootstrap = intArg('bootstrap', opts.bootstrap, 1, 1_000_000);
  const pair = correlationPair(opts.correlate);
  const dirs: string[] = [];
  const files: string[] = [];
  for (const input of inputs) (await isDirectory(input) ? dirs : files).push(input);
  let out: string;
  try {
    if (opts.profile === 'default') {
      if (dirs.length > 0) throw new UsageError(`${dirs[0]} is a folder: the default profile reads trace files (folders of CSVs need --profile advgamebench)`);
      const report = computeMetrics(await matchesOf(files, opts), { seed, bootstrap, weights: parseWeights(opts.weights) });
      const corr: CorrelationRow[] = pair ? correlateDefault(report, pair[0], pair[1]) : [];
      out = formatReport(report, format, corr);
    } else {
      const exported = exportAdvgamebench(files.length || opts.run !== undefined ? await matchesOf(files, opts) : []);
      const csvFiles = [];
      for (const dir of dirs) csvFiles.push(...(await readAgbFolder(dir)));
      // Traces go through the export first, so both kinds of input are scored by the same code on rows.
      const report = advgamebenchProfile([...exported.files, ...csvFiles], { seed, bootstrap }, exported.skipped, exported.warnings);
      const corr: CorrelationRow[] = pair ? correlateAdvgamebench(report, pair[0], pair[1]) : [];
      if (format === 'csv') for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
      out = formatReport(report, format, corr);
    }
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
  process.stdout.write(out);
}

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('process metrics per agent and game, each with n and a 95% interval, from match traces')
    .argument('[inputs...]', 'trace files (JSONL); with --profile advgamebench also folders in the reference CSV layout')
    .option('--run <run>', 'also read every trace of a stored run (name or id)')
    .option('--store <file>', 'results store for --run', DEFAULT_STORE)
    .option('--profile <name>', 'default (metrics/README.md) or advgamebench (the reference evaluator, to the letter)', 'default')
    .option('--correlate <a,b>', 'correlate two metrics across agents, e.g. ORR,CSR (Pearson r with p, Spearman ρ, n)')
    .option('--format <format>', `output format: ${OUTPUT_FORMATS.join(', ')}`, 'table')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option('--bootstrap <B>', 'bootstrap replicates', '1000')
    .option('--weights <list>', 'Process Score weights (default profile), e.g. wr=1,csr=0,obr=1,beta=1', 'wr=1,csr=1,obr=1,beta=1')
    .action(async (inputs: string[], opts: MetricsOptions) => run(inputs, opts));
}
