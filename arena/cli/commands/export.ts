import type { Command } from 'commander';
import { exportAdvgamebench } from '../../../metrics/advgamebench/export.js';
import { writeAgbFolder } from '../../../metrics/advgamebench/folder.js';
import { UsageError, unknownChoice } from '../../errors.js';
import { readTraceInputs } from './metrics.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportRecords } from '../../match/records.js';
import type { TraceEvent } from '../../trace/events.js';

interface ExportOptions {
  format: string;
  out: string;
  append?: boolean;
  roundNumbering: string;
}

const FORMATS = ['advgamebench-csv', 'pgn'];

async function run(inputs: readonly string[], opts: ExportOptions): Promise<void> {
  if (!FORMATS.includes(opts.format)) throw unknownChoice('export format', opts.format, FORMATS);
  if (opts.roundNumbering !== 'reference' && opts.roundNumbering !== 'unique') throw unknownChoice('round numbering', opts.roundNumbering, ['reference', 'unique']);
  const matches = await readTraceInputs(inputs);
  if (opts.format === 'pgn') return writeRecords(matches, opts.out, 'pgn');
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

/** Writes every game of the matches whose game has the record format `format` to `<out>/<game>.<format>`. */
async function writeRecords(matches: readonly (readonly TraceEvent[])[], out: string, format: string): Promise<void> {
  const byGame = new Map<string, string[]>();
  let skipped = 0;
  for (const m of matches) {
    const records = exportRecords(m, today()).filter((r) => r.format === format);
    if (records.length === 0) skipped++;
    for (const r of records) byGame.set(r.game, [...(byGame.get(r.game) ?? []), r.text]);
  }
  if (byGame.size === 0) throw new UsageError(`none of the ${matches.length} matches is of a game with the ${format} record format`);
  await mkdir(out, { recursive: true });
  for (const [game, texts] of byGame) {
    const path = join(out, `${game}.${format}`);
    await writeFile(path, texts.join('\n'));
    process.stdout.write(`Wrote ${texts.length} game${texts.length === 1 ? '' : 's'} to ${path}${skipped ? ` (${skipped} matches of other games not exported)` : ''}.\n`);
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("export match traces in another tool's layout (advgamebench-csv: the reference evaluator's CSV folders; pgn: every chess game as PGN in <out>/chess.pgn)")
    .argument('<traces...>', 'trace files (JSONL)')
    .requiredOption('--format <format>', `export format: ${FORMATS.join(', ')}`)
    .requiredOption('--out <dir>', 'output folder (game folders are created inside it)')
    .option('--append', 'append rows to existing CSV files without a header, as the reference does')
    .option('--round-numbering <mode>', 'reference (Auto-battler/Turn-based repeat R for the final battle) or unique', 'reference')
    .action(async (inputs: string[], opts: ExportOptions) => run(inputs, opts));
}
