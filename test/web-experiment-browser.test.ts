import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../arena/cli/main.js';
import { Store } from '../arena/store/store.js';
import { loadExperiments } from '../web/server/experiments.js';
import { writeStaticSite } from '../web/server/export.js';
import { startServer } from '../web/server/http.js';
import { buildSiteAssets, type SiteAssets } from '../web/server/site.js';
import type { ExperimentsResponse } from '../web/shared/api.js';
import { ready } from './support/browser-page.js';

/**
 * The Experiments page of the web report in a real browser (Chromium, as the other browser tests): a real
 * `arena experiment prm` report embedded by the static export and served by the live server's API.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

let dir = '';
let browser: Browser;
let assets: SiteAssets;
let storePath = '';
let files: string[] = [];
let cellCount = 0;
let verdictCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-experiment-'));
  storePath = join(dir, 'arena.db');
  new Store(storePath).close();
  const out = join(dir, 'run');
  const quiet = [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
  const code = await runCli(['experiment', 'prm', '--game', 'tic-tac-toe', '--seeds', '1', '--games', '2', '--budgets', '1,2,4', '--rollouts', '2', '--no-onnx', '--opponent', 'random', '--out-dir', out]);
  for (const q of quiet) q.mockRestore();
  expect(code).toBe(0);
  const real = join(out, 'experiment-prm.json');
  // the same report with a scorer name that would run script if it were ever parsed as HTML
  const report = JSON.parse(await readFile(real, 'utf8')) as { cells: { scorer: string }[]; comparisons: unknown[] };
  cellCount = report.cells.length;
  verdictCount = report.comparisons.length;
  const hostile = join(dir, 'hostile.json');
  await writeFile(hostile, JSON.stringify({ ...report, cells: report.cells.map((c, i) => (i === 0 ? { ...c, scorer: HOSTILE } : c)) }));
  files = [real, hostile];
  [browser, assets] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: ARGS }), buildSiteAssets()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function checkPage(url: string, experiments: ExperimentsResponse): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await ready(page, 'experiments');
  const shown = await page.$$eval('section.experiment', (sections) => sections.length);
  expect(shown).toBe(2);
  for (const [i, x] of experiments.experiments.entries()) {
    const canvas = await page.$eval(`#experiment-chart-${i}`, (c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let drawn = false;
      for (let k = 3; k < data.length; k += 4) if (data[k] !== 0) drawn = true;
      return { drawn, points: Number(canvas.dataset['points'] ?? 0) };
    });
    expect(canvas.drawn).toBe(true);
    // a point per guided cell with compute, a level line per scorer that is never guided
    const names = [...new Set(x.cells.map((c) => c.scorer))];
    const expected = x.cells.filter((c) => c.compute > 0).length + names.filter((n) => x.cells.every((c) => c.scorer !== n || c.compute === 0)).length;
    expect(canvas.points).toBe(expected);
    expect(await page.$$eval(`#experiment-table-${i} tbody tr`, (rows) => rows.length)).toBe(cellCount);
    expect(await page.$$eval(`#experiment-${i} ul.verdicts li`, (items) => items.length)).toBe(verdictCount);
  }
  const firstCell = await page.$eval('#experiment-table-1 tbody tr td', (td) => td.textContent);
  expect(firstCell).toBe(HOSTILE);
  expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned ?? 0)).toBe(0);
  expect(dialogs).toEqual([]);
  await mkdir(resolve('test-artifacts'), { recursive: true });
  await page.screenshot({ path: resolve('test-artifacts', `experiments-${url.startsWith('file:') ? 'static' : 'live'}.png`), fullPage: true });
  await page.close();
}

describe('the Experiments page', () => {
  it('shows each experiment report from a static export opened from disk: chart, verdicts and every cell, names as text', async () => {
    const experiments = await loadExperiments(files);
    const out = join(dir, 'site');
    await writeStaticSite({ storePath, outDir: out, assets, experiments });
    await checkPage(`${pathToFileURL(join(out, 'index.html')).href}#/experiments`, experiments);
  }, 60_000);

  it('shows the same from the live server, whose API answers /api/experiments and refuses unknown parameters', async () => {
    const experiments = await loadExperiments(files);
    const server = await startServer({ storePath, port: 0, assets, warm: false, experiments });
    try {
      const api = (await (await fetch(`${server.url}api/experiments`)).json()) as ExperimentsResponse;
      expect(api.experiments.map((x) => x.name)).toEqual(['experiment-prm.json', 'hostile.json']);
      expect((await fetch(`${server.url}api/experiments?x=1`)).status).toBe(400);
      await checkPage(`${server.url}#/experiments`, experiments);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('says so when a report has no experiment, and a file that is not an experiment report is a one-line error', async () => {
    const out = join(dir, 'empty-site');
    await writeStaticSite({ storePath, outDir: out, assets });
    const page = await browser.newPage();
    await page.goto(`${pathToFileURL(join(out, 'index.html')).href}#/experiments`);
    await ready(page, 'experiments');
    expect(await page.$eval('#no-experiments', (p) => p.textContent)).toContain('--experiment FILE');
    await page.close();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ game: 'x', opponent: 'y', cells: [] }));
    await expect(loadExperiments([bad])).rejects.toThrow(/^experiment '.*bad\.json' is not an 'arena experiment prm' report: cells/);
    await expect(loadExperiments([join(dir, 'missing.json')])).rejects.toThrow(/^experiment '.*missing\.json': ENOENT/);
  }, 60_000);
});
