import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { go, ready } from './support/browser-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankRanges, rankText } from '../metrics/leaderboard/ranks.js';
import { ALL_GAMES, type LeaderboardResponse } from '../web/shared/api.js';
import { writeStaticSite } from '../web/server/export.js';
import { startServer, type RunningServer } from '../web/server/http.js';
import { buildSiteAssets } from '../web/server/site.js';
import { buildRatingsFixture, MANY_AGENTS, RATING_RUNS, type RatingsFixture } from '../web/testing/ratings-fixture.js';

/**
 * The leaderboard's rating views, methodology, agent and compare pages in a real browser (Debian's Chromium via
 * playwright-core), served and from file://, on a store filled by real tournaments. Screenshots go to
 * test-artifacts/. Both the server and the export run with their default bootstrap settings.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = resolve('test-artifacts');

let fixture: RatingsFixture;
let server: RunningServer;
let browser: Browser;
let out = '';
const problems: string[] = [];

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(url);
  return page;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function api(run: string, game: string): Promise<LeaderboardResponse> {
  return server.api.leaderboard(run, game);
}

/** True for every canvas in scope that has a non-transparent pixel, with its data-points. */
async function canvases(page: Page): Promise<{ id: string; drawn: boolean; points: number }[]> {
  return page.$$eval('#charts canvas', (list) =>
    (list as HTMLCanvasElement[]).map((c) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let drawn = false;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) {
        drawn = true;
        break;
      }
      return { id: c.id, drawn, points: Number(c.dataset['points'] ?? 0) };
    }),
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  const [built, assets] = await Promise.all([buildRatingsFixture(), buildSiteAssets()]);
  fixture = built;
  out = await mkdtemp(join(tmpdir(), 'arena-ratings-static-'));
  [server, browser] = await Promise.all([
    startServer({ storePath: fixture.storePath, port: 0, assets }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    writeStaticSite({ storePath: fixture.storePath, outDir: out, assets }),
    mkdir(ARTIFACTS, { recursive: true }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('leaderboard: per-game ratings first, cross-game only over connected agents', () => {
  it('opens on the newest tournament run (not the newer regression run) and its first game', async () => {
    const page = await open(server.url);
    await ready(page, 'leaderboard');
    const runs = server.api.runs().runs;
    expect(runs[0]?.name).toBe(RATING_RUNS.regress);
    const pools = runs.find((r) => r.name === RATING_RUNS.pools);
    expect(await page.inputValue('#run-select')).toBe(pools?.id);
    expect(await page.textContent('#game-tabs .tab.active')).toBe(pools?.games[0]);
    expect(await page.inputValue('#game-select')).toBe(pools?.games[0]);
    // the API's default run is the same
    expect((await server.api.leaderboard(undefined, ALL_GAMES)).run.name).toBe(RATING_RUNS.pools);
    await page.close();
  });

  it('says how many matches each game tab scored, not the whole run', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools })}`);
    await ready(page, 'leaderboard');
    const pools = server.api.runs().runs.find((r) => r.name === RATING_RUNS.pools);
    for (const game of pools?.games ?? []) {
      await go(page, `#/leaderboard?${q({ run: RATING_RUNS.pools, game })}`, 'leaderboard');
      const total = server.api.matches({ run: RATING_RUNS.pools, game, status: 'completed' }).total;
      expect(total).toBeLessThan(pools?.counts.completed ?? 0);
      expect(await page.textContent('#scored')).toMatch(new RegExp(`^${total} matches scored in `));
    }
    await go(page, `#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`, 'leaderboard');
    expect(await page.textContent('#scored')).toMatch(new RegExp(`^${pools?.counts.completed} matches scored in this run`));
    await page.close();
  });

  it('rates across games only the agents connected in every covered game, and names them and the rest', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`);
    await ready(page, 'leaderboard');
    const caption = (await page.textContent('#scope-caption')) ?? '';
    // greedy plays only connect-four, where it meets random alone: it must not be ranked against the plan agents.
    expect(caption).toContain('Cross-game rating over 3 agents (counter, random, stubborn)');
    expect(caption).toContain('Not rated across games: greedy');
    expect(caption).toMatch(/Games left out: connect-four/);
    const greedy = page.locator('#board tr[data-agent="greedy"]');
    expect(await greedy.locator('td[data-col="rank"]').textContent()).toBe('—');
    expect(await greedy.locator('td[data-col="rating"]').textContent()).toMatch(/^—/);
    expect(await page.$$eval('#coverage tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset['agent']))).toEqual(['counter', 'greedy', 'random', 'stubborn']);
    expect(await page.textContent('#coverage tr[data-agent="greedy"] td[data-game^="auto-battler"]')).toBe('—');
    await page.close();
  });

  it('shows rank ranges from overlapping intervals and each interval as a bar', async () => {
    for (const game of [ALL_GAMES, 'auto-battler@1']) {
      const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game })}`);
      await ready(page, 'leaderboard');
      const board = await api(RATING_RUNS.pools, game);
      const expected = rankRanges(board.rows.flatMap((r) => (r.rating && r.rating.unbounded === undefined ? [{ agent: r.agent, rating: r.rating.rating, lo: r.rating.lo ?? -Infinity, hi: r.rating.hi ?? Infinity }] : [])));
      for (const r of board.rows.filter((x) => x.rating && x.rating.unbounded === undefined)) {
        expect(await page.textContent(`#board tr[data-agent="${r.agent}"] td[data-col="rank"]`), r.agent).toBe(rankText(expected.get(r.agent) ?? null));
        const bar = await page.$eval(`#board tr[data-agent="${r.agent}"] .ci-bar`, (b) => [Number((b as HTMLElement).dataset['lo']), Number((b as HTMLElement).dataset['hi'])]);
        // the anchor is pinned at 1000: its interval is a point; every other agent's bar has width
        if (r.agent === board.anchor) expect(bar[0]).toBe(bar[1]);
        else expect(bar[0], r.agent).toBeLessThan(bar[1] as number);
      }
      // with three agents whose intervals overlap, at least one rank is shared
      if (game === ALL_GAMES) expect(await page.$$eval('#board td[data-col="rank"]', (cells) => cells.some((c) => /–/.test(c.textContent ?? '')))).toBe(true);
      await page.close();
    }
  });

  it('draws a head-to-head matrix per game with scores, counts and the ratings’ predictions', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game: 'auto-battler@1' })}`);
    await ready(page, 'leaderboard');
    const board = await api(RATING_RUNS.pools, 'auto-battler@1');
    const h = board.headToHead;
    expect(h?.agents.length).toBe(3);
    for (const c of h?.cells ?? []) {
      const cell = page.locator(`#h2h tr[data-agent="${c.a}"] td[data-b="${c.b}"]`);
      expect(await cell.getAttribute('data-n')).toBe(String(c.matches));
      const text = (await cell.textContent()) ?? '';
      expect(text).toContain(`n = ${c.matches}`);
      expect(text).toMatch(c.predicted === null ? /predicted —/ : new RegExp(`predicted ${c.predicted.toFixed(2)}`));
    }
    // the two directions of a pair add up to one
    const ab = h?.cells.find((c) => c.a === 'counter' && c.b === 'random');
    const ba = h?.cells.find((c) => c.a === 'random' && c.b === 'counter');
    expect((ab?.score ?? 0) + (ba?.score ?? 0)).toBeCloseTo(1, 12);
    await page.locator('#head-to-head').screenshot({ path: join(ARTIFACTS, 'head-to-head.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard-ratings.png'), fullPage: true });
    // no matrix across games
    await go(page, `#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`, 'leaderboard');
    expect(await page.$('#h2h')).toBeNull();
    await page.close();
  });

  it('never shows a zero-width interval for a proportion at 0 or 1', async () => {
    const game = server.api.runs().runs.find((r) => r.name === RATING_RUNS.pools)?.games.find((g) => g.startsWith('connect-four')) ?? '';
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game })}`);
    await ready(page, 'leaderboard');
    const board = await api(RATING_RUNS.pools, game);
    // greedy never loses to random in this fixture: WR = 1
    expect(board.rows.find((r) => r.agent === 'greedy')?.metrics['wr']?.value).toBe(1);
    for (const agent of ['greedy', 'random']) {
      const text = (await page.textContent(`#board tr[data-agent="${agent}"] td[data-col="wr"] .ci`)) ?? '';
      const [lo, hi] = (text.match(/-?\d\.\d\d/g) ?? []).map(Number);
      expect(hi as number, `${agent}: ${text}`).toBeGreaterThan(lo as number);
    }
    await page.close();
  });

  it('draws no empty chart frame on a move-game tab', async () => {
    const game = server.api.runs().runs.find((r) => r.name === RATING_RUNS.pools)?.games.find((g) => g.startsWith('connect-four')) ?? '';
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game })}`);
    await ready(page, 'leaderboard');
    const charts = await canvases(page);
    expect(charts.length).toBeGreaterThan(0);
    // plan-only metrics (OBR, CSR of agents that never revised) have no chart here
    expect(charts.map((c) => c.id)).not.toContain('chart-metric-obr');
    for (const c of charts) {
      expect(c.drawn, c.id).toBe(true);
      expect(c.points, c.id).toBeGreaterThan(0);
    }
    expect(await page.$$eval('#charts figure', (f) => f.length)).toBe(charts.length);
    await page.close();
  });

  it('gives nine agents nine different colours', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.many })}`);
    await ready(page, 'leaderboard');
    const colours = await page.$$eval('#charts canvas[data-colours]', (list) => list.map((c) => (c as HTMLElement).dataset['colours'] ?? ''));
    expect(colours.length).toBeGreaterThan(0);
    for (const entry of colours) {
      const pairs = entry.split(';').map((x) => x.split('='));
      expect(pairs.length).toBe(Object.keys(MANY_AGENTS).length);
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
    }
    await page.close();
  });

  it('shows cost per match, decision and win with intervals, and downloads the table as CSV and JSON', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.llm })}`);
    await ready(page, 'leaderboard');
    const board = await api(RATING_RUNS.llm, ALL_GAMES);
    const planner = board.rows.find((r) => r.agent === 'planner');
    expect(planner?.cost?.tokensPerMatch.value).toBeGreaterThan(0);
    const cell = (await page.textContent('#cost-table tr[data-agent="planner"] td[data-col="tokensPerMatch"]')) ?? '';
    expect(cell).toMatch(/^[\d,]+ \[[\d,]+, [\d,]+\]$/);
    expect(cell.startsWith(Math.round(planner?.cost?.tokensPerMatch.value ?? 0).toLocaleString('en-US'))).toBe(true);
    expect(await page.textContent('#cost-table tr[data-agent="planner"] td[data-col="usdPerWin"]')).toMatch(/\$|—/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const text = await readFile((await csv.path()) ?? '', 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^game,rank_best,rank_worst,agent,rating,rating_lo,rating_hi,wr,/);
    expect(lines.length - 1).toBe(board.rows.length);
    expect(lines.some((l) => l.includes(',planner,'))).toBe(true);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const parsed = JSON.parse(await readFile((await json.path()) ?? '', 'utf8')) as LeaderboardResponse;
    expect(parsed.rows.map((r) => r.agent)).toEqual(board.rows.map((r) => r.agent));
    await page.close();
  });

  it('shows one set of intervals served and from file:// with default bootstrap settings', async () => {
    const live = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`);
    await ready(live, 'leaderboard');
    const rows = async (p: Page) => p.$$eval('#board tbody tr', (list) => list.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    const expected = await rows(live);
    expect(await live.textContent('#game-tabs')).toBeTruthy();
    const notes = (await live.textContent('.notes')) ?? '';
    expect(notes).toMatch(/B = 1000, seed 8/);
    await live.close();
    const page = await open(`${pathToFileURL(join(out, 'index.html')).href}#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`);
    await ready(page, 'leaderboard');
    expect(await rows(page)).toEqual(expected);
    expect(await page.textContent('.notes')).toMatch(/B = 1000, seed 8/);
    await page.close();
  });
});

describe('methodology page', () => {
  it('defines every metric, interval, rating, the anchor, the cross-game aggregate, calibration and the stopping rule, and carries metrics/README.md', async () => {
    const page = await open(`${server.url}#/methodology`);
    await ready(page, 'methodology');
    for (const id of ['rounds', 'metrics', 'intervals', 'ratings', 'cross-game', 'calibration', 'adaptive', 'cost']) expect(await page.$(`section#${id}`), id).not.toBeNull();
    const defined = await page.$$eval('#metric-definitions tbody td:first-child', (cells) => cells.map((c) => c.textContent ?? ''));
    for (const m of ['WR (evaluated rounds)', 'ORR', 'CSR', 'β', 'OBR', 'Process Score']) expect(defined).toContain(m);
    expect(await page.textContent('#cross-game')).toContain('agents counter, random, stubborn');
    expect(await page.textContent('#adaptive')).toMatch(/confidence sequence/);
    expect(await page.textContent('#intervals')).toMatch(/B = 1000/);
    // every column header of the leaderboard that carries a tooltip is also defined on the page
    expect(await page.isVisible('#metrics-readme pre')).toBe(false);
    await go(page, `#/methodology?${q({ doc: 'metrics' })}`, 'methodology');
    expect(await page.isVisible('#metrics-readme pre')).toBe(true);
    expect(await page.textContent('#metrics-readme pre')).toContain('## Choices where the definitions leave room');
    await go(page, '#/methodology', 'methodology');
    await page.screenshot({ path: join(ARTIFACTS, 'methodology.png'), fullPage: true });
    await page.close();
  });

  it('leaves no definition only in a tooltip on the leaderboard', async () => {
    const page = await open(`${server.url}#/leaderboard?${q({ run: RATING_RUNS.pools })}`);
    await ready(page, 'leaderboard');
    const titled = await page.$$eval('#board thead th[title]', (ths) => ths.map((th) => th.textContent?.trim() ?? ''));
    const legend = (await page.textContent('#legend')) ?? '';
    for (const label of titled) expect(legend, label).toContain(label === 'Rating ▼' ? 'Rating' : label.replace(/ [▲▼]$/, ''));
    await page.close();
  });
});

describe('agent page', () => {
  it('shows the spec, kind badges, run metadata and the per-setting breakdown', async () => {
    const page = await open(`${server.url}#/agent?${q({ run: RATING_RUNS.pools, agent: 'stubborn' })}`);
    await ready(page, 'agent');
    expect(await page.textContent('#agent-meta tr[data-key="spec"] td:last-child')).toBe('stubborn');
    expect(await page.$$eval('#badges .badge', (b) => b.map((x) => x.textContent))).toEqual(['calibration', 'built-in']);
    expect(await page.textContent('#agent-meta tr[data-key="run seed"] td:last-child')).toBe('8');
    expect(await page.textContent('#agent-meta tr[data-key="last updated"] td:last-child')).toMatch(/^\d{4}-\d\d-\d\d/);
    // auto-battler and turn-based, each by role (Defender, Invader) × revises first or second
    const settings = await page.$$eval('#settings tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(settings).toContain('Defender, revises first');
    expect(settings).toContain('Invader, revises second');
    expect(settings.length).toBe(8);
    await go(page, `#/agent?${q({ run: RATING_RUNS.pools, agent: 'greedy' })}`, 'agent');
    expect(await page.$$eval('#settings tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent))).toEqual(['moves first', 'moves second']);
    await go(page, `#/agent?${q({ run: RATING_RUNS.pools, agent: 'random' })}`, 'agent');
    expect(await page.$$eval('#badges .badge', (b) => b.map((x) => x.textContent))).toEqual(['anchor', 'built-in']);
    await go(page, `#/agent?${q({ run: RATING_RUNS.llm, agent: 'planner' })}`, 'agent');
    expect(await page.$$eval('#badges .badge', (b) => b.map((x) => x.textContent))).toEqual(['LLM']);
    expect(await page.textContent('#agent-meta tr[data-key="model"] td:last-child')).toBe('planner');
    expect(await page.textContent('#agent-meta tr[data-key="endpoint"] td:last-child')).toBe('planner');
    expect(await page.textContent('#agent-meta')).not.toMatch(/api_key|authorization|Bearer/i);
    await page.close();
  });
});

describe('compare page', () => {
  it('pairs the regression candidate with the agent it replaced, with an interval on every difference, served and static', async () => {
    const runs = server.api.runs().runs;
    const pools = runs.find((r) => r.name === RATING_RUNS.pools);
    const regress = runs.find((r) => r.name === RATING_RUNS.regress);
    for (const url of [server.url, pathToFileURL(join(out, 'index.html')).href]) {
      const page = await open(`${url}#/compare`);
      await ready(page, 'compare');
      expect(await page.inputValue('#compare-a')).toBe(pools?.id);
      expect(await page.inputValue('#compare-agent-a')).toBe('counter');
      expect(await page.inputValue('#compare-b')).toBe(regress?.id);
      expect(await page.inputValue('#compare-agent-b')).toBe('stubborn');
      expect(await page.textContent('#compare-title')).toBe('Candidate stubborn against counter, the agent it replaced');
      expect(await page.textContent('#compare-method')).toMatch(/regression verdict’s definitions/);
      const rows = await page.$$eval('#compare-agents tbody tr', (trs) => trs.map((tr) => [tr.querySelector('.diff')?.textContent ?? '', tr.querySelector('.ci-cell')?.textContent ?? '']));
      expect(rows.length).toBeGreaterThan(5);
      for (const [diff, ci] of rows) {
        if (diff === '—') expect(ci).toBe('—');
        else expect(ci, diff).toMatch(/^\[[+-]\d+\.\d{3}, [+-]\d+\.\d{3}\]$/);
      }
      expect(rows.some(([diff]) => diff !== '—')).toBe(true);
      await page.close();
    }
    // the same numbers as the API computes with the verdict's definitions
    const api = await server.api.compare(pools?.id ?? '', 'counter', regress?.id ?? '', 'stubborn');
    expect(api.comparison.rows.find((r) => r.metric === 'wr')?.diff).toBeCloseTo((api.comparison.rows.find((r) => r.metric === 'wr')?.b ?? 0) - (api.comparison.rows.find((r) => r.metric === 'wr')?.a ?? 0), 12);
  });

  it('warns when A equals B', async () => {
    const pools = server.api.runs().runs.find((r) => r.name === RATING_RUNS.pools);
    const page = await open(`${server.url}#/compare?${q({ a: pools?.id ?? '', b: pools?.id ?? '', agentA: 'random', agentB: 'random' })}`);
    await ready(page, 'compare');
    expect(await page.textContent('#same-warning')).toMatch(/same agent \(random\) in the same run/);
    const diffs = await page.$$eval('#compare-agents .diff', (cells) => cells.map((c) => c.textContent));
    for (const d of diffs) expect(['+0.000', '—']).toContain(d);
    await go(page, `#/compare?${q({ a: pools?.id ?? '', b: pools?.id ?? '', agentA: 'random', agentB: 'counter' })}`, 'compare');
    expect(await page.$('#same-warning')).toBeNull();
    await page.close();
  });
});

describe('phone width', () => {
  it('no page of the leaderboard, methodology, agent or compare scrolls sideways at 390 px', async () => {
    const page = await open(server.url, 390);
    await ready(page, 'leaderboard');
    const pages: [string, string][] = [
      [`#/leaderboard?${q({ run: RATING_RUNS.pools })}`, 'leaderboard'],
      [`#/leaderboard?${q({ run: RATING_RUNS.pools, game: ALL_GAMES })}`, 'leaderboard'],
      [`#/leaderboard?${q({ run: RATING_RUNS.many })}`, 'leaderboard'],
      ['#/methodology', 'methodology'],
      [`#/agent?${q({ run: RATING_RUNS.pools, agent: 'counter' })}`, 'agent'],
      ['#/compare', 'compare'],
    ];
    for (const [hash, name] of pages) {
      await go(page, hash, name);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, hash).toBeLessThanOrEqual(390);
    }
    await go(page, `#/leaderboard?${q({ run: RATING_RUNS.pools })}`, 'leaderboard');
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard-phone.png'), fullPage: true });
    await page.close();
  });
});

afterAll(() => {
  expect(problems).toEqual([]);
});
