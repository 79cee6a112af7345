import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { moveGameEntries, resolveMoveGame } from '../../games/registry.js';
import { importRecords } from '../../match/records.js';
import { DEFAULT_STORE, Store } from '../../store/store.js';
import { JsonlWriter } from '../../trace/jsonl.js';
import { importRun } from '../../tournament/import-run.js';
import { PACKAGE_VERSION } from '../version.js';

interface ImportOptions {
  store: string;
  name?: string;
  game?: string;
  out?: string;
}

/** The move game whose record format is named by a file's extension (`games.pgn` → the game that writes PGN). */
function recordGameOf(path: string): string | undefined {
  const ext = extname(path).slice(1).toLowerCase();
  if (ext === '') return undefined;
  return moveGameEntries.find((e) => resolveMoveGame(e.id).rules.record?.name === ext)?.id;
}

/** Game records (e.g. a PGN file) → one-game match traces in a JSONL file, for progress annotation and replay. */
async function importGameRecords(file: string, game: string, out: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const matches = await importRecords(game, text);
  const writer = new JsonlWriter(out);
  try {
    for (const m of matches) for (const e of m) writer.write(e);
  } finally {
    writer.close();
  }
  process.stdout.write(`Imported ${matches.length} game${matches.length === 1 ? '' : 's'} as match traces: ${out} (annotate them with arena progress)\n`);
}

async function run(path: string, opts: ImportOptions): Promise<void> {
  const recordGame = opts.game ?? recordGameOf(path);
  if (recordGame !== undefined) {
    if (opts.out === undefined) throw new UsageError(`${path} holds game records (${recordGame}): name the trace file to write with --out <traces.jsonl>`);
    return importGameRecords(path, recordGame, opts.out);
  }
  if (opts.out !== undefined) throw new UsageError('--out applies to game records (e.g. a .pgn file); an arena export is imported into --store');
  const store = new Store(opts.store);
  try {
    const { runId, matches } = await importRun(store, path, { ...(opts.name !== undefined ? { name: opts.name } : {}), arenaVersion: PACKAGE_VERSION });
    process.stdout.write(`Imported ${matches} matches as run '${runId}' into ${opts.store}. See it with: arena leaderboard ${runId} --store ${opts.store}\n`);
  } finally {
    store.close();
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('load an exported run (arena export --format jsonl or parquet) into a results store, to re-score and view it; or game records (e.g. a PGN file) as match traces with --out')
    .argument('<path>', 'the export folder, or its matches.jsonl / matches.parquet; or a game-record file (e.g. games.pgn)')
    .option('--store <file>', 'results store (SQLite)', DEFAULT_STORE)
    .option('--name <run>', 'run name in the store (default: the exported run name)')
    .option('--game <id>', "game records: the game they are of (default: the game whose record format is the file's extension)")
    .option('--out <file>', 'game records: trace file to write (JSONL)')
    .action(async (path: string, opts: ImportOptions) => run(path, opts));
}
