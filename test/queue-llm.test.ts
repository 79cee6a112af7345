import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { QueueCoordinator } from '../arena/queue/coordinator.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import { testRedis, type TestRedis } from './support/redis.js';
import { startWorker, stopChild, type Child } from './support/queue-run.js';

/**
 * An LLM tournament on three worker processes (four matches each at once) against the local OpenAI-compatible
 * test server, with an endpoint limit of 4: the limit holds across the workers (the server counts the requests in
 * flight), where three separate per-process limits would let twelve through.
 */

let server: TestServer;
let redis: TestRedis;
let dir = '';
const workers: Child[] = [];

beforeAll(async () => {
  server = await startTestServer();
  redis = await testRedis(2);
  dir = mkdtempSync(join(tmpdir(), 'arena-queue-llm-'));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => stopChild(w)));
  await server.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function firstLegal(body: ChatRequestBody): string {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return `{"plan": "take the first free cell", "move": "${legal[0] ?? 'none'}"}`;
}

describe('LLM tournament on queue workers', () => {
  it('keeps the endpoint limit of 4 requests in flight across three workers', async () => {
    for (const model of ['l1', 'l2', 'l3']) server.setBehaviour(model, { kind: 'slow', ms: 40, then: { kind: 'script', reply: firstLegal } });
    for (let i = 0; i < 3; i++) workers.push(await startWorker(redis.url, ['--concurrency', '4']));
    const config = checkTournamentConfig(
      { name: 'llm-queue', seed: 5, games: ['tic-tac-toe'], agents: { l1: 'llm:l1', l2: 'llm:l2', l3: 'llm:l3', random: 'random' }, repetitions: 2, cache: 'off' },
      'test',
      'llm-queue',
    );
    const entry = (model: string) => ({ base_url: server.url, model, api_key_env: null, concurrency: 4, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 30 });
    const store = new Store(join(dir, 'llm.db'));
    try {
      server.reset();
      const remote = await QueueCoordinator.connect({ url: redis.url });
      const run = await runTournament(config, { store, env: { models: { l1: entry('l1'), l2: entry('l2'), l3: entry('l3') } }, quiet: true, remote });
      expect(store.counts(run.runId)).toEqual({ total: 24, completed: 24, errors: 0, planned: 0 });
      for (const m of store.matches(run.runId)) {
        const trace = store.trace(run.runId, m.match_key) ?? [];
        if (m.agent0 !== 'random' || m.agent1 !== 'random') expect(trace.some((e) => e.type === 'move' && e.meta?.['model'] !== undefined)).toBe(true);
      }
      expect(server.maxInFlight).toBeLessThanOrEqual(4);
      // the test can fail: the workers did press on the endpoint together
      expect(server.maxInFlight).toBeGreaterThanOrEqual(3);
    } finally {
      store.close();
    }
  }, 180_000);
});
