import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveGame } from '../arena/games/registry.js';
import { startTestServer, type ChatRequestBody, type TestServer } from '../arena/llm/test-server.js';
import { replayMoveMatch } from '../arena/match/move-replay.js';
import { replayPlanMatch } from '../arena/match/replay.js';
import { StoreResponseCache } from '../arena/store/response-cache.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import type { TraceEvent } from '../arena/trace/events.js';
import type { PlanGame } from '../games/core/plan-game.js';

/**
 * `history: conversation` on both game families through the local server: each request carries the earlier turns
 * with the model's replies byte for byte, `context_tokens` drops the oldest turns (traced), and the match replays
 * exactly from its trace and from the cache with no request.
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-conversation-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** First legal move (move games) or the example plan (plan games), with a reply-specific tail so replies differ. */
function reply(body: ChatRequestBody, index: number): string {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ');
  if (legal !== undefined) return `Reply ${index}: {"plan": "first listed", "move": "${legal[0]}"}`;
  const game = resolveGame('turn-based').game as PlanGame;
  const key = /must have the key "([^"]+)"/.exec(prompt)?.[1];
  return `Reply ${index}, my plan:\n\`\`\`json\n${game.exampleJson(key === game.sides[1].planKey ? 1 : 0)}\n\`\`\``;
}

describe('history: conversation', () => {
  it('grows one chat per match, drops the oldest turns over context_tokens, and replays exactly', async () => {
    server.setBehaviour('m', { kind: 'script', reply });
    const config = (name: string) =>
      checkTournamentConfig(
        {
          name,
          seed: 6,
          games: [{ id: 'tic-tac-toe', games: 2 }, { id: 'turn-based', rounds: 3 }],
          agents: { chat: 'llm:m:history=conversation', short: 'llm:m:history=conversation,context_tokens=1500', random: 'random' },
          concurrency: { workers: 1, matches: 1 },
          cache: 'read-write',
        },
        'test',
        name,
      );
    const store = new Store(join(dir, 'c.db'));
    const models = { m: { base_url: server.url, model: 'm', api_key_env: null, retries: 0, timeout_s: 10 } };
    try {
      server.reset();
      const first = await runTournament(config('first'), { store, env: { models, cache: { store: new StoreResponseCache(store), mode: 'read-write' } }, quiet: true });
      const sent = server.requests.length;
      const traces = [...store.traces(first.runId)];
      for (const r of store.matches(first.runId)) expect(r.status).toBe('completed');

      // Every request's earlier assistant turns are replies the server sent, byte for byte, in order.
      const replies = new Map<number, string>();
      server.requests.forEach((r, i) => replies.set(i, reply(r.body, i)));
      const all = new Set(replies.values());
      let grown = 0;
      for (const r of server.requests) {
        const msgs = r.body.messages ?? [];
        expect(msgs[0]?.role).toBe('system');
        const assistants = msgs.filter((m) => m.role === 'assistant');
        for (const a of assistants) expect(all.has(a.content)).toBe(true);
        if (assistants.length >= 2) grown++;
      }
      expect(grown).toBeGreaterThan(0);

      const decisions = traces.flat().filter((e): e is Extract<TraceEvent, { type: 'move' | 'plan_submission' }> => (e.type === 'move' || e.type === 'plan_submission') && e.meta?.['history'] !== undefined);
      const history = (e: (typeof decisions)[number]) => e.meta?.['history'] as { turns: number; dropped: number; estimatedTokens: number };
      expect(decisions.some((e) => history(e).turns >= 2)).toBe(true);
      const dropping = decisions.filter((e) => history(e).dropped > 0);
      expect(dropping.length).toBeGreaterThan(0);
      for (const e of dropping) expect(history(e).estimatedTokens <= 1500 || history(e).turns === 0).toBe(true);
      // Replay from the trace is exact, and a re-run from the cache sends nothing and writes the same traces.
      for (const events of traces) {
        const start = events[0];
        if (start?.type !== 'match_start') throw new Error('no match_start');
        const again = start.spec.family === 'plan' ? await replayPlanMatch(resolveGame('turn-based').game as PlanGame, events) : await replayMoveMatch(events);
        expect(JSON.stringify(again)).toBe(JSON.stringify(events));
      }
      const second = await runTournament(config('second'), { store, env: { models, cache: { store: new StoreResponseCache(store), mode: 'read-write' } }, quiet: true });
      expect(server.requests.length).toBe(sent);
      const again = [...store.traces(second.runId)];
      // Measured wall times of the built-in opponent are the only difference a re-run may show (zeroed, as in reproduce).
      const key = (t: readonly TraceEvent[]) => (t[0]?.type === 'match_start' ? t[0].matchId : '');
      const norm = (t: readonly TraceEvent[]) => JSON.stringify(t, (k, v: unknown) => (k === 'wallMs' || k === 'time' ? 0 : v));
      const byKey = new Map(traces.map((t) => [key(t), norm(t)]));
      expect(again).toHaveLength(traces.length);
      for (const t of again) expect(norm(t)).toBe(byKey.get(key(t)));
    } finally {
      store.close();
    }
  });
});
