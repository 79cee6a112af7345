import { formatCsvRow } from '../../../metrics/advgamebench/csv.js';
import { battleTable } from '../../../metrics/export/battles.js';
import { datasetCard } from '../../../metrics/export/card.js';
import type { Table } from '../../../metrics/export/columns.js';
import { decisionTable, matchTable } from '../../../metrics/export/rows.js';
import type { RunManifest } from '../../manifest/manifest.js';
import type { TraceEvent } from '../../trace/events.js';
import { PACKAGE_VERSION } from '../version.js';
import type { OutFile } from './atomic-write.js';
import { writeParquet } from './parquet.js';

export interface ExportSource {
  readonly run: string;
  readonly matches: readonly (readonly TraceEvent[])[];
  readonly manifest: RunManifest | undefined;
  /** When the run was made (stored runs). */
  readonly created?: string;
}

export function toJsonl(table: Table): string {
  return table.rows.map((r) => `${JSON.stringify(Object.fromEntries(table.columns.map((c) => [c.name, r[c.name] ?? null])))}\n`).join('');
}

export function toCsv(table: Table): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  return formatCsvRow(table.columns.map((c) => c.name)) + table.rows.map((r) => formatCsvRow(table.columns.map((c) => cell(r[c.name])))).join('');
}

function card(tables: readonly { table: Table; file: string }[], source: ExportSource): OutFile {
  const starts = source.matches.map((m) => m[0]).filter((e) => e?.type === 'match_start');
  const games = [...new Set(starts.map((s) => s.spec.game))].sort();
  const agents = [...new Set(starts.flatMap((s) => s.spec.seats.map((x) => x.name)))].sort();
  const text = datasetCard(tables, {
    run: source.run,
    arenaVersion: source.manifest?.arena.version ?? PACKAGE_VERSION,
    gitCommit: source.manifest?.arena.gitCommit ?? null,
    games,
    agents,
    matches: source.matches.length,
  });
  return { name: 'README.md', data: text };
}

/** The files of a table export: the tables in the format, the dataset card and the manifest (when known). */
export async function tableFiles(format: 'battles' | 'jsonl' | 'parquet', source: ExportSource): Promise<OutFile[]> {
  const files: OutFile[] = [];
  const listed: { table: Table; file: string }[] = [];
  if (format === 'battles') {
    const table = battleTable(source.matches);
    files.push({ name: 'battles.csv', data: toCsv(table) }, { name: 'battles.jsonl', data: toJsonl(table) });
    listed.push({ table, file: 'battles.jsonl' });
  } else {
    for (const table of [matchTable(source.run, source.matches), decisionTable(source.run, source.matches)]) {
      const file = `${table.name}.${format}`;
      files.push({ name: file, data: format === 'jsonl' ? toJsonl(table) : await writeParquet(table) });
      listed.push({ table, file });
    }
  }
  files.push(card(listed, source));
  if (source.manifest !== undefined) files.push({ name: 'manifest.json', data: `${JSON.stringify(source.manifest, null, 2)}\n` });
  return files;
}
