import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { TraceEvent } from '../trace/events.js';
import { MIGRATIONS } from './migrations.js';

export const DEFAULT_STORE = 'arena.db';

export interface RunRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly config_json: string;
  readonly config_hash: string;
  readonly seed: number;
  readonly status: string;
  readonly meta_json: string;
}

export interface PlannedMatch {
  readonly key: string;
  readonly ord: number;
  readonly game: string;
  readonly family: 'plan' | 'move';
  readonly agents: readonly [string, string];
  readonly seed: number;
  readonly spec: unknown;
}

export interface MatchRow {
  readonly run_id: string;
  readonly match_key: string;
  readonly ord: number;
  readonly game: string;
  readonly family: string;
  readonly agent0: string;
  readonly agent1: string;
  readonly seed: number;
  readonly spec_json: string;
  readonly status: 'planned' | 'completed' | 'error';
  readonly error_reason: string | null;
  readonly error_message: string | null;
  readonly winner: number | null;
  readonly score0: number | null;
  readonly score1: number | null;
  readonly tokens: number;
  readonly cost_usd: number;
  readonly wall_ms: number;
  readonly attempts: number;
  readonly finished_at: string | null;
}

export interface MatchOutcome {
  readonly status: 'completed' | 'error';
  readonly errorReason?: string;
  readonly errorMessage?: string;
  readonly winner: number | null;
  readonly scores: readonly [number, number];
  readonly tokens: number;
  readonly costUsd: number;
  readonly wallMs: number;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/**
 * Traces are stored gzipped at the fastest level: on a typical trace it takes a quarter of the default level's CPU
 * on the single writer's thread for an output a few per cent larger. Any level reads back the same.
 */
function encodeTrace(events: readonly TraceEvent[]): Buffer {
  return gzipSync(events.map((e) => JSON.stringify(e)).join('\n'), { level: constants.Z_BEST_SPEED });
}

export function decodeTrace(blob: Buffer): TraceEvent[] {
  const text = gunzipSync(blob).toString('utf8');
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as TraceEvent);
}

/**
 * The results store: one SQLite file holding runs, planned matches, their results and traces, and the LLM
 * response cache. Each finished match is written in one transaction, so a killed run loses at most the matches in
 * flight. The schema is versioned (`PRAGMA user_version`) and migrated on open.
 */
export class Store {
  readonly db: Database.Database;
  #record: ((runId: string, key: string, outcome: MatchOutcome, blob: Buffer) => void) | undefined;

  constructor(readonly path: string, options: { readonly readonly?: boolean } = {}) {
    if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path, options.readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (err) {
      throw new StoreError(`cannot open results store '${path}': ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    this.db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.migrate();
    } else if (this.schemaVersion() > MIGRATIONS.length) {
      throw new StoreError(`results store '${path}' has schema version ${this.schemaVersion()}, newer than this arena understands (${MIGRATIONS.length})`);
    }
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion();
    if (current > MIGRATIONS.length) {
      throw new StoreError(`results store '${this.path}' has schema version ${current}, newer than this arena understands (${MIGRATIONS.length})`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  createRun(run: { id: string; name: string; kind: string; config: unknown; configHash: string; seed: number; meta?: unknown }): void {
    const now = new Date().toISOString();
    this.db
      .prepare(`INSERT INTO runs (id, name, kind, created_at, updated_at, config_json, config_hash, seed, status, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`)
      .run(run.id, run.name, run.kind, now, now, JSON.stringify(run.config), run.configHash, run.seed, JSON.stringify(run.meta ?? {}));
  }

  getRun(idOrName: string): RunRow | undefined {
    return (this.db.prepare(`SELECT * FROM runs WHERE id = ? OR name = ? ORDER BY created_at DESC LIMIT 1`).get(idOrName, idOrName) as RunRow | undefined) ?? undefined;
  }

  listRuns(): RunRow[] {
    return this.db.prepare(`SELECT * FROM runs ORDER BY created_at DESC`).all() as RunRow[];
  }

  setRunStatus(id: string, status: string): void {
    this.db.prepare(`UPDATE runs SET status = ?, updated_at = ? WHERE id = ?`).run(status, new Date().toISOString(), id);
  }

  /** Replaces a run's meta; its manifest (kept in the meta under `manifest`) stays. */
  setRunMeta(id: string, meta: unknown): void {
    const manifest = this.runManifest(id);
    const next = manifest === undefined ? meta : { ...(meta as Record<string, unknown>), manifest };
    this.db.prepare(`UPDATE runs SET meta_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(next), new Date().toISOString(), id);
  }

  /** A run's reproducibility manifest as stored (unvalidated), if it has one. */
  runManifest(id: string): unknown {
    const row = this.db.prepare(`SELECT meta_json FROM runs WHERE id = ?`).get(id) as { meta_json: string } | undefined;
    if (row === undefined) return undefined;
    return (JSON.parse(row.meta_json) as { manifest?: unknown }).manifest;
  }

  setRunManifest(id: string, manifest: unknown): void {
    const row = this.db.prepare(`SELECT meta_json FROM runs WHERE id = ?`).get(id) as { meta_json: string } | undefined;
    if (row === undefined) throw new StoreError(`no run '${id}'`);
    const meta = { ...(JSON.parse(row.meta_json) as Record<string, unknown>), manifest };
    this.db.prepare(`UPDATE runs SET meta_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(meta), new Date().toISOString(), id);
  }

  /** Inserts planned matches; existing keys are left as they are (so a resumed run keeps its results). */
  planMatches(runId: string, matches: readonly PlannedMatch[]): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO matches (run_id, match_key, ord, game, family, agent0, agent1, seed, spec_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    this.db.transaction(() => {
      for (const m of matches) added += insert.run(runId, m.key, m.ord, m.game, m.family, m.agents[0], m.agents[1], m.seed, JSON.stringify(m.spec)).changes;
    })();
    return added;
  }

  /** Matches still to play: planned ones and those that ended in an infrastructure error. */
  pendingMatches(runId: string): MatchRow[] {
    return this.db
      .prepare(`SELECT * FROM matches WHERE run_id = ? AND (status = 'planned' OR (status = 'error' AND error_reason IN ('infrastructure', 'aborted'))) ORDER BY ord`)
      .all(runId) as MatchRow[];
  }

  /** Writes a finished match's result and trace in one transaction. */
  recordMatch(runId: string, key: string, outcome: MatchOutcome, events: readonly TraceEvent[]): void {
    this.#record ??= this.recorder();
    this.#record(runId, key, outcome, encodeTrace(events));
  }

  /** recordMatch's statements and transaction, prepared once: every finished match of a run goes through them. */
  private recorder(): (runId: string, key: string, outcome: MatchOutcome, blob: Buffer) => void {
    const update = this.db.prepare(
      `UPDATE matches SET status = ?, error_reason = ?, error_message = ?, winner = ?, score0 = ?, score1 = ?, tokens = ?, cost_usd = ?, wall_ms = ?, attempts = attempts + 1, finished_at = ? WHERE run_id = ? AND match_key = ?`,
    );
    const insert = this.db.prepare(`INSERT OR REPLACE INTO traces (run_id, match_key, events) VALUES (?, ?, ?)`);
    return this.db.transaction((runId: string, key: string, outcome: MatchOutcome, blob: Buffer) => {
      const changed = update.run(
        outcome.status,
        outcome.errorReason ?? null,
        outcome.errorMessage ?? null,
        outcome.winner,
        outcome.scores[0],
        outcome.scores[1],
        outcome.tokens,
        outcome.costUsd,
        outcome.wallMs,
        new Date().toISOString(),
        runId,
        key,
      ).changes;
      if (changed !== 1) throw new StoreError(`match '${key}' of run '${runId}' was never planned`);
      insert.run(runId, key, blob);
    });
  }

  matches(runId: string, options: { status?: string; limit?: number; offset?: number } = {}): MatchRow[] {
    const where = options.status ? `AND status = ?` : '';
    const args: unknown[] = [runId];
    if (options.status) args.push(options.status);
    args.push(options.limit ?? -1, options.offset ?? 0);
    return this.db.prepare(`SELECT * FROM matches WHERE run_id = ? ${where} ORDER BY ord LIMIT ? OFFSET ?`).all(...args) as MatchRow[];
  }

  counts(runId: string): { total: number; completed: number; errors: number; planned: number } {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS total, SUM(status = 'completed') AS completed, SUM(status = 'error') AS errors, SUM(status = 'planned') AS planned FROM matches WHERE run_id = ?`,
      )
      .get(runId) as { total: number; completed: number | null; errors: number | null; planned: number | null };
    return { total: row.total, completed: row.completed ?? 0, errors: row.errors ?? 0, planned: row.planned ?? 0 };
  }

  trace(runId: string, key: string): TraceEvent[] | undefined {
    const row = this.db.prepare(`SELECT events FROM traces WHERE run_id = ? AND match_key = ?`).get(runId, key) as { events: Buffer } | undefined;
    return row ? decodeTrace(row.events) : undefined;
  }

  /** Every stored trace of a run (completed and error matches), in planned order, one at a time. */
  *traces(runId: string, options: { completedOnly?: boolean } = {}): Generator<TraceEvent[]> {
    const filter = options.completedOnly ? `AND m.status = 'completed'` : '';
    const rows = this.db
      .prepare(`SELECT t.events FROM traces t JOIN matches m ON m.run_id = t.run_id AND m.match_key = t.match_key WHERE t.run_id = ? ${filter} ORDER BY m.ord`)
      .iterate(runId) as IterableIterator<{ events: Buffer }>;
    for (const row of rows) yield decodeTrace(row.events);
  }

  cacheGet(key: string): string | undefined {
    const row = this.db.prepare(`SELECT response FROM llm_cache WHERE key = ?`).get(key) as { response: string } | undefined;
    return row?.response;
  }

  cachePut(key: string, response: string): void {
    this.db.prepare(`INSERT OR REPLACE INTO llm_cache (key, response, created_at) VALUES (?, ?, ?)`).run(key, response, new Date().toISOString());
  }
}
