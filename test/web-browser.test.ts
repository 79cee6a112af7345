import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { go, ready } from './support/browser-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStaticSite } from '../web/server/export.js';
import { startServer, type RunningServer } from '../web/server/http.js';
import { buildSiteAssets } from '../web/server/site.js';
import { buildFixture, HOSTILE_REASONING, HOSTILE_TEXT, RUNS, type Fixture } from '../web/testing/fixture.js';

/**
 * The leaderboard site in a real browser (Debian's Chromium driven by playwright-core): the live server and the
 * static export opened from file://, against a store filled by real tournaments. Screenshots go to
 * test-artifacts/. Chromium is required: without it these tests fail (CI installs it), they never skip.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = resolve('test-artifacts');

let fixture: Fixture;
let server: RunningServer;
let browser: Browser;
let out = '';

/** A page that records what could betray injected script: dialogs, requests, policy violations, errors. */
interface Watched {
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly problems: string[];
}

async function open(url: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watched: Watched = { page, requests: [], dialogs: [], problems: [] };
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) watched.problems.push(m.text());
  });
  page.on('pageerror', (e) => watched.problems.push(e.message));
  await page.addInitScript(() => {
    (window as Window & { __pwned?: number }).__pwned = 0;
  });
  await page.goto(url);
  return watched;
}

/** True for every canvas on the page that has at least one non-transparent pixel. */
async function drawnCanvases(page: Page, scope: string): Promise<{ id: string; drawn: boolean; points: number }[]> {
  return page.$$eval(`${scope} canvas`, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
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

async function column(page: Page, col: string): Promise<string[]> {
  return page.$$eval(`#board tbody td[data-col="${col}"]`, (cells) => cells.map((c) => (c as HTMLElement).dataset['sort'] ?? ''));
}

/** The leaderboard as text: one line per row (agent, rating and every cell). */
async function boardRows(page: Page): Promise<string[]> {
  return page.$$eval('#board tbody tr', (rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/** Nothing ran, nothing left the machine, no policy was broken. */
function expectInert(w: Watched, origins: readonly string[]): void {
  expect(w.dialogs).toEqual([]);
  expect(w.problems).toEqual([]);
  for (const url of w.requests) expect(origins.some((o) => url.startsWith(o)), url).toBe(true);
  expect(w.requests.some((u) => /\/x$/.test(u))).toBe(false);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  const [built, assets] = await Promise.all([buildFixture(), buildSiteAssets()]);
  fixture = built;
  out = await mkdtemp(join(tmpdir(), 'arena-web-static-'));
  [server, browser] = await Promise.all([
    startServer({ storePath: fixture.storePath, port: 0, bootstrap: 100, assets }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    writeStaticSite({ storePath: fixture.storePath, outDir: out, bootstrap: 100, assets }),
    mkdir(ARTIFACTS, { recursive: true }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('leaderboard page', () => {
  it('renders the table, sorts it by a clicked header and draws every chart', async () => {
    const w = await open(server.url);
    const { page } = w;
    await ready(page, 'leaderboard');
    expect(await page.$$eval('#board tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset['agent']).sort())).toEqual(['counter', 'random', 'stubborn']);

    const ratings = (await column(page, 'rating')).map(Number);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    await page.click('th[data-col="wr"] button');
    const wr = (await column(page, 'wr')).map(Number);
    expect(wr).toEqual([...wr].sort((a, b) => b - a));
    expect(await page.getAttribute('th[data-col="wr"]', 'aria-sort')).toBe('descending');
    await page.click('th[data-col="wr"] button');
    expect((await column(page, 'wr')).map(Number)).toEqual([...wr].sort((a, b) => a - b));
    await page.click('th[data-col="agent"] button');
    expect(await column(page, 'agent')).toEqual(['counter', 'random', 'stubborn']);

    const charts = await drawnCanvases(page, '#charts');
    expect(charts.map((c) => c.id)).toEqual([
      'chart-ratings',
      'chart-metric-wr',
      'chart-metric-orr',
      'chart-metric-csr',
      'chart-metric-beta',
      'chart-metric-obr',
      'chart-metric-processScore',
      'chart-orr-csr',
      'chart-curves',
      'chart-cost',
    ]);
    for (const c of charts) expect(c.drawn, c.id).toBe(true);
    for (const id of ['chart-ratings', 'chart-metric-wr', 'chart-orr-csr', 'chart-curves', 'chart-cost']) expect(charts.find((c) => c.id === id)?.points, id).toBeGreaterThan(0);
    const caption = (await page.textContent('#chart-orr-csr >> xpath=ancestor::figure')) ?? '';
    expect(caption).toMatch(/Pearson r = (-?\d\.\d\d|—).*n = \d/);
    expect(caption).toContain(`n = ${charts.find((c) => c.id === 'chart-orr-csr')?.points}`);
    await page.screenshot({ path: join(ARTIFACTS, 'leaderboard.png'), fullPage: true });
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });

  it('filters by game and by run with the select boxes', async () => {
    const w = await open(server.url);
    const { page } = w;
    await ready(page, 'leaderboard');
    await page.evaluate(() => delete document.body.dataset['ready']);
    await page.selectOption('#game-select', 'turn-based@1');
    await ready(page, 'leaderboard');
    expect(page.url()).toContain('game=turn-based%401');
    expect(await column(page, 'matches')).toEqual(['8', '8', '8']);
    await page.evaluate(() => delete document.body.dataset['ready']);
    await page.selectOption('#run-select', RUNS.moves);
    await ready(page, 'leaderboard');
    expect((await column(page, 'agent')).sort()).toEqual(['greedy', 'random']);
    expect(await page.$$eval('#board .protocol', (cells) => cells.length)).toBe(0);
    // A language model's row names how it was asked under its name; a built-in agent's has no such line.
    await page.evaluate(() => delete document.body.dataset['ready']);
    await page.selectOption('#run-select', RUNS.llm);
    await ready(page, 'leaderboard');
    const protocols = await page.$$eval('#board tbody tr', (rows) => rows.map((r) => [(r as HTMLElement).dataset['agent'], r.querySelector('.protocol')?.textContent ?? null]));
    expect(protocols.find(([a]) => a === 'hostile')?.[1]).toMatch(/^(?=.*\banswer=text\b)(?=.*\bhistory=stateless\b).*$/);
    expect(protocols.find(([a]) => a === 'random')?.[1]).toBeNull();
    expect(await page.textContent('#legend')).toContain('its protocol: how it was asked');
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });
});

describe('replay viewer', () => {
  it('steps through a Tower Defense match round by round and shows the hostile reply as inert text', async () => {
    const w = await open(`${server.url}#/matches?run=${RUNS.llm}&agent=hostile&status=completed`);
    const { page } = w;
    await ready(page, 'matches');
    expect(await page.$$eval('#matches tbody tr', (rows) => rows.length)).toBe(4);
    await page.click('#matches tbody tr:first-child a.replay-link');
    await ready(page, 'match');
    expect(await page.textContent('#step-label')).toBe('Step 1 of 2');
    expect(await page.$$eval('#td-grid tr', (rows) => rows.length)).toBe(6);
    const firstFrame = await page.textContent('#td-time');
    expect(firstFrame).toMatch(/^t = 0\.0 s \(keyframe 1 of/);
    await page.$eval('#td-slider', (s) => {
      (s as HTMLInputElement).value = (s as HTMLInputElement).max;
      s.dispatchEvent(new Event('input'));
    });
    expect(await page.textContent('#td-time')).not.toBe(firstFrame);
    expect(await page.textContent('#td-time')).toMatch(/side wins/);
    expect(await page.$$eval('#td-grid td.human, #td-grid td.demon', (cells) => cells.length)).toBeGreaterThan(0);


    const texts = await page.$$eval('pre.model-text', (pres) => pres.map((p) => p.textContent ?? ''));
    expect(texts.some((t) => t.includes(HOSTILE_TEXT))).toBe(true);
    expect(await page.$$eval('pre.model-reasoning', (pres) => pres.map((p) => p.textContent))).toContain(HOSTILE_REASONING);
    expect(await page.$$eval('#step img, #step iframe, #step script, #step a[href^="javascript"]', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-plan.png'), fullPage: true });

    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#step-label')).toBe('Step 2 of 2');
    expect(page.url()).toContain('step=2');
    expect(await page.isDisabled('#step-next')).toBe(true);
    await page.click('#step-prev');
    expect(await page.textContent('#step-label')).toBe('Step 1 of 2');
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });

  it('draws Auto-battler lineups with HP bars per action', async () => {
    const w = await open(`${server.url}#/matches?run=${RUNS.main}&game=auto-battler%401`);
    const { page } = w;
    await ready(page, 'matches');
    await page.click('#matches tbody tr:first-child a.replay-link');
    await ready(page, 'match');
    expect(await page.textContent('#step-label')).toBe('Step 1 of 4');
    await page.$eval('.battle.ab .battle-slider', (s) => {
      (s as HTMLInputElement).value = '0';
      s.dispatchEvent(new Event('input'));
    });
    expect(await page.$$eval('.battle.ab .fighter .hp .fill', (bars) => bars.length)).toBeGreaterThan(1);
    expect(await page.textContent('.battle.ab .slider-label')).toMatch(/lines as bought/);
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });

  it('steps through a move match move by move with the board drawn as a table', async () => {
    const w = await open(`${server.url}#/matches?run=${RUNS.moves}&game=tic-tac-toe%401`);
    const { page } = w;
    await ready(page, 'matches');
    await page.click('#matches tbody tr:first-child a.replay-link');
    await ready(page, 'match');
    expect(await page.textContent('#step-label')).toMatch(/^Step 1 of \d+$/);
    const marks = () => page.$$eval('#move-board td.side-0, #move-board td.side-1', (cells) => cells.length);
    expect(await marks()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#step-label')).toMatch(/^Step 3 of/);
    expect(await marks()).toBe(3);
    expect(await page.textContent('#step .progress')).toMatch(/^advantage [+-]\d\.\d{3}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-move.png'), fullPage: true });
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });
});

describe('agent and comparison pages', () => {
  it('show an agent’s breakdown and a regression run’s verdicts', async () => {
    const w = await open(`${server.url}#/agent?run=${RUNS.main}&agent=counter`);
    const { page } = w;
    await ready(page, 'agent');
    expect(await page.$$eval('#per-game tbody tr', (rows) => rows.length)).toBe(2);
    expect(await page.textContent('#revision')).toContain('ORR');
    expect(await page.textContent('#usage')).toContain('submissions');
    await go(page, '#/compare', 'compare');
    expect(await page.$$eval('#verdicts tr.regression', (rows) => rows.map((r) => (r as HTMLElement).dataset['metric']))).toEqual(['wr']);
    expect(await page.textContent('#verdict-summary')).toContain('1 regression');
    expect(await page.$$eval('#compare-table tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expectInert(w, [server.url, 'data:']);
    await page.close();
  });
});

describe('static export', () => {
  it('opens from file:// with the same leaderboard and replays, and nothing leaves the disk', async () => {
    const live = await open(server.url);
    await ready(live.page, 'leaderboard');
    const expected = await boardRows(live.page);
    await live.page.close();

    const w = await open(pathToFileURL(join(out, 'index.html')).href);
    const { page } = w;
    await ready(page, 'leaderboard');
    expect(await boardRows(page)).toEqual(expected);
    for (const c of await drawnCanvases(page, '#charts')) expect(c.drawn, c.id).toBe(true);
    await go(page, `#/matches?run=${RUNS.llm}&agent=hostile&status=completed`, 'matches');
    expect(await page.$$eval('#matches tbody tr', (rows) => rows.length)).toBe(4);
    await page.click('#matches tbody tr:first-child a.replay-link');
    await ready(page, 'match');
    expect(await page.$$eval('pre.model-text', (pres) => pres.some((p) => (p.textContent ?? '').includes('<script>')))).toBe(true);
    expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBe(0);
    expectInert(w, ['file://', 'data:']);
    await page.close();
  });
});
