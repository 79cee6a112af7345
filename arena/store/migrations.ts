/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run. Never edit a shipped
 * migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    config_json TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    seed INTEGER NOT NULL,
    status TEXT NOT NULL,
    meta_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE matches (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    match_key TEXT NOT NULL,
    ord INTEGER NOT NULL,
    game TEXT NOT NULL,
    family TEXT NOT NULL,
    agent0 TEXT NOT NULL,
    agent1 TEXT NOT NULL,
    seed INTEGER NOT NULL,
    spec_json TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned',
    error_reason TEXT,
    error_message TEXT,
    winner INTEGER,
    score0 REAL,
    score1 REAL,
    tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL NOT NULL DEFAULT 0,
    wall_ms REAL NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT,
    PRIMARY KEY (run_id, match_key)
  );
  CREATE INDEX matches_by_status ON matches(run_id, status, ord);
  CREATE INDEX matches_by_agent0 ON matches(run_id, agent0);
  CREATE INDEX matches_by_agent1 ON matches(run_id, agent1);
  CREATE TABLE traces (
    run_id TEXT NOT NULL,
    match_key TEXT NOT NULL,
    events BLOB NOT NULL,
    PRIMARY KEY (run_id, match_key),
    FOREIGN KEY (run_id, match_key) REFERENCES matches(run_id, match_key) ON DELETE CASCADE
  );
  CREATE TABLE llm_cache (
    key TEXT PRIMARY KEY,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
];
