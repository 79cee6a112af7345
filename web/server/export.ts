import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_GAMES } from '../shared/api.js';
import { AggregateCache } from './aggregate-cache.js';
import { Api } from './api.js';
import { decodeTrace } from '../../arena/store/store.js';
import type { ExperimentsResponse, MatchDetail } from '../shared/api.js';
import { moveBoards, revisionLabels } from './match-detail.js';
import { ReadStore } from './read-store.js';
import { decodeSlim } from './slim.js';
import { buildSiteAssets, indexHtml, type SiteAssets } from './site.js';

export interface ExportOptions {
  readonly storePath: string;
  /** Output folder (created if missing). */
  readonly outDir: string;
  /** Traces embedded for the replay viewer: the most recently finished matches over all runs (default: every trace). */
  readonly maxTraces?: number;
  /** Bootstrap resamples of the leaderboard intervals (default 1000). */
  readonly bootstrap?: number;
  /** A prebuilt front end (default: bundled now). */
  readonly assets?: SiteAssets;
  /** PRM experiment reports for the Experiments page (`arena report --experiment`). */
  readonly experiments?: ExperimentsResponse;
}

/** Where the static front end finds each resource: data file paths relative to index.html. */
export interface StaticManifest {
  readonly runs: unknown;
  readonly leaderboard: Record<string, Record<string, string>>;
  readonly agent: Record<string, Record<string, string>>;
  readonly matches: Record<string, string>;
  /** Run id → the data file mapping each exported match key to its trace file (loaded only by pages that need it). */
  readonly traces: Record<string, string>;
  /** Comparisons by `runA|agentA|runB|agentB` (run ids): each regression run's candidate against the agent it replaced. */
  readonly compare: Record<string, string>;
  /** The data file of the PRM experiment reports, when any were given. */
  experiments?: string;
}

/**
 * A match file of the export: the replay data with the trace left as the store keeps it (gzip of JSON lines,
 * base64), battle logs included; the page inflates it when the replay is opened.
 */
export interface CompactMatch {
  readonly run: string;
  readonly summary: MatchDetail['summary'];
  readonly boards: MatchDetail['boards'];
  readonly revisions: MatchDetail['revisions'];
  readonly traceGzip: string;
}

export interface ExportResult {
  readonly files: number;
  readonly traces: number;
  readonly bytes: number;
}

/** Data files this exporter writes (and may replace on the next export into the same folder). */
const DATA_FILE = /^(index|lb-\d+|agent-\d+|matches-\d+|traces-\d+|match-\d+|compare-\d+|experiments-\d+)\.js$/;

/** A data file: a classic script that hands its JSON to the page (JSON is a valid JS expression). */
function dataScript(name: string, value: unknown): string {
  return `(window.__ARENA_DATA__=window.__ARENA_DATA__||{})[${JSON.stringify(name)}]=${JSON.stringify(value)};\n`;
}

/**
 * Writes the leaderboard site as static files that open from disk with no server: the same front end, the API's
 * answers embedded as script files (fetch does not work on file://) listed in data/index.js and loaded on demand.
 * All runs' leaderboards, agent pages and match summaries are included, and every trace (or the `maxTraces` most
 * recently finished), each in its own file, still compressed, loaded only when its replay is opened.
 */
export async function writeStaticSite(options: ExportOptions): Promise<ExportResult> {
  const assets = options.assets ?? (await buildSiteAssets());
  const store = new ReadStore(options.storePath);
  const api = new Api(store, new AggregateCache(store, { ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}), maxRuns: 1, background: false }), options.experiments);
  const dataDir = join(options.outDir, 'data');
  await mkdir(dataDir, { recursive: true });
  for (const name of await readdir(dataDir)) if (DATA_FILE.test(name)) await rm(join(dataDir, name));

  let files = 0;
  let bytes = 0;
  const write = async (path: string, text: string): Promise<void> => {
    await writeFile(join(options.outDir, path), text, 'utf8');
    files++;
    bytes += Buffer.byteLength(text);
  };
  let counter = 0;
  const data = async (prefix: string, value: unknown): Promise<string> => {
    const name = `data/${prefix}-${counter++}.js`;
    await write(name, dataScript(name, value));
    return name;
  };

  try {
    const runs = api.runs();
    const manifest: StaticManifest = { runs, leaderboard: {}, agent: {}, matches: {}, traces: {}, compare: {} };
    for (const run of runs.runs) {
      const boards: Record<string, string> = {};
      const all = await api.leaderboard(run.id, ALL_GAMES);
      boards[ALL_GAMES] = await data('lb', all);
      for (const game of run.games) {
        const board = await api.leaderboard(run.id, game).catch(() => null);
        if (board) boards[game] = await data('lb', board);
      }
      manifest.leaderboard[run.id] = boards;
      const agents: Record<string, string> = {};
      for (const agent of run.agents) {
        const page = await api.agent(run.id, agent).catch(() => null);
        if (page) agents[agent] = await data('agent', page);
      }
      manifest.agent[run.id] = agents;
      manifest.matches[run.id] = await data('matches', { run: run.id, matches: store.allMatches(run.id) });
    }
    for (const run of runs.runs) {
      const meta = run.regression;
      const baseline = meta ? runs.runs.find((r) => r.id === meta.baseline || r.name === meta.baseline) : undefined;
      if (!meta || !baseline) continue;
      const replaced = meta.target ?? meta.candidate;
      const comparison = await api.compare(baseline.id, replaced, run.id, meta.candidate).catch(() => null);
      if (comparison) manifest.compare[[baseline.id, replaced, run.id, meta.candidate].join('|')] = await data('compare', comparison);
    }
    const recent = store.recentTraced(options.maxTraces ?? Number.MAX_SAFE_INTEGER);
    const byRun = new Map<string, Record<string, string>>();
    for (const { run, key } of recent) {
      const row = store.traceBlob(run, key);
      const summary = store.match(run, key);
      if (!row || !summary) continue;
      // Boards (move games) need the whole trace; revision labels (plan games) only its slim form.
      const compact: CompactMatch = {
        run,
        summary,
        boards: summary.family === 'move' ? moveBoards(decodeTrace(row)) : null,
        revisions: summary.family === 'plan' ? revisionLabels(decodeSlim(row)) : null,
        traceGzip: row.toString('base64'),
      };
      let files = byRun.get(run);
      if (!files) byRun.set(run, (files = {}));
      files[key] = await data('match', compact);
    }
    for (const [run, files] of byRun) manifest.traces[run] = await data('traces', files);
    if (api.experiments().experiments.length > 0) manifest.experiments = await data('experiments', api.experiments());
    await write('data/index.js', `window.__ARENA_STATIC__=${JSON.stringify(manifest)};\n`);
    await write('index.html', indexHtml('static'));
    await write('app.js', assets.js);
    await write('app.css', assets.css);
    return { files, traces: [...byRun.values()].reduce((n, f) => n + Object.keys(f).length, 0), bytes };
  } finally {
    store.close();
  }
}
