import type { Command } from 'commander';
import { exportAdvgamebench } from '../../../metrics/advgamebench/export.js';
import { writeAgbFolder } from '../../../metrics/advgamebench/folder.js';
import { UsageError, unknownChoice } from '../../errors.js';
import type { TraceEvent } from '../../trace/events.js';
import type { RunManifest } from '../../manifest/manifest.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { readTraceInputs } from './metrics.js';
import { openExistingStore, pickRun } from './store-option.js';
import { runManifestOf } from './manifest-show.js';
import { tableFiles, type ExportSource } from './export-tables.js';
import { writeFileAtomically, writeFolderAtomically } from './atomic-write.js';
import { inspectFile } from './export-inspect.js';
import { dirname, join } from 'node:path';
import { exportRecords } from '../../match/records.js';

interface ExportOptions {
  format: string;
  out: string;
  append?: boolean;
  force?: boolean;
  roundNumbering: string;
  run?: string;
  store: string;
}

export const EXPORT_FORMATS = ['advgamebench-csv', 'battles', 'jsonl', 'parquet', 'inspect', 'pgn'] as const;

async function advgamebench(matches: readonly (readonly TraceEvent[])[], opts: ExportOptions): Promise<void> {
  if (opts.roundNumbering !== 'reference' && opts.roundNumbering !== 'unique') throw unknownChoice('round numbering', opts.roundNumbering, ['reference', 'unique']);
  const { files, warnings, skipped } = exportAdvgamebench(matches, { roundNumbering: opts.roundNumbering });
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  let paths: string[];
  try {
    paths = await writeAgbFolder(opts.out, files, opts.append === true);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  const skippedText = Object.entries(skipped).map(([k, v]) => `${k} ${v}`);
  process.stdout.write(`Wrote ${paths.length} CSV file${paths.length === 1 ? '' : 's'} under ${opts.out} from ${matches.length} matches${skippedText.length ? ` (not exported: ${skippedText.join(', ')})` : ''}.\n`);
  process.stdout.write(`Score them with the reference evaluator: python evaluator.py --results-root ${opts.out}/<game folder>\n`);
}

/** Today's date in the PGN form YYYY.MM.DD (UTC). */
function today(): string {
  return new Date().toISOString().slice(0, 10).replace(/-/g, '.');
}

/** Writes every game of the matches whose game has the record format `format` to `<out>/<game>.<format>`, whole or not at all. */
async function writeRecords(matches: readonly (readonly TraceEvent[])[], opts: ExportOptions, format: string): Promise<void> {
  const byGame = new Map<string, string[]>();
  let skipped = 0;
  for (const m of matches) {
    const records = exportRecords(m, today()).filter((r) => r.format === format);
    if (records.length === 0) skipped++;
    for (const r of records) byGame.set(r.game, [...(byGame.get(r.game) ?? []), r.text]);
  }
  if (byGame.size === 0) throw new UsageError(`none of the ${matches.length} matches is of a game with the ${format} record format`);
  const files = [...byGame].map(([game, texts]) => ({ name: `${game}.${format}`, data: texts.join('\n') }));
  await writeFolderAtomically(opts.out, files, opts.force === true);
  for (const [game, texts] of byGame) {
    process.stdout.write(`Wrote ${texts.length} game${texts.length === 1 ? '' : 's'} to ${join(opts.out, `${game}.${format}`)}${skipped ? ` (${skipped} matches of other games not exported)` : ''}.\n`);
  }
}

/** The matches to export: trace files, or a stored run (with its name and manifest). */
async function sourceOf(inputs: readonly string[], opts: ExportOptions): Promise<ExportSource> {
  if (opts.run === undefined) {
    if (inputs.length === 0) throw new UsageError('give trace files, or --run <run> to export a run from the results store');
    return { run: 'traces', matches: await readTraceInputs(inputs), manifest: undefined };
  }
  if (inputs.length > 0) throw new UsageError('give either trace files or --run, not both');
  const store = openExistingStore(opts.store);
  try {
    const runId = pickRun(store, opts.run);
    let manifest: RunManifest | undefined;
    if (store.runManifest(runId) !== undefined) manifest = runManifestOf(store, runId);
    const row = store.getRun(runId);
    return { run: row?.name ?? runId, matches: [...store.traces(runId)], manifest, ...(row ? { created: row.created_at } : {}) };
  } finally {
    store.close();
  }
}

async function run(inputs: readonly string[], opts: ExportOptions): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw unknownChoice('export format', opts.format, EXPORT_FORMATS);
  const source = await sourceOf(inputs, opts);
  if (opts.format === 'advgamebench-csv') return advgamebench(source.matches, opts);
  if (opts.format === 'pgn') return writeRecords(source.matches, opts, 'pgn');
  if (opts.format === 'inspect') {
    const data = inspectFile(opts.out, source);
    await writeFileAtomically(opts.out, data, opts.force === true);
    process.stdout.write(`Wrote an Inspect log of ${source.matches.length} matches to ${opts.out} (open it with: inspect view --log-dir ${dirname(opts.out) || '.'}).\n`);
    return;
  }
  const files = await tableFiles(opts.format as 'battles' | 'jsonl' | 'parquet', source);
  await writeFolderAtomically(opts.out, files, opts.force === true);
  process.stdout.write(`Wrote ${files.map((f) => f.name).join(', ')} under ${opts.out} from ${source.matches.length} matches${source.manifest ? '' : ' (no manifest: trace files carry none; export a stored run with --run to include it)'}.\n`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("export matches for other tools: advgamebench-csv, battles (pairwise table for rating code), jsonl or parquet (dataset tables with a card), inspect (an Inspect AI log), pgn (every game of a game with that record format, in <out>/<game>.pgn)")
    .argument('[traces...]', 'trace files (JSONL); or --run to export a stored run')
    .requiredOption('--format <format>', `export format: ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <path>', 'output folder (written whole, or not at all); inspect: a .eval or .json file')
    .option('--run <run>', 'export this run of the results store (with its manifest)')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--force', 'replace an existing output (folder or file)')
    .option('--append', 'advgamebench-csv: append rows to existing CSV files without a header, as the reference does')
    .option('--round-numbering <mode>', 'advgamebench-csv: reference (Auto-battler/Turn-based repeat R for the final battle) or unique', 'reference')
    .action(async (inputs: string[], opts: ExportOptions) => run(inputs, opts));
}
