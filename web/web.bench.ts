import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { Store, type MatchRow } from '../arena/store/store.js';
import type { TraceEvent } from '../arena/trace/events.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import { hashSeed } from '../games/core/rng.js';
import type { BenchResult } from '../test/bench/types.js';
import { computeRunAggregate } from './server/aggregate-cache.js';
import { writeStaticSite } from './server/export.js';
import { startServer } from './server/http.js';
import { ReadStore } from './server/read-store.js';
import { buildSiteAssets } from './server/site.js';

const MATCHES = 10_000;
const RUN = 'bench';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, performance.now() - start];
}

/**
 * A store of MATCHES valid plan matches: a few hundred real matches of cheap built-in agents (three games, five
 * rounds), then copies of their traces under new keys, match ids and seeds, written in one transaction.
 */
export async function buildStore(path: string): Promise<{ base: number }> {
  registerBuiltinAgents();
  const store = new Store(path);
  try {
    const config = checkTournamentConfig(
      {
        name: 'base',
        seed: 7,
        games: ['auto-battler', 'turn-based', 'tower-defense'].map((id) => ({ id, rounds: 5 })),
        agents: { random: 'random', stubborn: 'stubborn', restless: 'restless', counter: 'counter:evals=3' },
        repetitions: 1,
      },
      'bench',
      'base',
    );
    await runTournament(config, { store, env: {}, quiet: true, workers: 2 });
    const rows = store.matches('base', { status: 'completed' });
    const sources = rows.map((r) => ({ row: r, events: store.trace('base', r.match_key) as TraceEvent[] }));
    store.createRun({ id: RUN, name: RUN, kind: 'tournament', config: { synthetic: true, from: 'base' }, configHash: 'bench', seed: 7 });
    const insertMatch = store.db.prepare(
      `INSERT INTO matches (run_id, match_key, ord, game, family, agent0, agent1, seed, spec_json, status, winner, score0, score1, tokens, cost_usd, wall_ms, attempts, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const insertTrace = store.db.prepare(`INSERT INTO traces (run_id, match_key, events) VALUES (?, ?, ?)`);
    store.db.transaction(() => {
      for (let i = 0; i < MATCHES; i++) {
        const src = sources[i % sources.length] as { row: MatchRow; events: TraceEvent[] };
        const key = `${src.row.match_key}|copy${i}`;
        const seed = hashSeed(7, key);
        const events = src.events.map((e) => (e.type === 'match_start' ? { ...e, matchId: key, spec: { ...e.spec, seed } } : e));
        const start = events[0] as Extract<TraceEvent, { type: 'match_start' }>;
        const r = src.row;
        insertMatch.run(RUN, key, i, r.game, r.family, r.agent0, r.agent1, seed, JSON.stringify(start.spec), r.winner, r.score0, r.score1, r.tokens, r.cost_usd, r.wall_ms, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
        insertTrace.run(RUN, key, gzipSync(events.map((e) => JSON.stringify(e)).join('\n'), { level: 1 }));
      }
    })();
    return { base: sources.length };
  } finally {
    store.close();
  }
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    request({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
    })
      .on('error', reject)
      .end();
  });
}

async function latency(port: number, paths: readonly string[], times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await get(port, paths[i % paths.length] as string));
  return median(samples);
}

/** Navigation start to the leaderboard drawn (table and every chart), as the page measures it: median and best of `times`. */
async function firstRender(url: string, times: number): Promise<{ median: number; best: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url);
      await page.waitForSelector('body[data-ready="1"][data-page="leaderboard"]', { timeout: 60_000 });
      samples.push(await page.evaluate(() => (window as Window & { __arenaReadyAt?: number }).__arenaReadyAt ?? NaN));
      await page.close();
    }
    return { median: median(samples), best: Math.min(...samples) };
  } finally {
    await browser.close();
  }
}

export async function bench(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'arena-web-bench-'));
  const path = join(dir, 'arena.db');
  try {
    const [{ base }, buildMs] = await timed(() => buildStore(path));
    const [assets, bundleMs] = await timed(() => buildSiteAssets());
    const reader = new ReadStore(path);
    const [agg, coldMs] = await timed(() => computeRunAggregate(reader, RUN, { bootstrap: 1000 }));
    reader.close();
    const server = await startServer({ storePath: path, port: 0, assets, bootstrap: 1000 });
    const results: BenchResult[] = [];
    try {
      const [, warmMs] = await timed(() => server.warmed);
      const threads = (await server.api.aggregates.get(RUN)).workers;
      const keys = server.api.matches({ run: RUN, offset: 4000, limit: 20 }).matches.map((m) => m.key);
      const lb = await latency(server.port, ['/api/leaderboard', '/api/leaderboard?game=turn-based%401'], 20);
      const page = await latency(server.port, ['/api/matches?offset=5000&limit=50', '/api/matches?agent=counter&offset=2000&limit=50', '/api/matches?game=tower-defense%401&status=completed&limit=200'], 21);
      const trace = await latency(server.port, keys.map((k) => `/api/match?run=${RUN}&key=${encodeURIComponent(k)}`), 20);
      const render = await firstRender(server.url, 5);
      results.push(
        { name: 'store build (10,000 matches)', value: buildMs / 1000, unit: 's', note: `${base} real matches copied under new keys and seeds` },
        { name: 'front-end bundle (esbuild, in memory)', value: bundleMs, unit: 'ms', note: `${(assets.js.length / 1024).toFixed(0)} KB script with chart.js` },
        { name: 'leaderboard aggregate, cold, 10,000 traces', value: coldMs / 1000, unit: 's', note: `pass over ${agg.traces} traces without battle logs (${agg.workers} worker threads) + metrics and overall ratings, B = 1000; once per run, cached` },
        { name: 'server warm-up: aggregate + every per-game leaderboard', value: warmMs / 1000, unit: 's', note: `in the background from start-up (${threads} worker threads); the API answers meanwhile` },
        { name: 'API latency: leaderboard (cached)', value: lb, unit: 'ms', note: 'median of 20, gzip' },
        { name: 'API latency: match list page', value: page, unit: 'ms', note: 'median of 21: offset 5000, agent filter, game+status filter' },
        { name: 'API latency: one match trace', value: trace, unit: 'ms', note: 'median of 20 matches, with battle logs' },
        { name: 'leaderboard first render in Chromium (server)', value: render.median, unit: 'ms', note: `navigation start to table and 10 charts drawn, median of 5 (best ${render.best.toFixed(0)}); target < 1000` },
      );
    } finally {
      await server.close();
    }
    const out = join(dir, 'site');
    const [exported, exportMs] = await timed(() => writeStaticSite({ storePath: path, outDir: out, assets, bootstrap: 1000 }));
    const staticRender = await firstRender(pathToFileURL(join(out, 'index.html')).href, 5);
    results.push(
      { name: 'static export (all runs, every trace)', value: exportMs / 1000, unit: 's', note: `${exported.files} files, ${exported.traces} traces` },
      {
        name: 'static export size, 10,000 matches with every trace',
        value: exported.bytes / 1e6,
        unit: 'MB',
        note: `${(exported.bytes / Math.max(1, exported.traces) / 1024).toFixed(1)} KB per traced match: traces stay gzip-compressed (battle logs included) and load only when a replay opens; target < 200`,
      },
      { name: 'leaderboard first render in Chromium (file://)', value: staticRender.median, unit: 'ms', note: `median of 5 (best ${staticRender.best.toFixed(0)}); target < 1000` },
    );
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
