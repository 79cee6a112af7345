import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { UsageError } from '../errors.js';
import { parseManifest, type RunManifest } from '../manifest/manifest.js';
import type { PlannedMatch, Store } from '../store/store.js';
import { TRACE_VERSION, type TraceEvent } from '../trace/events.js';
import { parseTraceLine, TraceFormatError } from '../trace/read.js';
import { outcomeOf } from './execute.js';

/** Where an imported run came from, recorded in its manifest. */
export interface ImportSource {
  readonly kind: 'imported';
  readonly file: string;
  readonly importedWith: string;
}

interface MatchRecord {
  readonly run: string;
  readonly traceVersion: number;
  readonly events: TraceEvent[];
}

/** The match table of an export: a folder holding matches.jsonl or matches.parquet, or either file itself. */
export function matchTableFile(path: string): string {
  if (!existsSync(path)) throw new UsageError(`'${path}' not found`);
  if (!statSync(path).isDirectory()) return path;
  for (const name of ['matches.jsonl', 'matches.parquet']) if (existsSync(join(path, name))) return join(path, name);
  throw new UsageError(`'${path}' holds no matches.jsonl or matches.parquet (export a run with --format jsonl or parquet)`);
}

async function rawRows(file: string): Promise<Record<string, unknown>[]> {
  if (file.endsWith('.parquet')) {
    try {
      return (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Record<string, unknown>[];
    } catch (err) {
      throw new UsageError(`'${file}' is not a readable Parquet file (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const rows: Record<string, unknown>[] = [];
  const text = await readFile(file, 'utf8');
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      throw new UsageError(`${file}:${i + 1}: not a JSON row (the file is damaged or not an arena export)`);
    }
  }
  return rows;
}

/** Reads and checks an exported match table: every row carries a whole trace this arena can read. */
export async function readMatchTable(file: string): Promise<MatchRecord[]> {
  const out: MatchRecord[] = [];
  for (const [i, row] of (await rawRows(file)).entries()) {
    const where = `${file} row ${i + 1}`;
    const version = Number(row['trace_version']);
    if (!Number.isFinite(version) || typeof row['trace'] !== 'string' || typeof row['run'] !== 'string') {
      throw new UsageError(`${where}: not an arena match row (expected run, trace_version and trace columns)`);
    }
    if (version > TRACE_VERSION) throw new UsageError(`${where}: trace version ${version} is newer than this arena reads (${TRACE_VERSION}); import it with a newer arena`);
    let raw: unknown;
    try {
      raw = JSON.parse(row['trace']);
    } catch {
      throw new UsageError(`${where}: its trace is not JSON (the file is damaged)`);
    }
    if (!Array.isArray(raw) || raw.length === 0) throw new UsageError(`${where}: its trace is not a list of events`);
    let events: TraceEvent[];
    try {
      events = raw.map((e, j) => parseTraceLine(JSON.stringify(e), `${where} event ${j + 1}`));
    } catch (err) {
      if (err instanceof TraceFormatError) throw new UsageError(err.message);
      throw err;
    }
    if (events[0]?.type !== 'match_start') throw new UsageError(`${where}: its trace does not begin with match_start`);
    out.push({ run: row['run'], traceVersion: version, events });
  }
  return out;
}

/** The manifest beside an exported table, when there is one. */
export async function manifestBeside(file: string): Promise<RunManifest | undefined> {
  const path = join(dirname(file), 'manifest.json');
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new UsageError(`${path}: not JSON (the file is damaged)`);
  }
  try {
    return parseManifest(value, path);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Loads an exported run into the store as a new run of kind `imported`, in one transaction (all of it or nothing).
 * Its manifest is the exported one (if any) with `source` saying where it came from. Returns the run id.
 */
export async function importRun(store: Store, path: string, options: { readonly name?: string; readonly arenaVersion: string }): Promise<{ runId: string; matches: number }> {
  const file = matchTableFile(path);
  const records = await readMatchTable(file);
  if (records.length === 0) throw new UsageError(`${file}: no matches to import`);
  const exported = await manifestBeside(file);
  const name = options.name ?? records[0]?.run ?? 'imported';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new UsageError(`run name '${name}' must use letters, digits, dot, underscore or dash (pass --name)`);
  if (store.getRun(name) !== undefined) throw new UsageError(`run '${name}' already exists in ${store.path}; pass --name to import under another name`);
  const source: ImportSource = { kind: 'imported', file, importedWith: options.arenaVersion };
  const planned: PlannedMatch[] = records.map((r, ord) => {
    const start = r.events[0];
    if (start?.type !== 'match_start') throw new UsageError(`${file}: a trace without match_start`);
    return { key: start.matchId, ord, game: start.spec.game, family: start.spec.family, agents: [start.spec.seats[0].name, start.spec.seats[1].name], seed: start.spec.seed, spec: start.spec };
  });
  if (new Set(planned.map((p) => p.key)).size !== planned.length) throw new UsageError(`${file}: two rows have the same match_key`);
  store.db.transaction(() => {
    store.createRun({
      id: name,
      name,
      kind: 'imported',
      config: exported?.config ?? {},
      configHash: 'imported',
      seed: exported?.seeds.run ?? 0,
      meta: { manifest: exported ? { ...exported, source } : undefined, source },
    });
    store.planMatches(name, planned);
    for (const [i, r] of records.entries()) store.recordMatch(name, planned[i]!.key, outcomeOf(r.events), r.events);
    store.setRunStatus(name, 'completed');
  })();
  return { runId: name, matches: records.length };
}

