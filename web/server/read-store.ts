import { parseManifest, type RunManifest } from '../../arena/manifest/manifest.js';
import { provenanceOf, rowProvenance } from '../../arena/manifest/provenance.js';
import { PACKAGE_VERSION } from '../../arena/manifest/version.js';
import { existsSync } from 'node:fs';
import { resolveGame } from '../../arena/games/registry.js';
import { decodeTrace, Store, type MatchRow, type RunRow } from '../../arena/store/store.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { MATCH_STATUSES, type MatchPage, type MatchQuery, type MatchSort, type MatchStatus, type MatchSummary, type QueueStates, type RegressionMeta, type RunInfo } from '../shared/api.js';
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

type SummaryRow = Pick<MatchRow, 'match_key' | 'ord' | 'game' | 'family' | 'agent0' | 'agent1' | 'seed' | 'status' | 'error_reason' | 'winner' | 'score0' | 'score1' | 'tokens' | 'cost_usd' | 'wall_ms' | 'finished_at'> & {
  readonly revise_first: number | null;
};

const SUMMARY_COLUMNS =
  "match_key, ord, game, family, agent0, agent1, seed, status, error_reason, winner, score0, score1, tokens, cost_usd, wall_ms, finished_at, CASE WHEN json_valid(spec_json) THEN json_extract(spec_json, '$.reviseFirst') END AS revise_first";

/** SQL of each match-list order (the static export's `queryMatches` sorts the same way). */
const ORDER_BY: Readonly<Record<MatchSort, string>> = {
  planned: 'ord, match_key',
  newest: 'finished_at IS NULL, finished_at DESC, ord, match_key',
  tokens: 'tokens DESC, ord, match_key',
  wall: 'wall_ms DESC, ord, match_key',
};

const roleCache = new Map<string, readonly [string, string] | null>();

/** A plan game's side labels (Human, Demon, ...); null for move games and games this build does not know. */
function rolesOf(game: string): readonly [string, string] | null {
  if (roleCache.has(game)) return roleCache.get(game) ?? null;
  let roles: readonly [string, string] | null = null;
  try {
    const resolved = resolveGame(game);
    if (resolved.family === 'plan') roles = [resolved.game.sides[0].label, resolved.game.sides[1].label];
  } catch {
    roles = null;
  }
  roleCache.set(game, roles);
  return roles;
}

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
    roles: r.family === 'plan' ? rolesOf(r.game) : null,
    reviseFirst: r.family === 'plan' && (r.revise_first === 0 || r.revise_first === 1) ? r.revise_first : null,
  };
}

/** The live states of a distributed run (`queue` in its meta, while its status is 'running'). */
function queueOf(row: RunRow): { queue?: QueueStates } {
  if (row.status !== 'running') return {};
  try {
    const q = (JSON.parse(row.meta_json) as { queue?: Partial<QueueStates> }).queue;
    const n = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
    return q === undefined || typeof q.at !== 'string' ? {} : { queue: { waiting: n(q.waiting), running: n(q.running), done: n(q.done), failed: n(q.failed), at: q.at } };
  } catch {
    return {};
  }
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
      ...queueOf(row),
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
    const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM matches WHERE ${clause} ORDER BY ${ORDER_BY[q.sort ?? 'planned']} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as SummaryRow[];
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

  /** A stored trace still compressed (gzip of JSON lines), as the store keeps it. */
  traceBlob(run: string, key: string): Buffer | undefined {
    const row = this.store.db.prepare(`SELECT events FROM traces WHERE run_id = ? AND match_key = ?`).get(run, key) as { events: Buffer } | undefined;
    return row?.events;
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
