import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import { playRegression } from '../arena/tournament/regress.js';
import { loadRegressSuite } from '../arena/tournament/regress-config.js';
import { matchTable } from '../metrics/export/rows.js';
import { runCliCaptured } from './support/cli.js';

/**
 * Protocol settings per seat (agent spec) and per model (models file): `legal_moves` decides what the prompt lists,
 * every seat records its protocol in the match spec, the leaderboard and exports show it, and a regression
 * candidate asked another way is another run.
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-protocol-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The first legal move when the prompt lists them; else the first empty cell read off the board. */
function reply(body: ChatRequestBody): string {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ');
  if (legal !== undefined) return JSON.stringify({ plan: 'listed', move: legal[0] });
  const board = /BOARD[^\n]*\n([\s\S]*?)\n\n/.exec(prompt)?.[1] ?? '';
  const rows = board.split('\n').filter((l) => /^\s*\d/.test(l));
  for (const [r, line] of rows.entries()) {
    const cells = line.trim().split(/\s+/).slice(1);
    const c = cells.indexOf('.');
    if (c >= 0) return JSON.stringify({ plan: 'read the board', move: `${'abc'[c]}${3 - r}` });
  }
  return JSON.stringify({ plan: 'guess', move: 'b2' });
}

const entry = (extra: Record<string, unknown> = {}) => ({ base_url: server.url, model: 'm', api_key_env: null, retries: 0, timeout_s: 10, ...extra });

describe('protocol settings', () => {
  it('legal_moves per seat and per model decides the prompt; each seat records its protocol; leaderboard and export show it', async () => {
    server.setBehaviour('m', { kind: 'script', reply });
    const config = checkTournamentConfig(
      {
        name: 'protocols',
        seed: 3,
        games: [{ id: 'tic-tac-toe', games: 1 }],
        agents: { shown: 'llm:m', hidden: 'llm:m:legal_moves=hidden', tool: 'llm:hidden-model:answer=tool' },
        concurrency: { workers: 1 },
        cache: 'off',
      },
      'test',
      'protocols',
    );
    const db = join(dir, 'p.db');
    const store = new Store(db);
    let runId = '';
    try {
      server.reset();
      runId = (await runTournament(config, { store, env: { models: { m: entry(), 'hidden-model': entry({ legal_moves: 'hidden' }) } }, quiet: true })).runId;
      const traces = [...store.traces(runId)];
      expect(traces.length).toBeGreaterThanOrEqual(3);
      const recorded = new Map<string, unknown>();
      for (const t of traces) {
        const start = t[0];
        if (start?.type !== 'match_start') throw new Error('no match_start');
        for (const seat of start.spec.seats) recorded.set(seat.name, seat.protocol);
      }
      expect(recorded.get('shown')).toEqual({ answer: 'text', history: 'stateless', legal_moves: 'game', truncation_reask: true, stream: false });
      expect(recorded.get('hidden')).toEqual({ answer: 'text', history: 'stateless', legal_moves: 'hidden', truncation_reask: true, stream: false });
      expect(recorded.get('tool')).toEqual({ answer: 'tool', history: 'stateless', legal_moves: 'hidden', truncation_reask: true, stream: false });
      // what each request listed: only the default seat saw the legal moves (and only it got a move enum in a schema)
      const listed = server.requests.filter((r) => (r.body.messages?.at(-1)?.content ?? '').includes('LEGAL MOVES'));
      const unlisted = server.requests.filter((r) => !(r.body.messages?.at(-1)?.content ?? '').includes('LEGAL MOVES'));
      expect(listed.length).toBeGreaterThan(0);
      expect(unlisted.length).toBeGreaterThan(0);
      for (const r of unlisted) expect(r.body.messages?.[0]?.content).not.toContain('every legal move');
      for (const r of server.requests.filter((x) => x.body['tools'] !== undefined)) {
        expect(JSON.stringify(r.body['tools'])).not.toContain('"enum"');
      }
      for (const r of store.matches(runId)) expect(r.status).toBe('completed');
      const exported = matchTable(runId, traces).rows;
      expect(exported.some((row) => row['protocol_0'] === 'answer=tool history=stateless legal_moves=hidden stream=false truncation_reask=true' || row['protocol_1'] === 'answer=tool history=stateless legal_moves=hidden stream=false truncation_reask=true')).toBe(true);
    } finally {
      store.close();
    }
    const table = await runCliCaptured(['leaderboard', runId, '--store', db, '--bootstrap', '20']);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Protocols (how each model was asked)');
    expect(table.out).toMatch(/hidden\s+answer=text history=stateless legal_moves=hidden stream=false truncation_reask=true/);
    const json = JSON.parse((await runCliCaptured(['leaderboard', runId, '--store', db, '--format', 'json', '--bootstrap', '20'])).out) as { rows: Array<{ agent: string; protocol?: string }> };
    expect(json.rows.find((r) => r.agent === 'tool')?.protocol).toBe('answer=tool history=stateless legal_moves=hidden stream=false truncation_reask=true');
    const csv = (await runCliCaptured(['leaderboard', runId, '--store', db, '--format', 'csv', '--bootstrap', '20'])).out.trim().split('\n');
    expect(csv[0]?.split(',').at(-1)).toBe('protocol');
    expect(csv.find((l) => l.startsWith('all,tool,'))?.split(',').at(-1)).toBe('answer=tool history=stateless legal_moves=hidden stream=false truncation_reask=true');
  });

  it('a regression candidate with the same spec but another protocol in the models file is another run', async () => {
    server.setBehaviour('m', { kind: 'script', reply });
    const store = new Store(join(dir, 'r.db'));
    try {
      const config = checkTournamentConfig(
        { name: 'base', seed: 4, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { model: 'llm:m', random: 'random' }, concurrency: { workers: 1 }, cache: 'off' },
        'test',
        'base',
      );
      const models = { m: entry() };
      const base = await runTournament(config, { store, env: { models }, quiet: true });
      writeFileSync(join(dir, 'suite.yaml'), 'name: rs\ntarget: model\ngates:\n  - { metric: wr, tolerance: 0.5 }\ncache: off\n');
      const suite = loadRegressSuite(join(dir, 'suite.yaml'));
      const a = await playRegression(store, suite, base.runId, 'llm:m', { models }, { quiet: true });
      const b = await playRegression(store, suite, base.runId, 'llm:m', { models: { m: entry({ answer: 'json_schema' }) } }, { quiet: true });
      const again = await playRegression(store, suite, base.runId, 'llm:m', { models }, { quiet: true });
      expect(b.runId).not.toBe(a.runId);
      expect(again.runId).toBe(a.runId);
      // The context policy is part of the identity too (drop, the default, is not recorded: earlier runs keep theirs).
      const conversation = { history: 'conversation', context_tokens: 4000 };
      const dropping = await playRegression(store, suite, base.runId, 'llm:m', { models: { m: entry(conversation) } }, { quiet: true });
      const dropExplicit = await playRegression(store, suite, base.runId, 'llm:m', { models: { m: entry({ ...conversation, context_policy: 'drop' }) } }, { quiet: true });
      const summarising = await playRegression(store, suite, base.runId, 'llm:m', { models: { m: entry({ ...conversation, context_policy: 'summarise' }) } }, { quiet: true });
      expect(dropExplicit.runId).toBe(dropping.runId);
      expect(summarising.runId).not.toBe(dropping.runId);
    } finally {
      store.close();
    }
  });
});
