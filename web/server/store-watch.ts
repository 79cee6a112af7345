import type { ReadStore } from './read-store.js';

/** What identifies the state of a run's results: its row and the counts and last finish of its matches. */
function fingerprints(store: ReadStore): Map<string, string> {
  const rows = store.store.db
    .prepare(
      `SELECT r.id AS id, r.status || '|' || r.updated_at || '|' || COALESCE(m.n, 0) || '|' || COALESCE(m.done, 0) || '|' || COALESCE(m.last, '') || '|' || COALESCE(t.n, 0) AS f
       FROM runs r
       LEFT JOIN (SELECT run_id, COUNT(*) AS n, SUM(status != 'planned') AS done, MAX(finished_at) AS last FROM matches GROUP BY run_id) m ON m.run_id = r.id
       LEFT JOIN (SELECT run_id, COUNT(*) AS n FROM traces GROUP BY run_id) t ON t.run_id = r.id`,
    )
    .all() as { id: string; f: string }[];
  return new Map(rows.map((r) => [r.id, r.f]));
}

/**
 * Notices changes another process makes to the store (a tournament writing matches while the site is served).
 * `check()` is cheap when nothing changed (SQLite's data_version: one pragma); after a commit by another
 * connection it compares each run's fingerprint and reports the runs that were added, changed or removed.
 */
export class StoreWatch {
  private version: number;
  private known: Map<string, string>;

  constructor(private readonly store: ReadStore) {
    this.version = this.dataVersion();
    this.known = fingerprints(store);
  }

  private dataVersion(): number {
    return this.store.store.db.pragma('data_version', { simple: true }) as number;
  }

  /** Run ids whose results changed since the last check (empty when none did). */
  check(): string[] {
    const version = this.dataVersion();
    if (version === this.version) return [];
    this.version = version;
    const now = fingerprints(this.store);
    const changed = [...now].filter(([id, f]) => this.known.get(id) !== f).map(([id]) => id);
    for (const id of this.known.keys()) if (!now.has(id)) changed.push(id);
    this.known = now;
    return changed;
  }
}
