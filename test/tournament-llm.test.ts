import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getEventListeners } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';

/**
 * A tournament with LLM seats played through a real local OpenAI-compatible server: an endpoint that keeps failing
 * beyond its retries leaves its matches as infrastructure errors (never results), and running the same config again
 * replays exactly those matches and completes the run.
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-tournament-llm-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The scripted model: the first legal move listed in the prompt. */
function firstLegal(body: ChatRequestBody): string {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return `{"plan": "take the first free cell", "move": "${legal[0] ?? 'none'}"}`;
}

const CONFIG = {
  name: 'llm-resume',
  seed: 3,
  games: [{ id: 'tic-tac-toe', games: 1 }],
  agents: { steady: 'llm:steady', flaky: 'llm:flaky', random: 'random' },
  concurrency: { matches: 4, workers: 1 },
  cache: 'off',
};

function env(): { models: Record<string, unknown> } {
  const entry = (model: string) => ({ base_url: server.url, model, api_key_env: null, concurrency: 8, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 });
  return { models: { steady: entry('steady'), flaky: entry('flaky') } };
}

describe('tournament with LLM seats through the test server', () => {
  it('stores infrastructure failures as errors, then replays only those on resume and completes', async () => {
    const config = checkTournamentConfig(CONFIG, 'test', 'llm-resume');
    server.setBehaviour('steady', { kind: 'script', reply: firstLegal });
    server.setBehaviour('flaky', { kind: 'status', status: 500 });
    const store = new Store(join(dir, 'arena.db'));
    try {
      const first = await runTournament(config, { store, env: env(), quiet: true });
      expect(first).toMatchObject({ planned: 6, played: 6 });
      const rows = store.matches(first.runId);
      const flakyRows = rows.filter((r) => r.agent0 === 'flaky' || r.agent1 === 'flaky');
      expect(flakyRows).toHaveLength(4);
      for (const r of flakyRows) expect(r).toMatchObject({ status: 'error', error_reason: 'infrastructure', winner: null, attempts: 1 });
      for (const r of rows.filter((x) => !flakyRows.includes(x))) expect(r).toMatchObject({ status: 'completed', attempts: 1 });
      // every failed decision was tried twice (one retry), and the error trace is stored, not scored
      const flakyCalls = server.requests.filter((r) => r.model === 'flaky').length;
      expect(flakyCalls).toBeGreaterThanOrEqual(8);
      expect(flakyCalls % 2).toBe(0);
      const errorTrace = store.trace(first.runId, flakyRows[0]?.match_key ?? '');
      expect(errorTrace?.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'infrastructure' });
      expect(store.getRun(first.runId)?.status).toBe('incomplete');
      expect(store.pendingMatches(first.runId).map((r) => r.match_key).sort()).toEqual(flakyRows.map((r) => r.match_key).sort());
      const kept = new Map(rows.filter((r) => r.status === 'completed').map((r) => [r.match_key, JSON.stringify(store.trace(first.runId, r.match_key))]));

      server.setBehaviour('flaky', { kind: 'script', reply: firstLegal });
      const second = await runTournament(config, { store, env: env(), quiet: true });
      expect(second).toMatchObject({ runId: first.runId, planned: 6, played: 4 });
      expect(store.counts(first.runId)).toEqual({ total: 6, completed: 6, errors: 0, planned: 0 });
      expect(store.getRun(first.runId)?.status).toBe('completed');
      for (const r of store.matches(first.runId)) {
        expect(r.attempts).toBe(kept.has(r.match_key) ? 1 : 2);
        if (kept.has(r.match_key)) expect(JSON.stringify(store.trace(first.runId, r.match_key))).toBe(kept.get(r.match_key));
        const trace = store.trace(first.runId, r.match_key);
        expect(trace?.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
        expect(trace?.some((e) => e.type === 'move' && e.meta?.['model'] !== undefined)).toBe(true);
      }

      const mark = server.requests.length;
      const third = await runTournament(config, { store, env: env(), quiet: true });
      expect(third.played).toBe(0);
      expect(server.requests.length).toBe(mark);
    } finally {
      store.close();
    }
  });

  it('keeps one abort listener on the run signal with many LLM matches in flight, and prints no warning', async () => {
    const config = checkTournamentConfig(
      { name: 'listeners', seed: 4, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { l1: 'llm:l1', l2: 'llm:l2', l3: 'llm:l3', random: 'random' }, concurrency: { matches: 12, workers: 1 }, cache: 'off' },
      'test',
      'listeners',
    );
    const controller = new AbortController();
    let most = 0;
    const observed = (body: ChatRequestBody): string => {
      most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
      return firstLegal(body);
    };
    for (const model of ['l1', 'l2', 'l3']) server.setBehaviour(model, { kind: 'slow', ms: 20, then: { kind: 'script', reply: observed } });
    const entry = (model: string) => ({ base_url: server.url, model, api_key_env: null, concurrency: 16, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const store = new Store(join(dir, 'listeners.db'));
    try {
      server.reset();
      const run = await runTournament(config, { store, env: { models: { l1: entry('l1'), l2: entry('l2'), l3: entry('l3') } }, quiet: true, signal: controller.signal });
      expect(store.counts(run.runId)).toMatchObject({ total: 12, completed: 12 });
      await new Promise((resolve) => setImmediate(resolve));
      // the test can fail: matches really were in flight together
      expect(server.maxInFlight).toBeGreaterThanOrEqual(8);
      expect(most).toBe(1);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      store.close();
    }
  });
});
