import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { go, ready } from './support/browser-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import type { MatchDetail, MatchPage } from '../web/shared/api.js';
import { writeStaticSite } from '../web/server/export.js';
import { startServer, type RunningServer } from '../web/server/http.js';
import { buildSiteAssets } from '../web/server/site.js';
import { buildFixture, RUNS, type Fixture } from '../web/testing/fixture.js';

/**
 * The match list and replay viewer in a real browser (Debian's Chromium via playwright-core), served and from
 * file://, on a store filled by real tournaments (the shared web fixture plus a tic-tac-toe run long enough to
 * page). Screenshots of one replay per game family go to test-artifacts/.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = resolve('test-artifacts');
const PAGED = 'paged';
const CONNECT_FOUR = 'connect-four@1(rows=6,cols=7)';

let fixture: Fixture;
let server: RunningServer;
let browser: Browser;
let out = '';
let partial = '';

interface Watched {
  readonly page: Page;
  readonly problems: string[];
}

async function open(url: string, width = 1280): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  await page.goto(url);
  return { page, problems };
}

/** Clicks and waits for the next page the click leads to. */
async function follow(page: Page, selector: string, name: string): Promise<void> {
  await page.evaluate(() => delete document.body.dataset['ready']);
  await page.click(selector);
  await ready(page, name);
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function firstKey(run: string, filters: Record<string, string> = {}): Promise<string> {
  const page = await api<MatchPage>(`api/matches?${new URLSearchParams({ run, status: 'completed', ...filters })}`);
  const key = page.matches[0]?.key;
  if (!key) throw new Error(`no completed match in ${run}`);
  return key;
}

function matchHash(run: string, key: string): string {
  return `#/match?${new URLSearchParams({ run, key })}`;
}

/** True when the page is no wider than the viewport (nothing scrolls sideways). */
async function noSideways(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  const [built, assets] = await Promise.all([buildFixture(), buildSiteAssets()]);
  fixture = built;
  // A run long enough to page through (more than two full pages of 50 rows).
  const store = new Store(fixture.storePath);
  try {
    const paged = checkTournamentConfig({ name: PAGED, seed: 9, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { random: 'random', greedy: 'greedy' }, repetitions: 55 }, 'fixture', PAGED);
    await runTournament(paged, { store, env: {}, quiet: true, workers: 1 });
  } finally {
    store.close();
  }
  out = await mkdtemp(join(tmpdir(), 'arena-web-replay-'));
  partial = join(out, 'partial');
  [server, browser] = await Promise.all([
    startServer({ storePath: fixture.storePath, port: 0, bootstrap: 50, assets }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    writeStaticSite({ storePath: fixture.storePath, outDir: join(out, 'full'), bootstrap: 50, assets }),
    writeStaticSite({ storePath: fixture.storePath, outDir: partial, bootstrap: 50, assets, maxTraces: 2 }),
    mkdir(ARTIFACTS, { recursive: true }),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('match list', () => {
  it('clamps a page past the end instead of showing "4,951–4,950 of 122"', async () => {
    const { page, problems } = await open(`${server.url}#/matches?run=${PAGED}&page=40`);
    await ready(page, 'matches');
    const label = (await page.textContent('#page-label')) ?? '';
    const [, from, to, total] = /^(\d+)–(\d+) of (\d+)$/.exec(label) ?? [];
    expect(Number(from)).toBeLessThanOrEqual(Number(to));
    expect(Number(to)).toBe(Number(total));
    expect(await page.textContent('#page-clamped')).toMatch(/Page 41 is past the end/);
    expect(await page.isDisabled('#page-next')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts the next page at its top in the static export', async () => {
    const { page } = await open(`${pathToFileURL(join(out, 'full', 'index.html')).href}#/matches?run=${PAGED}`, 800);
    await ready(page, 'matches');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await follow(page, '#page-next', 'matches');
    expect(await page.textContent('#page-label')).toMatch(/^51–/);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.close();
  });

  it('keeps filters, sort and page in the URL, and "← Matches" returns to the same list', async () => {
    const { page, problems } = await open(`${server.url}#/matches?run=${RUNS.llm}&agent=hostile`);
    await ready(page, 'matches');
    await page.evaluate(() => delete document.body.dataset['ready']);
    await page.selectOption('#match-sort', 'tokens');
    await ready(page, 'matches');
    expect(page.url()).toContain('sort=tokens');
    expect(page.url()).toContain('agent=hostile');
    const tokens = await page.$$eval('#matches tbody tr td:nth-child(7)', (cells) => cells.map((c) => Number((c.textContent ?? '').replace(/,/g, ''))));
    expect(tokens).toEqual([...tokens].sort((a, b) => b - a));
    const rows = await page.$$eval('#matches tbody tr', (trs) => trs.map((r) => (r as HTMLElement).dataset['key']));
    // A reload of the URL gives the same list.
    await page.reload();
    await ready(page, 'matches');
    expect(await page.$$eval('#matches tbody tr', (trs) => trs.map((r) => (r as HTMLElement).dataset['key']))).toEqual(rows);
    expect(await page.$eval('#match-sort', (s) => (s as HTMLSelectElement).value)).toBe('tokens');
    await follow(page, '#matches tbody tr:first-child a.replay-link', 'match');
    await follow(page, '#back-to-matches', 'matches');
    expect(page.url()).toContain('agent=hostile');
    expect(page.url()).toContain('sort=tokens');
    expect(await page.$$eval('#matches tbody tr', (trs) => trs.map((r) => (r as HTMLElement).dataset['key']))).toEqual(rows);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when a filter names nothing in the run or a parameter is unknown', async () => {
    const { page } = await open(`${server.url}#/matches?run=${RUNS.main}&agent=nobody`);
    await ready(page, 'matches');
    expect(await page.textContent('#filter-error')).toMatch(/no agent 'nobody' in run 'main'; choices: counter, random, stubborn/);
    expect(await page.$$('#matches')).toHaveLength(0);
    await go(page, `#/matches?run=${RUNS.main}&colour=red`, 'matches');
    expect(await page.textContent('#filter-error')).toMatch(/unknown parameter 'colour'/);
    await go(page, `#/matches?run=${RUNS.main}&status=won`, 'matches');
    expect(await page.textContent('#filter-error')).toMatch(/no status 'won'/);
    await go(page, `#/matches?run=${RUNS.main}&status=completed`, 'matches');
    expect(await page.$$('#filter-error')).toHaveLength(0);
    await page.close();
  });

  it('links only replays the export holds, and shows role and revise-first so no two rows look alike', async () => {
    const { page, problems } = await open(`${pathToFileURL(join(partial, 'index.html')).href}#/matches?run=${RUNS.main}`);
    await ready(page, 'matches');
    const links = await page.$$eval('#matches a.replay-link', (as) => as.length);
    const none = await page.$$eval('#matches .no-replay', (s) => s.length);
    expect(links + none).toBe(await page.$$eval('#matches tbody tr[data-status="completed"], #matches tbody tr[data-status="error"]', (r) => r.length));
    expect(links).toBeLessThanOrEqual(2);
    expect(none).toBeGreaterThan(0);
    // Every visible row differs in what it shows (game, seats, setting), not only in its key.
    const shown = await page.$$eval('#matches tbody tr', (trs) => trs.map((r) => Array.from(r.querySelectorAll('td')).slice(1, 4).map((c) => c.textContent).join(' | ')));
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.some((s) => / as (Human|Defender|Invader|Demon)/i.test(s) || / revises first/.test(s))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names the browser tab after each page', async () => {
    const { page } = await open(server.url);
    await ready(page, 'leaderboard');
    const titles = [await page.title()];
    await go(page, `#/matches?run=${RUNS.llm}`, 'matches');
    titles.push(await page.title());
    await go(page, matchHash(RUNS.main, await firstKey(RUNS.main)), 'match');
    titles.push(await page.title());
    expect(titles[1]).toContain('Matches — llm');
    expect(titles[2]).toMatch(/^Replay — /);
    expect(new Set(titles).size).toBe(3);
    await page.close();
  });

  it('downloads the filtered list as CSV and JSON', async () => {
    const { page } = await open(`${server.url}#/matches?run=${PAGED}&agent=greedy`);
    await ready(page, 'matches');
    const total = (await api<MatchPage>(`api/matches?run=${PAGED}&agent=greedy&limit=1`)).total;
    expect(total).toBeGreaterThan(50);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const lines = (await readFile((await csv.path()) ?? '', 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe('ord,key,game,agent0,agent1,role0,role1,revise_first,status,error_reason,winner,score0,score1,tokens,cost_usd,wall_ms,finished_at,seed');
    expect(lines).toHaveLength(total + 1);
    expect(csv.suggestedFilename()).toBe(`matches-${PAGED}.csv`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const body = JSON.parse(await readFile((await json.path()) ?? '', 'utf8')) as { matches: { agents: string[] }[] };
    expect(body.matches).toHaveLength(total);
    expect(body.matches.every((m) => m.agents.includes('greedy'))).toBe(true);
    await page.close();
  });
});

describe('replay viewer', () => {
  it('opens a plan match with an overview whose revision labels are the metrics’ own, and jumps from it', async () => {
    const key = await firstKey(RUNS.main, { game: 'turn-based@1', agent: 'counter' });
    const detail = await api<MatchDetail>(`api/match?${new URLSearchParams({ run: RUNS.main, key })}`);
    const { page, problems } = await open(`${server.url}${matchHash(RUNS.main, key)}`);
    await ready(page, 'match');
    const chips = await page.$$eval('#overview .overview-chip', (bs) => bs.map((b) => ({ step: (b as HTMLElement).dataset['step'], text: b.textContent ?? '' })));
    const battles = (detail.events ?? []).filter((e) => e['type'] === 'round_result');
    expect(chips).toHaveLength(battles.length);
    expect(detail.revisions?.length).toBeGreaterThan(0);
    for (const r of detail.revisions ?? []) {
      const words = !r.revised ? ['unchanged'] : [r.success && 'success', r.harmful && 'harmful', r.unforced && 'unforced'].filter(Boolean);
      const text = chips[r.battle - 1]?.text ?? '';
      for (const w of words.length ? words : ['no score change']) expect(text).toContain(String(w));
      if (r.revised) expect(text).not.toContain('unchanged');
    }
    // "revised" never shows for a submission that kept the plan.
    const subs = await page.evaluate(async () => {
      const out: { revised: string | undefined; head: string }[] = [];
      const next = document.getElementById('step-next') as HTMLButtonElement;
      for (;;) {
        document.querySelectorAll<HTMLElement>('.submission').forEach((s) => out.push({ revised: s.dataset['revised'], head: s.querySelector('h3')?.textContent ?? '' }));
        if (next.disabled) return out;
        next.click();
        await new Promise((r) => setTimeout(r, 0));
      }
    });
    for (const s of subs.filter((x) => / revision attempt/.test(x.head))) expect(/\brevised\b/.test(s.head), s.head).toBe(s.revised === 'true');
    // Lineups from the start, HP never below 0, skill names in words, the winner stated.
    await page.click('#overview .overview-chip[data-step="0"]');
    expect(await page.textContent('#step-label')).toBe('Step 1 of ' + String(chips.length));
    expect(await page.textContent('.battle.tb .slider-label')).toMatch(/^lineups at the start \(1 of \d+\)/);
    expect(await page.textContent('.battle.tb .battle-winner')).toMatch(/^(Winner: .+\.|No winner \(draw\)\.)$/);
    const hp = await page.$eval('.battle.tb .battle-slider', async (s) => {
      const slider = s as HTMLInputElement;
      const seen: string[] = [];
      for (let i = 0; i <= Number(slider.max); i++) {
        slider.value = String(i);
        slider.dispatchEvent(new Event('input'));
        document.querySelectorAll('.battle.tb .hp-text, .battle.tb .stats, .battle.tb .slider-label').forEach((n) => seen.push(n.textContent ?? ''));
      }
      return seen;
    });
    expect(hp.some((t) => /HP -/.test(t))).toBe(false);
    expect(hp.some((t) => /[a-z]_[a-z]/.test(t))).toBe(false);
    await page.click('#overview .overview-chip[data-step="2"]');
    expect(await page.textContent('#step-label')).toBe(`Step 3 of ${chips.length}`);
    expect(page.url()).toContain('step=3');
    await page.screenshot({ path: join(ARTIFACTS, 'replay-turn-based.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an order-aware diff and a before/after view for an Auto-battler revision', async () => {
    const { page, problems } = await open(`${server.url}#/matches?run=${RUNS.main}&game=auto-battler%401&agent=counter`);
    await ready(page, 'matches');
    await follow(page, '#matches tbody tr:first-child a.replay-link', 'match');
    expect(await page.textContent('.battle.ab .slider-label')).toMatch(/^lines as bought/);
    const diffs = await page.evaluate(async () => {
      const out: string[] = [];
      const next = document.getElementById('step-next') as HTMLButtonElement;
      for (;;) {
        document.querySelectorAll('.submission[data-revised="true"] .diff > p').forEach((p) => out.push(p.textContent ?? ''));
        document.querySelectorAll('.submission[data-revised="true"] .before-after').forEach(() => out.push('before-after'));
        if (next.disabled) return out;
        next.click();
        await new Promise((r) => setTimeout(r, 0));
      }
    });
    expect(diffs.some((d) => /moved/.test(d))).toBe(true);
    expect(diffs).toContain('before-after');
    expect(diffs.some((d) => /^Same plan/.test(d))).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-auto-battler.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('animates a Tower Defense battle from t = 0 with unique unit labels, a legend tied to the agents, HP and breaches', async () => {
    const key = await firstKey(RUNS.llm, { agent: 'random' });
    const detail = await api<MatchDetail>(`api/match?${new URLSearchParams({ run: RUNS.llm, key })}`);
    const { page, problems } = await open(`${server.url}${matchHash(RUNS.llm, key)}`);
    await ready(page, 'match');
    expect(await page.textContent('#td-time')).toMatch(/^t = 0\.0 s/);
    const sides = (await page.textContent('.td-sides')) ?? '';
    expect(sides).toContain(`Human: ${detail.summary.agents[0]}`);
    expect(sides).toContain(`Demon: ${detail.summary.agents[1]}`);
    await page.click('#td-play');
    expect(await page.textContent('#td-play')).toContain('Pause');
    await page.waitForFunction(() => !/^t = 0\.0 s/.test(document.getElementById('td-time')?.textContent ?? ''), undefined, { timeout: 5000 });
    await page.click('#td-play');
    expect(await page.textContent('#td-play')).toContain('Play');
    // Every keyframe: labels unique, each in the legend, HP shown; the breached lane marked at the end.
    const frames = await page.$eval('#td-slider', (s) => {
      const slider = s as HTMLInputElement;
      const out: { labels: string[]; legend: string[]; breached: number; time: string }[] = [];
      for (let i = 0; i <= Number(slider.max); i++) {
        slider.value = String(i);
        slider.dispatchEvent(new Event('input'));
        out.push({
          labels: Array.from(document.querySelectorAll<HTMLElement>('#td-grid [data-unit]')).map((u) => (u.dataset['unit'] ?? '') + '|' + (u.querySelector('small')?.textContent ?? '')),
          legend: Array.from(document.querySelectorAll('#td-legend tbody tr td:first-child')).map((c) => c.textContent ?? ''),
          breached: document.querySelectorAll('#td-grid tr.breached').length,
          time: document.getElementById('td-time')?.textContent ?? '',
        });
      }
      return out;
    });
    expect(frames.some((f) => f.labels.length > 0)).toBe(true);
    for (const f of frames) {
      const names = f.labels.map((l) => l.split('|')[0] ?? '');
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(f.legend).toContain(n);
      for (const l of f.labels) expect(l).toMatch(/\| \d+(\.\d)?$/);
    }
    const last = frames[frames.length - 1];
    if (/breach in lane/.test(last?.time ?? '')) expect(last?.breached).toBeGreaterThan(0);
    else expect(last?.breached).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-tower-defense.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks the last move and the winning line of a board game, with the move list beside the reply and the header action as given', async () => {
    const { page, problems } = await open(`${server.url}#/matches?run=${RUNS.moves}&game=${encodeURIComponent(CONNECT_FOUR)}`);
    await ready(page, 'matches');
    await follow(page, '#matches tbody tr:first-child a.replay-link', 'match');
    const key = new URLSearchParams(page.url().split('?')[1] ?? '').get('key') ?? '';
    const detail = await api<MatchDetail>(`api/match?${new URLSearchParams({ run: RUNS.moves, key })}`);
    const moves = (detail.events ?? []).filter((e) => e['type'] === 'move');
    expect(await page.textContent('.action-given')).toBe(String(moves[0]?.['action']));
    // The header names the action exactly as the agent gave it, when that differs from the move's text.
    const given = (moves[0]?.['response'] as { action?: unknown } | undefined)?.action;
    if (given !== undefined && String(given) !== moves[0]?.['action']) expect(await page.textContent('#move-head')).toContain(`(given as ${JSON.stringify(given)})`);
    expect(await page.$$eval('#move-board td.last-move', (c) => c.length)).toBe(1);
    expect(await page.$$('.board-with-moves #move-list')).toHaveLength(1);
    expect(await page.$$('.board-with-moves .reply-col')).toHaveLength(1);
    // Jump through the move list to the last move of game 1.
    const entries = await page.$$eval('#move-list li', (lis) => lis.length);
    await page.click(`#move-list li:nth-child(${entries}) .move-jump`);
    expect(await page.textContent('#step-label')).toBe(`Step ${entries} of ${moves.length}`);
    expect(await page.textContent('.action-given')).toBe(String(moves[entries - 1]?.['action']));
    const end = (detail.events ?? []).find((e) => e['type'] === 'game_end');
    const scores = end?.['scores'] as [number, number];
    const lineCells = await page.$$eval('#move-board td.win-line', (c) => c.length);
    if (scores[0] !== scores[1] && end?.['forfeit'] === undefined) expect(lineCells).toBeGreaterThanOrEqual(4);
    else expect(lineCells).toBe(0);
    expect(await page.textContent('#overview')).toMatch(/Game 1/);
    await page.screenshot({ path: join(ARTIFACTS, 'replay-board-game.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
    // The static export inflates the compressed trace and shows the same board.
    const local = await open(`${pathToFileURL(join(out, 'full', 'index.html')).href}${matchHash(RUNS.moves, key)}`);
    await ready(local.page, 'match');
    expect(await local.page.textContent('.action-given')).toBe(String(moves[0]?.['action']));
    expect(await local.page.$$eval('#move-board td.last-move', (c) => c.length)).toBe(1);
    expect(await local.page.$$eval('#move-list li', (lis) => lis.length)).toBe(entries);
    expect(local.problems).toEqual([]);
    await local.page.close();
  });

  it('downloads the trace as JSONL, from the server and from the static export', async () => {
    const key = await firstKey(RUNS.llm, { agent: 'hostile' });
    const detail = await api<MatchDetail>(`api/match?${new URLSearchParams({ run: RUNS.llm, key })}`);
    for (const base of [server.url, pathToFileURL(join(out, 'full', 'index.html')).href]) {
      const { page, problems } = await open(`${base}${matchHash(RUNS.llm, key)}`);
      await ready(page, 'match');
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-trace')]);
      expect(file.suggestedFilename()).toMatch(/\.jsonl$/);
      const lines = (await readFile((await file.path()) ?? '', 'utf8')).trim().split('\n');
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(detail.events);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('keeps each page within a 390 px phone screen', async () => {
    const hashes = [
      `#/matches?run=${RUNS.llm}`,
      matchHash(RUNS.llm, await firstKey(RUNS.llm, { agent: 'hostile' })),
      matchHash(RUNS.main, await firstKey(RUNS.main, { game: 'auto-battler@1' })),
      matchHash(RUNS.main, await firstKey(RUNS.main, { game: 'turn-based@1' })),
      matchHash(RUNS.moves, await firstKey(RUNS.moves, { game: CONNECT_FOUR })),
    ];
    const { page } = await open(`${server.url}${hashes[0]}`, 390);
    await ready(page, 'matches');
    for (const [i, h] of hashes.entries()) {
      if (i > 0) await go(page, h, 'match');
      const w = await noSideways(page);
      expect(w.scroll, h).toBeLessThanOrEqual(w.client);
    }
    await page.close();
  });
});
