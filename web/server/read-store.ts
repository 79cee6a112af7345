import { parseManifest, type RunManifest } from '../../arena/manifest/manifest.js';
import { provenanceOf, rowProvenance } from '../../arena/manifest/provenance.js';
import { PACKAGE_VERSION } from '../../arena/manifest/version.js';
import { existsSync } from 'node:fs';
import { decodeTrace, Store, type MatchRow, type RunRow } from '../../arena/store/store.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { MATCH_STATUSES, type MatchPage, type MatchQuery, type MatchStatus, type MatchSummary, type RegressionMeta, type RunInfo } from '../shared/api.js';
import { regressionMetaOf } from './regression-meta.js';

/** Where a trace sits in a run's planned order. */
export interface TracePosition {
  readonly ord: number;
  readonly key: string;
}

/** A stored trace as read from the store: still compressed. */
export interface TraceBlob {
  readonly ord: number;
  readonly key: string;
  readonly blob: Buffer;
}

type SummaryRow = Pick<MatchRow, 'match_key' | 'ord' | 'game' | 'family' | 'agent0' | 'agent1' | 'seed' | 'status' | 'error_reason' | 'winner' | 'score0' | 'score1' | 'tokens' | 'cost_usd' | 'wall_ms' | 'finished_at'>;

const SUMMARY_COLUMNS = 'match_key, ord, game, family, agent0, agent1, seed, status, error_reason, winner, score0, score1, tokens, cost_usd, wall_ms, finished_at';

function summaryOf(r: SummaryRow): MatchSummary {
  const status: MatchStatus = (MATCH_STATUSES as readonly string[]).includes(r.status) ? r.status : 'error';
  return {
    key: r.match_key,
    ord: r.ord,
    game: r.game,
    family: r.family,
    agents: [r.agent0, r.agent1],
    seed: r.seed,
    status,
    errorReason: r.error_reason,
    winner: r.winner,
    scores: r.score0 === null || r.score1 === null ? null : [r.score0, r.score1],
    tokens: r.tokens,
    costUsd: r.cost_usd,
    wallMs: r.wall_ms,
    finishedAt: r.finished_at,
  };
}

/**
 * Read-only queries over the results store for the web site: the store is opened read-only (SQLite refuses
 * every write on this connection), and every query is a prepared statement with bound parameters.
 */
export class ReadStore {
  readonly store: Store;

  constructor(readonly path: string) {
    if (!existsSync(path)) throw new Error(`no results store at '${path}'`);
    this.store = new Store(path, { readonly: true });
  }

  close(): void {
    this.store.close();
  }

  private runInfo(row: RunRow): RunInfo {
    const db = this.store.db;
    const games = (db.prepare(`SELECT DISTINCT game FROM matches WHERE run_id = ? ORDER BY game`).all(row.id) as { game: string }[]).map((g) => g.game);
    const agents = (
      db.prepare(`SELECT agent0 AS a FROM matches WHERE run_id = ? UNION SELECT agent1 FROM matches WHERE run_id = ? ORDER BY a`).all(row.id, row.id) as { a: string }[]
    ).map((r) => r.a);
    let regression: RegressionMeta | null = null;
    try {
      regression = regressionMetaOf(JSON.parse(row.meta_json) as unknown);
    } catch {
      regression = null;
    }
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      status: row.status,
      createdAt: row.created_at,
      seed: row.seed,
      counts: this.store.counts(row.id),
      games,
      agents,
      regression,
      ...this.manifestOf(row, agents),
      config: this.configOf(row),
      lastUpdated: (db.prepare(`SELECT MAX(finished_at) AS t FROM matches WHERE run_id = ?`).get(row.id) as { t: string | null }).t,
    };
  }

  /** The run's stored config, without any field whose name could hold a secret. */
  private configOf(row: RunRow): unknown {
    try {
      return JSON.parse(row.config_json, (k, v: unknown) => (/api[_-]?key|secret|password|authori[sz]ation|^token$/i.test(k) && typeof v !== 'object' ? undefined : v)) as unknown;
    } catch {
      return null;
    }
  }

  /** The stored manifest (validated; null when absent or unreadable) and each agent's provenance notes. */
  private manifestOf(row: RunRow, agents: readonly string[]): Pick<RunInfo, 'manifest' | 'provenance'> {
    let manifest: RunManifest | undefined;
    try {
      const stored = (JSON.parse(row.meta_json) as { manifest?: unknown }).manifest;
      manifest = stored === undefined ? undefined : parseManifest(stored, `run '${row.id}'`);
    } catch {
      manifest = undefined;
    }
    const p = provenanceOf(manifest, PACKAGE_VERSION, row.kind);
    const provenance: Record<string, string[]> = {};
    for (const a of agents) {
      const words = rowProvenance(p, a);
      if (words.length > 0) provenance[a] = words;
    }
    return { manifest: manifest ?? null, provenance };
  }

  /** Every run, newest first. */
  runs(): RunInfo[] {
    return this.store.listRuns().map((r) => this.runInfo(r));
  }

  /** A run by exact id (names are resolved by the caller from `runs()`). */
  run(id: string): RunInfo | undefined {
    const row = this.store.db.prepare(`SELECT * FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    return row ? this.runInfo(row) : undefined;
  }

  /** The run's configured rating anchor, if its config names one. */
  anchorOf(id: string): string | undefined {
    const row = this.store.db.prepare(`SELECT config_json FROM runs WHERE id = ?`).get(id) as { config_json: string } | undefined;
    if (!row) return undefined;
    try {
      const anchor = (JSON.parse(row.config_json) as { anchor?: unknown }).anchor;
      return typeof anchor === 'string' ? anchor : undefined;
    } catch {
      return undefined;
    }
  }

  /** The run's configured Bradley–Terry prior (`ratings.prior`), if its config sets one. */
  priorOf(id: string): number | undefined {
    const row = this.store.db.prepare(`SELECT config_json FROM runs WHERE id = ?`).get(id) as { config_json: string } | undefined;
    if (!row) return undefined;
    try {
      const prior = (JSON.parse(row.config_json) as { ratings?: { prior?: unknown } }).ratings?.prior;
      return typeof prior === 'number' && prior >= 0 ? prior : undefined;
    } catch {
      return undefined;
    }
  }

  /** One page of a run's matches, filtered; rows in planned order. */
  matchPage(q: MatchQuery): MatchPage {
    const where = ['run_id = ?'];
    const args: (string | number)[] = [q.run];
    if (q.game !== undefined) {
      where.push('game = ?');
      args.push(q.game);
    }
    if (q.agent !== undefined) {
      where.push('(agent0 = ? OR agent1 = ?)');
      args.push(q.agent, q.agent);
    }
    if (q.status !== undefined) {
      where.push('status = ?');
      args.push(q.status);
    }
    const clause = where.join(' AND ');
    const db = this.store.db;
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM matches WHERE ${clause}`).get(...args) as { n: number }).n;
    const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM matches WHERE ${clause} ORDER BY ord, match_key LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as SummaryRow[];
    return { run: q.run, total, offset: q.offset, limit: q.limit, matches: rows.map(summaryOf) };
  }

  /** Every match summary of a run, in planned order (the static export pages these client-side). */
  allMatches(run: string): MatchSummary[] {
    const rows = this.store.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM matches WHERE run_id = ? ORDER BY ord, match_key`).all(run) as SummaryRow[];
    return rows.map(summaryOf);
  }

  match(run: string, key: string): MatchSummary | undefined {
    const row = this.store.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM matches WHERE run_id = ? AND match_key = ?`).get(run, key) as SummaryRow | undefined;
    return row ? summaryOf(row) : undefined;
  }

  trace(run: string, key: string): TraceEvent[] | undefined {
    const row = this.store.db.prepare(`SELECT events FROM traces WHERE run_id = ? AND match_key = ?`).get(run, key) as { events: Buffer } | undefined;
    return row ? decodeTrace(row.events) : undefined;
  }

  /**
   * The next `limit` compressed traces of a run after (ord, key) and up to `last` (inclusive), in planned order.
   * Keyset paging: no statement stays open between batches, so callers may yield to other requests in between.
   */
  traceBatch(run: string, after: TracePosition | null, limit: number, last: TracePosition | null = null): TraceBlob[] {
    return this.store.db
      .prepare(
        `SELECT m.ord AS ord, m.match_key AS key, t.events AS blob FROM traces t JOIN matches m ON m.run_id = t.run_id AND m.match_key = t.match_key
         WHERE t.run_id = ? AND (m.ord, m.match_key) > (?, ?) ${last ? 'AND (m.ord, m.match_key) <= (?, ?)' : ''} ORDER BY m.ord, m.match_key LIMIT ?`,
      )
      .all(run, after?.ord ?? -1, after?.key ?? '', ...(last ? [last.ord, last.key] : []), limit) as TraceBlob[];
  }

  /** Positions of a run's stored traces, in planned order (to split a pass over them). */
  tracePositions(run: string): TracePosition[] {
    return this.store.db
      .prepare(`SELECT m.ord AS ord, m.match_key AS key FROM traces t JOIN matches m ON m.run_id = t.run_id AND m.match_key = t.match_key WHERE t.run_id = ? ORDER BY m.ord, m.match_key`)
      .all(run) as TracePosition[];
  }

  /** The most recently finished matches with a trace, over every run, newest first. */
  recentTraced(limit: number): { run: string; key: string }[] {
    return this.store.db
      .prepare(
        `SELECT m.run_id AS run, m.match_key AS key FROM matches m JOIN traces t ON t.run_id = m.run_id AND t.match_key = m.match_key
         ORDER BY m.finished_at DESC, m.ord DESC LIMIT ?`,
      )
      .all(limit) as { run: string; key: string }[];
  }
}
