import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { importRecords } from '../../match/records.js';
import { JsonlWriter } from '../../trace/jsonl.js';

interface ImportOptions {
  game: string;
  out: string;
}

async function run(file: string, opts: ImportOptions): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const matches = await importRecords(opts.game, text);
  const writer = new JsonlWriter(opts.out);
  try {
    for (const m of matches) for (const e of m) writer.write(e);
  } finally {
    writer.close();
  }
  process.stdout.write(`Imported ${matches.length} game${matches.length === 1 ? '' : 's'} as match traces: ${opts.out} (annotate them with arena progress)\n`);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import game records (chess: a PGN file) as match traces, for progress annotation and replay')
    .argument('<file>', 'the record file, e.g. games.pgn')
    .option('--game <id>', 'the game the records are of (a game with a record format)', 'chess')
    .requiredOption('--out <file>', 'trace file to write (JSONL)')
    .action(async (file: string, opts: ImportOptions) => run(file, opts));
}
