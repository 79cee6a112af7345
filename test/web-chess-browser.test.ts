import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBuiltinAgents } from '../arena/agents/builtin.js';
import { annotateMatchWithEngine, parseEngineProver } from '../arena/progress/index.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { outcomeOf } from '../arena/tournament/execute.js';
import { runTournament } from '../arena/tournament/run.js';
import { startServer, type RunningServer } from '../web/server/http.js';

/**
 * A chess replay in a real browser (Debian's Chromium via playwright-core), on a store filled by a real match
 * (Stockfish at depth 1 against random) annotated by the engine prover as `arena progress --prover engine:depth=2`
 * does: the 8x8 board stepped move by move, the last move's squares highlighted, and the SAN move list with each
 * move's advantage and the engine's best move. The screenshot goes to test-artifacts/replay-chess.png.
 */

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUN = 'chess';

let dir = '';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium, or set CHROMIUM_PATH)`);
  registerBuiltinAgents();
  dir = await mkdtemp(join(tmpdir(), 'arena-web-chess-'));
  const storePath = join(dir, 'arena.db');
  const store = new Store(storePath);
  try {
    const config = checkTournamentConfig({ name: RUN, seed: 5, games: [{ id: 'chess', games: 1 }], agents: { stockfish: 'stockfish:depth=1', random: 'random' } }, 'chess', RUN);
    await runTournament(config, { store, env: {}, quiet: true, workers: 1 });
    const spec = parseEngineProver('engine:depth=2');
    if (!spec) throw new Error('engine prover spec did not parse');
    for (const m of store.matches(RUN, { status: 'completed' })) {
      const { events } = await annotateMatchWithEngine(store.trace(RUN, m.match_key) ?? [], spec);
      store.recordMatch(RUN, m.match_key, outcomeOf(events), events);
    }
  } finally {
    store.close();
  }
  await mkdir(resolve('test-artifacts'), { recursive: true });
  [server, browser] = await Promise.all([startServer({ storePath, port: 0, bootstrap: 50 }), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('chess replay', () => {
  it('steps an 8x8 board with the last move highlighted and a SAN move list with advantage and best move', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}#/matches?run=${RUN}`);
    await page.waitForSelector('body[data-ready="1"][data-page="matches"]', { timeout: 15_000 });
    await page.click('#matches tbody tr:first-child a.replay-link');
    await page.waitForSelector('body[data-ready="1"][data-page="match"]', { timeout: 15_000 });

    const squares = () => page.$$eval('#move-board td[data-cell]', (cells) => cells.map((c) => [(c as HTMLElement).dataset['cell'], c.textContent, c.classList.contains('last-move')] as const));
    const cell = async (name: string) => (await squares()).find(([n]) => n === name);
    const lit = async () => (await squares()).filter(([, , l]) => l).map(([n]) => n).sort();
    expect(await squares()).toHaveLength(64);
    // Step 1 is White's first move: its from and to squares are highlighted, the to square holds a white piece.
    const first = await page.textContent('#move-list li.current .move-san');
    expect(first).toMatch(/^[NBRQK]?[a-h]?[1-8]?x?[a-h][1-8]/);
    const firstLit = await lit();
    expect(firstLit).toHaveLength(2);
    const [from, to] = firstLit.map((n) => cell(n ?? ''));
    const filled = [(await from)?.[1], (await to)?.[1]].filter((t) => t !== '');
    expect(filled).toHaveLength(1);
    expect(filled[0]).toMatch(/^[♔♕♖♗♘♙]$/);
    expect(await page.textContent('#step h3')).toContain(first ?? '?');
    // The move list: one entry per move of the game, each with the engine's advantage and best move.
    const entries = await page.$$eval('#move-list li', (lis) => lis.map((li) => ({ san: li.querySelector('.move-san')?.textContent ?? '', adv: li.querySelector('.progress')?.textContent ?? '', best: li.querySelector('.best-move')?.textContent ?? '' })));
    expect(entries.length).toBeGreaterThan(2);
    for (const e of entries) {
      expect(e.san).not.toBe('');
      expect(e.adv).toMatch(/^advantage [+-]\d\.\d{3}$/);
      expect(e.best).toMatch(/best \S+, loss \d+ cp/);
    }
    // Step to Black's reply: the highlight moves and the current entry is the second move.
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#step-label')).toMatch(/^Step 2 of/);
    expect(await page.textContent('#move-list li.current .move-san')).toBe(entries[1]?.san);
    const second = await lit();
    expect(second).toHaveLength(2);
    expect(second).not.toEqual(firstLit);
    const blackTo = (await Promise.all(second.map((n) => cell(n ?? '')))).map((c) => c?.[1]).filter((t) => t !== '');
    expect(blackTo[0]).toMatch(/^[♚♛♜♝♞♟]$/);
    // Each move-list entry jumps the board to its ply.
    await page.click('#move-list li:nth-child(3) .move-jump');
    expect(await page.textContent('#step-label')).toMatch(/^Step 3 of/);
    expect(await page.textContent('#move-list li.current .move-san')).toBe(entries[2]?.san);
    await page.click('#move-list li:nth-child(1) .move-jump');
    expect(await lit()).toEqual(firstLit);
    await page.screenshot({ path: resolve('test-artifacts', 'replay-chess.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
