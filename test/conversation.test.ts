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
import { SUMMARY_HEADER } from '../arena/llm/summary.js';

/**
 * `history: conversation` on both game families through the local server: each request carries the earlier turns
 * with the model's replies byte for byte, `context_tokens` drops the oldest turns (traced) or replaces them by one
 * summary message (`context_policy: summarise`), tool-mode turns stay function calls answered by tool messages, and
 * the match replays exactly from its trace and from the cache with no request.
 */

let server: TestServer;
let dir = '';

/**
 * A store and a tournament runner for `agents` on tic-tac-toe and Turn-Based through the test server, every reply
 * cached in that store (one match at a time, so requests arrive in a fixed order).
 */
function cachedRun(
  seed: number,
  agents: Record<string, string>,
  db: string,
): { store: Store; run: (name: string) => Promise<{ runId: string }>; first: () => Promise<{ sent: number; traces: TraceEvent[][] }> } {
  const store = new Store(join(dir, db));
  const models = { m: { base_url: server.url, model: 'm', api_key_env: null, retries: 0, timeout_s: 10 } };
  const config = (name: string) =>
    checkTournamentConfig({ name, seed, games: [{ id: 'tic-tac-toe', games: 2 }, { id: 'turn-based', rounds: 3 }], agents, concurrency: { workers: 1, matches: 1 }, cache: 'read-write' }, 'test', name);
  const run = (name: string) => runTournament(config(name), { store, env: { models, cache: { store: new StoreResponseCache(store), mode: 'read-write' } }, quiet: true });
  /** The first run from an empty server log: every match completed; the requests it sent and its traces. */
  const first = async () => {
    server.reset();
    const done = await run('first');
    for (const r of store.matches(done.runId)) expect(r.status).toBe('completed');
    return { sent: server.requests.length, traces: [...store.traces(done.runId)] };
  };
  return { store, run, first };
}

/**
 * Replay from each trace is exact, and a re-run from the response cache sends no request and writes the same
 * traces (measured wall times of the built-in opponent and clock stamps aside, zeroed as in reproduce).
 */
async function expectExactReplayAndCachedRerun(traces: readonly (readonly TraceEvent[])[], sent: number, rerun: () => Promise<{ runId: string }>, store: Store): Promise<void> {
  for (const events of traces) {
    const start = events[0];
    if (start?.type !== 'match_start') throw new Error('no match_start');
    const again = start.spec.family === 'plan' ? await replayPlanMatch(resolveGame('turn-based').game as PlanGame, events) : await replayMoveMatch(events);
    expect(JSON.stringify(again)).toBe(JSON.stringify(events));
  }
  const second = await rerun();
  expect(server.requests.length).toBe(sent);
  const again = [...store.traces(second.runId)];
  const key = (t: readonly TraceEvent[]) => (t[0]?.type === 'match_start' ? t[0].matchId : '');
  const norm = (t: readonly TraceEvent[]) => JSON.stringify(t, (k, v: unknown) => (k === 'wallMs' || k === 'time' ? 0 : v));
  const byKey = new Map(traces.map((t) => [key(t), norm(t)]));
  expect(again).toHaveLength(traces.length);
  for (const t of again) expect(norm(t)).toBe(byKey.get(key(t)));
}
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
    const { store, run, first } = cachedRun(6, { chat: 'llm:m:history=conversation', short: 'llm:m:history=conversation,context_tokens=1500', random: 'random' }, 'c.db');
    try {
      const { sent, traces } = await first();

      // Every request's earlier assistant turns are replies the server sent, byte for byte, in order.
      const replies = new Map<number, string>();
      server.requests.forEach((r, i) => replies.set(i, reply(r.body, i)));
      const all = new Set(replies.values());
      let grown = 0;
      for (const r of server.requests) {
        const msgs = r.body.messages ?? [];
        expect(msgs[0]?.role).toBe('system');
        const assistants = msgs.filter((m) => m.role === 'assistant');
        for (const a of assistants) expect(all.has(a.content ?? '')).toBe(true);
        if (assistants.length >= 2) grown++;
      }
      expect(grown).toBeGreaterThan(0);

      const decisions = traces.flat().filter((e): e is Extract<TraceEvent, { type: 'move' | 'plan_submission' }> => (e.type === 'move' || e.type === 'plan_submission') && e.meta?.['history'] !== undefined);
      const history = (e: (typeof decisions)[number]) => e.meta?.['history'] as { turns: number; dropped: number; estimatedTokens: number };
      expect(decisions.some((e) => history(e).turns >= 2)).toBe(true);
      const dropping = decisions.filter((e) => history(e).dropped > 0);
      expect(dropping.length).toBeGreaterThan(0);
      for (const e of dropping) expect(history(e).estimatedTokens <= 1500 || history(e).turns === 0).toBe(true);
      await expectExactReplayAndCachedRerun(traces, sent, () => run('second'), store);
    } finally {
      store.close();
    }
  });

  it('context_policy summarise: one summary message built from the recorded turns replaces the oldest ones, traced, and replays exactly', async () => {
    server.setBehaviour('m', { kind: 'script', reply });
    const { store, run, first } = cachedRun(9, { summ: 'llm:m:history=conversation,context_tokens=1500,context_policy=summarise', random: 'random' }, 's.db');
    try {
      const { sent, traces } = await first();
      for (const t of traces) {
        const start = t[0];
        if (start?.type !== 'match_start') throw new Error('no match_start');
        expect(start.spec.seats.find((s) => s.name === 'summ')?.protocol).toMatchObject({ history: 'conversation', context_tokens: 1500, context_policy: 'summarise' });
      }

      // Requests: at most one summary, always right after the system message, one line per summarised turn.
      const summaries = server.requests.map((r) => (r.body.messages ?? []).filter((m) => m.content?.startsWith(SUMMARY_HEADER)));
      for (const list of summaries) expect(list.length).toBeLessThanOrEqual(1);
      const withSummary = server.requests.filter((_, i) => summaries[i]?.length === 1);
      expect(withSummary.length).toBeGreaterThan(0);
      for (const r of withSummary) expect(r.body.messages?.[1]?.content?.startsWith(SUMMARY_HEADER)).toBe(true);

      // Move games: each line names the turn's game and the move the trace recorded for that turn of the seat.
      const moveDecisions = traces
        .filter((t) => t[0]?.type === 'match_start' && t[0].spec.family === 'move')
        .map((t) => {
          const start = t[0];
          const seat = start?.type === 'match_start' && start.spec.seats[0].name === 'summ' ? 0 : 1;
          return t.filter((e): e is Extract<TraceEvent, { type: 'move' | 'rejection' }> => (e.type === 'move' || e.type === 'rejection') && e.seat === seat && e.response !== undefined);
        });
      const line = /^- Turn (\d+) \(game (\d+), ply (\d+)\): you answered (.*); then: (.*)$/;
      let checked = 0;
      for (const r of withSummary) {
        const lines = (r.body.messages?.[1]?.content ?? '').split('\n').slice(2);
        if (!lines.every((l) => line.test(l))) continue;
        const parsed = lines.map((l) => line.exec(l) as RegExpExecArray);
        const matches = moveDecisions.some((d) => parsed.every((p) => d[Number(p[1]) - 1]?.response?.text === p[4] && d[Number(p[1]) - 1]?.gameIndex === Number(p[2]) - 1 && d[Number(p[1]) - 1]?.round === Number(p[3]) - 1));
        expect(matches, lines.join('\n')).toBe(true);
        for (const p of parsed) expect(p[5] === 'accepted' || p[5]?.startsWith('Game ')).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      // Plan games are summarised too (a line per earlier plan submission).
      expect(withSummary.some((r) => /- Turn 1 \(initial plan\): you answered \{/.test(r.body.messages?.[1]?.content ?? ''))).toBe(true);

      // Traced: which turns the summary stands for and its token estimate; within the limit unless nothing is left.
      const decisions = traces.flat().filter((e): e is Extract<TraceEvent, { type: 'move' | 'plan_submission' }> => (e.type === 'move' || e.type === 'plan_submission') && e.meta?.['history'] !== undefined);
      const history = (e: (typeof decisions)[number]) => e.meta?.['history'] as { turns: number; dropped: number; estimatedTokens: number; policy?: string; summary?: { turns: [number, number]; estimatedTokens: number } };
      for (const e of decisions) expect(history(e).policy).toBe('summarise');
      const summarised = decisions.filter((e) => history(e).summary !== undefined);
      expect(summarised.length).toBe(withSummary.length);
      for (const e of summarised) {
        expect(history(e).summary?.turns[0]).toBe(1);
        expect(history(e).summary?.estimatedTokens).toBeGreaterThan(0);
        expect(history(e).estimatedTokens <= 1500 || history(e).turns === 0).toBe(true);
      }

      await expectExactReplayAndCachedRerun(traces, sent, () => run('second'), store);
    } finally {
      store.close();
    }
  });

  it('answer tool: earlier turns are assistant tool calls answered by tool messages, with the endpoint\'s call ids or fixed ones', async () => {
    /** A forced play_move / submit_plan call with the reply of the text script as its arguments. */
    const call = (withId: boolean) => (body: ChatRequestBody, index: number) => {
      const text = reply(body, index);
      const json = text.includes('```json') ? (/```json\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '{}') : text.slice(text.indexOf('{'));
      const name = (body['tools'] as Array<{ function: { name: string } }> | undefined)?.[0]?.function.name ?? 'play_move';
      return { text: '', toolCalls: [{ name, arguments: json, ...(withId ? {} : { id: null }) }], finishReason: 'tool_calls' };
    };
    server.setBehaviour('ids', { kind: 'script', reply: call(true) });
    server.setBehaviour('no-ids', { kind: 'script', reply: call(false) });
    server.setBehaviour('streamed', { kind: 'stream', script: call(true) });
    const config = checkTournamentConfig(
      {
        name: 'tools',
        seed: 5,
        games: [{ id: 'tic-tac-toe', games: 2 }, { id: 'turn-based', rounds: 2 }],
        agents: {
          ids: 'llm:ids:answer=tool,history=conversation',
          none: 'llm:no-ids:answer=tool,history=conversation',
          streamed: 'llm:streamed:answer=tool,history=conversation,stream=true',
          random: 'random',
        },
        concurrency: { workers: 1, matches: 1 },
        cache: 'off',
      },
      'test',
      'tools',
    );
    const entry = (model: string) => ({ base_url: server.url, model, api_key_env: null, retries: 0, timeout_s: 10 });
    const models = { ids: entry('ids'), 'no-ids': entry('no-ids'), streamed: entry('streamed') };
    const run = async (file: string) => {
      const store = new Store(join(dir, file));
      try {
        server.reset();
        const result = await runTournament(config, { store, env: { models }, quiet: true });
        for (const r of store.matches(result.runId)) expect(r.status).toBe('completed');
        return server.requests.map((r) => ({ model: r.model, body: r.body }));
      } finally {
        store.close();
      }
    };
    const requests = await run('t1.db');
    // The ids each server reply carried, by request index (default `call-<index>-0`).
    const sentIds = new Set(requests.map((_, i) => `call-${i}-0`));
    let calls = 0;
    for (const r of requests) {
      const msgs = r.body.messages ?? [];
      msgs.forEach((m, i) => {
        if (m.role !== 'assistant') return;
        // No flattened turn: every earlier reply is a call, followed by its result.
        expect(m.content).toBeNull();
        const ids = (m.tool_calls ?? []).map((c) => c.id);
        expect(ids).toHaveLength(1);
        expect(m.tool_calls?.[0]?.type).toBe('function');
        expect(['play_move', 'submit_plan']).toContain(m.tool_calls?.[0]?.function.name);
        JSON.parse(m.tool_calls?.[0]?.function.arguments ?? '');
        const result = msgs[i + 1];
        expect(result?.role).toBe('tool');
        expect(result?.tool_call_id).toBe(ids[0]);
        expect(result?.content === 'accepted' || result?.content?.startsWith('Game ') || result?.content?.startsWith('round ')).toBe(true);
        if (r.model === 'no-ids') expect(ids[0]).toMatch(/^call_[0-9a-f]{24}$/);
        else expect(sentIds.has(ids[0] ?? '')).toBe(true);
        calls++;
      });
    }
    expect(calls).toBeGreaterThan(0);
    for (const model of ['ids', 'no-ids', 'streamed']) expect(requests.some((r) => r.model === model && r.body.messages?.some((m) => m.role === 'tool'))).toBe(true);
    // Ids made up for a server that gave none are the same in a second run.
    const generated = (rs: typeof requests) => rs.filter((r) => r.model === 'no-ids').map((r) => JSON.stringify(r.body.messages));
    expect(generated(await run('t2.db'))).toEqual(generated(requests));
  });
});
