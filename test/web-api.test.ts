import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../arena/cli/main.js';
import type { AgentResponse, LeaderboardResponse, MatchDetail, MatchPage, RunsResponse } from '../web/shared/api.js';
import { queryMatches } from '../web/shared/match-query.js';
import { writeStaticSite } from '../web/server/export.js';
import { startServer, type RunningServer } from '../web/server/http.js';
import { ReadStore } from '../web/server/read-store.js';
import { buildSiteAssets, type SiteAssets } from '../web/server/site.js';
import { buildFixture, HOSTILE_TEXT, RUNS, type Fixture } from '../web/testing/fixture.js';

/**
 * The leaderboard server over HTTP on 127.0.0.1, against a store filled by real tournaments (plan games, move
 * games, LLM seats through the LLM test server, a regression run): the API, its bounds, and what it refuses.
 */

const BOOTSTRAP = 100;
let fixture: Fixture;
let server: RunningServer;
let assets: SiteAssets;
let out = '';

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A raw HTTP request: the path is sent exactly as given (no client-side normalisation). */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', ...(init.headers ? { headers: init.headers } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

async function json<T>(path: string): Promise<T> {
  const res = await raw(path);
  expect(res.status, `${path}: ${res.body.slice(0, 200)}`).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(res.body) as T;
}

const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

beforeAll(async () => {
  [fixture, assets] = await Promise.all([buildFixture(), buildSiteAssets()]);
  server = await startServer({ storePath: fixture.storePath, port: 0, bootstrap: BOOTSTRAP, assets });
  out = await mkdtemp(join(tmpdir(), 'arena-web-export-'));
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the site', () => {
  it('serves the page and bundle from memory with a strict policy and no inline script', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*img-src 'self' data:/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const tag of page.body.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="[a-z./]+"/);
    expect(page.body).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    const js = await raw('/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body.length).toBe(assets.js.length);
    expect((await raw('/app.css')).status).toBe(200);
    expect((await raw('/', { method: 'HEAD' })).body).toBe('');
  });

  it('lists the runs, newest first, with counts and a regression run’s verdicts', async () => {
    const { runs } = await json<RunsResponse>('/api/runs');
    expect(runs.map((r) => r.name)).toEqual([RUNS.main, RUNS.regress, RUNS.moves, RUNS.llm]);
    const llm = runs.find((r) => r.name === RUNS.llm);
    expect(llm?.counts).toEqual({ total: 12, completed: 4, errors: 8, planned: 0 });
    const regress = runs.find((r) => r.name === RUNS.regress);
    expect(regress?.kind).toBe('regress');
    expect(regress?.regression?.verdicts.map((v) => [v.metric, v.regression])).toEqual([
      ['wr', true],
      ['obr', false],
    ]);
    expect(runs.find((r) => r.name === RUNS.main)?.regression).toBeNull();
  });

  it('carries each run\'s reproducibility manifest (no keys) for the run page', async () => {
    const { runs } = await json<RunsResponse>('/api/runs');
    const llm = runs.find((r) => r.name === RUNS.llm);
    expect(llm?.manifest).toMatchObject({ manifestVersion: 1, node: process.version, seeds: { run: 2 }, models: [{ endpoint: 'hostile' }, { endpoint: 'down' }] });
    expect(JSON.stringify(llm?.manifest)).not.toMatch(/api_key|authorization/i);
    expect(runs.find((r) => r.name === RUNS.moves)?.provenance).toEqual({});
  });
});

describe('GET /api/leaderboard', () => {
  it('equals `arena leaderboard --format json` for the newest run (the default)', async () => {
    const board = await json<LeaderboardResponse>('/api/leaderboard');
    expect(board.run.name).toBe(RUNS.main);
    let text = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((text += String(chunk)), true));
    try {
      expect(await runCli(['leaderboard', RUNS.main, '--store', fixture.storePath, '--format', 'json', '--bootstrap', String(BOOTSTRAP)])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const cli = JSON.parse(text) as { anchor: string; estimator: unknown; rows: { agent: string; rating: { rating: number; lo: number; hi: number } | null; metrics: unknown; matches: number; tokens: number }[] };
    expect(board.anchor).toBe(cli.anchor);
    // the estimator is stated the same way by the site and the CLI
    expect(board.estimator).toEqual(cli.estimator);
    expect(board.estimator.text).toMatch(/^Bradley–Terry maximum likelihood \(no prior\)/);
    expect(board.rows.map((r) => [r.agent, r.rating?.rating, r.rating?.lo, r.rating?.hi, r.matches, r.tokens])).toEqual(cli.rows.map((r) => [r.agent, r.rating?.rating, r.rating?.lo, r.rating?.hi, r.matches, r.tokens]));
    expect(board.rows.map((r) => r.metrics)).toEqual(cli.rows.map((r) => r.metrics));
    const both = board.rows.filter((r) => r.metrics['orr']?.value != null && r.metrics['csr']?.value != null);
    expect(board.correlation.n).toBe(both.length);
    expect(both.length).toBeGreaterThan(0);
    expect(board.curves.length).toBe(3);
  });

  it('filters by game and run, and answers unknown ones with a 404 naming the choices', async () => {
    const tb = await json<LeaderboardResponse>(`/api/leaderboard?${q({ run: RUNS.main, game: 'turn-based@1' })}`);
    expect(tb.rows.every((r) => r.matches === 8)).toBe(true);
    const moves = await json<LeaderboardResponse>(`/api/leaderboard?${q({ run: RUNS.moves })}`);
    expect(moves.rows.map((r) => r.agent).sort()).toEqual(['greedy', 'random']);
    const game = await raw(`/api/leaderboard?${q({ run: RUNS.main, game: 'chess' })}`);
    expect(game.status).toBe(404);
    expect(JSON.parse(game.body).error).toMatch(/unknown game 'chess'.*auto-battler@1/);
    const run = await raw(`/api/leaderboard?${q({ run: 'nope' })}`);
    expect(run.status).toBe(404);
    expect(JSON.parse(run.body).error).toMatch(/unknown run 'nope'; runs: main/);
  });
});

describe('GET /api/agent', () => {
  it('gives the per-game breakdown, violations and resource use; unknown agents are 404s', async () => {
    const counter = await json<AgentResponse>(`/api/agent?${q({ run: RUNS.main, agent: 'counter' })}`);
    expect(counter.games.map((g) => g.game)).toEqual(['auto-battler@1', 'turn-based@1']);
    expect(counter.matches).toBe(16);
    expect(counter.overall.metrics['orr']?.n).toBeGreaterThan(0);
    const hostile = await json<AgentResponse>(`/api/agent?${q({ run: RUNS.llm, agent: 'hostile' })}`);
    expect(hostile.usage.calls).toBeGreaterThan(0);
    expect(hostile.usage.promptTokens).toBeGreaterThan(0);
    expect((await raw(`/api/agent?${q({ run: RUNS.main, agent: 'ghost' })}`)).status).toBe(404);
  });
});

describe('GET /api/matches', () => {
  it('pages through a run without gaps or repeats, in planned order', async () => {
    const keys: string[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 7) {
      const page = await json<MatchPage>(`/api/matches?${q({ run: RUNS.main, offset, limit: 7 })}`);
      total = page.total;
      if (page.matches.length === 0) break;
      expect(page.matches.length).toBeLessThanOrEqual(7);
      keys.push(...page.matches.map((m) => m.key));
    }
    expect(total).toBe(24);
    expect(new Set(keys).size).toBe(24);
    const store = new ReadStore(fixture.storePath);
    try {
      expect(keys).toEqual(store.allMatches(RUNS.main).map((m) => m.key));
    } finally {
      store.close();
    }
  });

  it('filters by game, agent and status and sorts exactly as the static export’s client-side query does', async () => {
    const store = new ReadStore(fixture.storePath);
    try {
      const cases = [
        { run: RUNS.main, game: 'turn-based@1' },
        { run: RUNS.main, agent: 'counter', offset: 3, limit: 5 },
        { run: RUNS.llm, status: 'error' as const },
        { run: RUNS.llm, agent: 'hostile', status: 'completed' as const },
        { run: RUNS.moves, game: 'tic-tac-toe@1', agent: 'greedy' },
        { run: RUNS.llm, sort: 'tokens' as const },
        { run: RUNS.llm, sort: 'newest' as const, status: 'completed' as const },
        { run: RUNS.main, sort: 'wall' as const, agent: 'counter', offset: 2, limit: 7 },
      ];
      for (const c of cases) {
        const page = await json<MatchPage>(`/api/matches?${q(c)}`);
        const local = queryMatches(store.allMatches(c.run), { offset: 0, limit: 50, ...c });
        expect(page).toEqual(local);
      }
      expect((await json<MatchPage>(`/api/matches?${q({ run: RUNS.llm, status: 'error' })}`)).total).toBe(8);
      expect((await json<MatchPage>(`/api/matches?${q({ run: RUNS.main, agent: 'counter' })}`)).total).toBe(16);
    } finally {
      store.close();
    }
  });

  it('refuses bad parameters with a 400 and a JSON message', async () => {
    const bad = ['limit=201', 'limit=0', 'limit=abc', 'offset=-1', 'offset=99999999999', 'status=won', 'sort=best', 'colour=red', 'limit=5&limit=6', `agent=${'a'.repeat(201)}`];
    for (const query of bad) {
      const res = await raw(`/api/matches?${query}`);
      expect(res.status, query).toBe(400);
      expect(typeof JSON.parse(res.body).error, query).toBe('string');
    }
    expect((await raw('/api/runs?x=1')).status).toBe(400);
  });
});

describe('GET /api/match', () => {
  it('returns a plan match with its battle logs and the hostile reply as plain JSON data', async () => {
    const page = await json<MatchPage>(`/api/matches?${q({ run: RUNS.llm, agent: 'hostile', status: 'completed', limit: 1 })}`);
    const key = page.matches[0]?.key ?? '';
    const detail = await json<MatchDetail>(`/api/match?${q({ run: RUNS.llm, key })}`);
    expect(detail.summary.key).toBe(key);
    expect(detail.events?.some((e) => e['type'] === 'round_result' && e['log'] !== undefined)).toBe(true);
    const texts = (detail.events ?? []).flatMap((e) => (e['type'] === 'plan_submission' ? [String((e['response'] as { text?: string }).text ?? '')] : []));
    expect(texts.some((t) => t.includes(HOSTILE_TEXT))).toBe(true);
    expect(detail.boards).toBeNull();
  });

  it('rebuilds move-game boards before the first move and after each move', async () => {
    const page = await json<MatchPage>(`/api/matches?${q({ run: RUNS.moves, game: 'tic-tac-toe@1', limit: 1 })}`);
    const detail = await json<MatchDetail>(`/api/match?${q({ run: RUNS.moves, key: page.matches[0]?.key ?? '' })}`);
    const moves = (detail.events ?? []).filter((e) => e['type'] === 'move');
    const games = new Set(moves.map((m) => m['gameIndex'])).size;
    expect(games).toBe(2);
    expect(detail.boards).toHaveLength(moves.length + games);
    expect(detail.boards?.[0]?.board).toMatch(/a b c/);
    expect(detail.boards?.[1]?.board).toMatch(/X/);
  });

  it('answers unknown matches and runs with 404s', async () => {
    expect((await raw(`/api/match?${q({ run: RUNS.main, key: 'no such match' })}`)).status).toBe(404);
    expect((await raw(`/api/match?${q({ run: 'ghost', key: 'k' })}`)).status).toBe(404);
    expect((await raw('/api/nothing')).status).toBe(404);
  });
});

describe('what the server refuses', () => {
  it('never serves a file outside the site, however the path is written', async () => {
    const paths = [
      '/../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..\\..\\..\\etc\\passwd',
      '/%5c..%5c..%5cetc%5cpasswd',
      '/app.js/../../package.json',
      '//etc/passwd',
      '/api/../../../etc/passwd',
      '/package.json',
      '/arena.db',
      '/web/server/http.ts',
      '/.env',
      '/app.js?../../etc/passwd',
    ];
    for (const path of paths) {
      const res = await raw(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toMatch(/root:|"dependencies"|SQLite format|import /);
    }
  });

  it('allows only GET and HEAD, takes no request body, and bounds the request target', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await raw('/api/runs', { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    }
    expect((await raw('/api/runs', { headers: { 'Content-Length': '1' }, body: 'x' })).status).toBe(413);
    expect((await raw('/api/runs', { headers: { 'Transfer-Encoding': 'chunked' }, body: 'x' })).status).toBe(413);
    expect((await raw(`/api/matches?agent=${'a'.repeat(3000)}`)).status).toBe(414);
  });

  it('answers local host names only (no DNS rebinding)', async () => {
    expect((await raw('/api/runs', { headers: { Host: 'evil.example:8080' } })).status).toBe(403);
    expect((await raw('/api/runs', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('compresses large answers for clients that accept gzip', async () => {
    const res = await raw('/api/leaderboard', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('static export', () => {
  it('writes the same front end and data as script files, with traces for a bounded number of matches', async () => {
    const result = await writeStaticSite({ storePath: fixture.storePath, outDir: out, maxTraces: 3, bootstrap: BOOTSTRAP, assets });
    expect(result.traces).toBe(3);
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('<script src="data/index.js"></script>');
    expect(await readFile(join(out, 'app.js'), 'utf8')).toBe(assets.js);
    const files = await readdir(join(out, 'data'));
    expect(files.filter((f) => f.startsWith('match-'))).toHaveLength(3);
    const manifestText = await readFile(join(out, 'data', 'index.js'), 'utf8');
    const manifest = JSON.parse(manifestText.replace(/^window\.__ARENA_STATIC__=/, '').replace(/;\n$/, '')) as { leaderboard: Record<string, Record<string, string>> };
    const file = manifest.leaderboard[RUNS.main]?.['all'] ?? '';
    const data = await readFile(join(out, file), 'utf8');
    const board = JSON.parse(data.slice(data.indexOf(']=') + 2).replace(/;\n$/, '')) as LeaderboardResponse;
    expect(board).toEqual(await json<LeaderboardResponse>(`/api/leaderboard?${q({ run: RUNS.main })}`));
  });

  it('is written by `arena report --html`; `arena serve` and `report` refuse bad flags', async () => {
    const dir = join(out, 'cli');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['report', '--html', dir, '--store', fixture.storePath, '--max-traces', '2', '--bootstrap', '20'])).toBe(0);
      expect(existsSync(join(dir, 'index.html'))).toBe(true);
      expect((await readdir(join(dir, 'data'))).filter((f) => f.startsWith('match-'))).toHaveLength(2);
      expect(await runCli(['report', '--html', dir, '--store', join(out, 'missing.db')])).toBe(2);
      expect(await runCli(['report', '--html', dir, '--store', fixture.storePath, '--max-traces', 'many'])).toBe(2);
      expect(await runCli(['serve', '--store', fixture.storePath, '--port', '70000'])).toBe(2);
      expect(await runCli(['serve', '--store', join(out, 'missing.db'), '--port', '0'])).toBe(2);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});
