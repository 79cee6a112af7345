import type { Table } from './columns.js';

/** What the dataset card says about where the data came from (from the run manifest). */
export interface CardSource {
  readonly run: string;
  readonly arenaVersion: string;
  readonly gitCommit: string | null;
  readonly games: readonly string[];
  readonly agents: readonly string[];
  readonly matches: number;
}

/**
 * A dataset card (README.md) for exported tables, as dataset hubs read them: YAML front matter naming each table's
 * data file, then what the data is, where it came from, and every column with its type and meaning.
 */
export function datasetCard(tables: readonly { readonly table: Table; readonly file: string }[], source: CardSource): string {
  const lines: string[] = [
    '---',
    'configs:',
    ...tables.flatMap(({ table, file }) => [`  - config_name: ${table.name}`, `    data_files: ${file}`]),
    'tags:',
    '  - game-arena',
    '  - evaluation',
    '---',
    '',
    `# Game arena run \`${source.run}\``,
    '',
    `Matches between agents (language models and built-in game players) exported from a run of the strategic-game evaluation arena ${source.arenaVersion}${source.gitCommit ? ` (commit ${source.gitCommit})` : ''}.`,
    `${source.matches} matches; games: ${source.games.join(', ') || '(none)'}; agents: ${source.agents.join(', ') || '(none)'}.`,
    '',
    '`manifest.json` beside this card is the run\'s reproducibility manifest: arena version and commit, lockfile hash, prompt version, game versions and settings, the full config, seeds, each model endpoint with the requested and returned model id and decoding settings, cache mode and Node version. `arena reproduce manifest.json` re-runs it.',
    '',
  ];
  for (const { table, file } of tables) {
    lines.push(`## \`${file}\` (${table.rows.length} rows)`, '', '| column | type | meaning |', '|---|---|---|');
    for (const c of table.columns) lines.push(`| \`${c.name}\` | ${c.type}${c.nullable ? ' (nullable)' : ''} | ${c.doc.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
