import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chess } from 'chess.js';
import { gameEntries, resolveMoveGame } from '../arena/games/registry.js';
import { startTestServer, type ChatRequestBody, type ScriptedReply, type TestServer } from '../arena/llm/test-server.js';
import { Store } from '../arena/store/store.js';
import { checkTournamentConfig } from '../arena/tournament/config.js';
import { runTournament } from '../arena/tournament/run.js';
import type { TraceEvent } from '../arena/trace/events.js';
import type { JsonSchema } from '../games/core/json-schema.js';
import type { PlanGame } from '../games/core/plan-game.js';

/**
 * The `answer` protocol end to end on every plan game and every move game (chess included), through the local
 * server: each mode sends
 * what it says (the game's schema as `response_format` or as the parameters of a forced tool), the answer is read
 * from where the mode puts it, and an endpoint that refuses a mode stops with one line naming it (an infrastructure
 * error, never a scored loss).
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'arena-answer-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const planGames = gameEntries().filter((e) => e.family === 'plan').map((e) => e.game as PlanGame);

interface Sent {
  readonly schema: JsonSchema | undefined;
  readonly mode: 'text' | 'json_schema' | 'tool';
}

function sent(body: ChatRequestBody): Sent {
  const tools = body['tools'] as Array<{ function: { name: string; parameters: JsonSchema } }> | undefined;
  const format = body['response_format'] as { json_schema: { schema: JsonSchema } } | undefined;
  if (tools !== undefined) return { schema: tools[0]?.function.parameters, mode: 'tool' };
  if (format !== undefined) return { schema: format.json_schema.schema, mode: 'json_schema' };
  return { schema: undefined, mode: 'text' };
}

const moveGames = gameEntries().filter((e) => e.family === 'move').map((e) => resolveMoveGame(e.id).rules);

/** The move schema the game itself describes: its legal moves in its notation when listed, its notation sentence. */
function moveSchema(title: string, legal: readonly string[] | undefined): JsonSchema {
  const notation = moveGames.find((g) => g.title === title)?.moveNotation;
  const move = { type: 'string', ...(notation === undefined ? {} : { description: notation }), ...(legal === undefined ? {} : { enum: legal }) };
  return { type: 'object', properties: { plan: { type: 'string' }, move }, required: ['plan', 'move'], additionalProperties: false };
}

/**
 * A model that answers validly in whichever mode it was asked: the example plan of the side, or the first legal
 * move as listed; in chess without the list, the first legal move of the FEN shown, in UCI.
 */
function answer(body: ChatRequestBody): ScriptedReply {
  const prompt = body.messages?.map((m) => m.content).join('\n') ?? '';
  const { schema, mode } = sent(body);
  let json: string;
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ');
  const game = /GAME\n(.*), game \d+ of the series/.exec(prompt)?.[1];
  const fen = /^FEN: (.*)$/m.exec(prompt)?.[1];
  if (game !== undefined) {
    const move = legal?.[0] ?? (fen === undefined ? 'none' : new Chess(fen).moves({ verbose: true })[0]?.lan);
    json = JSON.stringify({ plan: legal === undefined ? 'first move found' : 'first move listed', move });
    if (schema !== undefined) expect(schema).toEqual(moveSchema(game, legal));
  } else {
    const game = planGames.find((g) => prompt.includes(g.title)) ?? planGames[0];
    const key = /must have the key "([^"]+)"/.exec(prompt)?.[1];
    const side = game?.sides.findIndex((s) => s.planKey === key) === 1 ? 1 : 0;
    json = game?.exampleJson(side) ?? '{}';
    if (schema !== undefined) expect(schema).toEqual(game?.planSchema(side, game.config()));
  }
  if (mode === 'tool') return { text: '', toolCalls: [{ name: game === undefined ? 'submit_plan' : 'play_move', arguments: json }], finishReason: 'tool_calls' };
  if (mode === 'json_schema') return { text: json };
  return { text: `My answer:\n\`\`\`json\n${json}\n\`\`\`` };
}

describe('answer modes', () => {
  it('text, json_schema and tool each play every plan game and every move game (chess included) to completion', async () => {
    server.setBehaviour('m', { kind: 'script', reply: answer });
    const config = checkTournamentConfig(
      {
        name: 'answer-modes',
        seed: 11,
        games: [...planGames.map((g) => ({ id: g.id, rounds: 2 })), { id: 'tic-tac-toe', games: 1 }, { id: 'connect-four', games: 1 }, { id: 'chess(plies=12)', games: 1 }],
        agents: { text: 'llm:m', schema: 'llm:m:answer=json_schema', tool: 'llm:m:answer=tool', random: 'random' },
        concurrency: { matches: 4, workers: 1 },
        cache: 'off',
      },
      'test',
      'answer-modes',
    );
    const store = new Store(join(dir, 'modes.db'));
    try {
      server.reset();
      const run = await runTournament(config, { store, env: { models: { m: { base_url: server.url, model: 'm', api_key_env: null, retries: 0, timeout_s: 10 } } }, quiet: true });
      const rows = store.matches(run.runId);
      for (const r of rows) expect(r.status, JSON.stringify(store.trace(run.runId, r.match_key)?.filter((e) => e.type === "error"))).toBe("completed");
      const modes = new Set(server.requests.map((r) => sent(r.body).mode));
      expect([...modes].sort()).toEqual(['json_schema', 'text', 'tool']);
      for (const r of server.requests) {
        const body = r.body;
        if (sent(body).mode === 'tool') expect(body['tool_choice']).toEqual({ type: 'function', function: { name: (body['tools'] as Array<{ function: { name: string } }>)[0]?.function.name } });
      }
      const events: TraceEvent[] = rows.flatMap((r) => store.trace(run.runId, r.match_key) ?? []);
      // Every move game was played in every mode (chess included).
      const starts = events.filter((e) => e.type === 'match_start');
      for (const g of moveGames) expect(starts.filter((e) => e.type === 'match_start' && e.spec.game.startsWith(g.id)).length, g.id).toBeGreaterThan(0);
      const chessAsked = server.requests.filter((r) => r.body.messages?.some((x) => x.content?.includes('GAME\nChess,')));
      for (const m of ['text', 'json_schema', 'tool']) expect(chessAsked.some((r) => sent(r.body).mode === m), m).toBe(true);
      // Chess's move schema carries the game's own notation sentence (SAN or UCI), the one its rules text states.
      for (const r of chessAsked.filter((x) => sent(x.body).mode !== 'text')) {
        const move = (sent(r.body).schema?.['properties'] as Record<string, { description?: string }> | undefined)?.['move'];
        expect(move?.description).toMatch(/standard algebraic notation \(SAN\).*UCI notation/);
        expect(r.body.messages?.map((x) => x.content).join('\n').replace(/\n/g, ' ')).toContain(move?.description);
      }
      for (const family of ['plan', 'move'] as const) {
        for (const step of ['answer:tool', 'answer:json_schema']) {
          const decided = events.filter((e) => (e.type === 'plan_submission' || e.type === 'move') && (e.meta?.['recovery'] as string[] | undefined)?.includes(step));
          expect(decided.filter((e) => (family === 'plan') === (e.type === 'plan_submission')).length, `${family} ${step}`).toBeGreaterThan(0);
        }
      }
      // LLM seats never broke a rule: every plan valid, no rejected move
      for (const e of events) {
        if (e.type === 'plan_submission' && e.meta?.['model'] !== undefined) expect(e.violations).toEqual([]);
        if (e.type === 'rejection') expect(e.usage.calls).toBe(0);
      }
    } finally {
      store.close();
    }
  });

  it('chess with the legal moves hidden: the schema is the game\'s notation without a list, UCI answers are played; the seat setting wins over the game parameter', async () => {
    server.setBehaviour('m', { kind: 'script', reply: answer });
    const config = checkTournamentConfig(
      {
        name: 'chess-hidden',
        seed: 12,
        games: [{ id: 'chess(plies=10)', games: 1 }, { id: 'chess(plies=10,legal_moves=0)', games: 1 }],
        agents: { schema: 'llm:m:answer=json_schema,legal_moves=hidden', tool: 'llm:m:answer=tool,legal_moves=shown', random: 'random' },
        concurrency: { matches: 2, workers: 1 },
        cache: 'off',
      },
      'test',
      'chess-hidden',
    );
    const store = new Store(join(dir, 'chess.db'));
    try {
      server.reset();
      const run = await runTournament(config, { store, env: { models: { m: { base_url: server.url, model: 'm', api_key_env: null, retries: 0, timeout_s: 10 } } }, quiet: true });
      const rows = store.matches(run.runId);
      for (const r of rows) expect(r.status).toBe('completed');
      const chess = resolveMoveGame('chess').rules;
      const user = (body: ChatRequestBody) => body.messages?.find((m) => m.role === 'user')?.content ?? '';
      for (const r of server.requests) {
        const { mode } = sent(r.body);
        const listed = user(r.body).includes('LEGAL MOVES');
        // The seat's setting decides, whatever the game parameter says; the rules text agrees with what is shown.
        expect(listed).toBe(mode === 'tool');
        expect(user(r.body)).toContain(listed ? 'Every legal move is listed with the position.' : 'The legal moves are not listed: finding them is part of the task.');
        expect(user(r.body).replace(/\n/g, ' ')).toContain(chess.moveNotation);
      }
      const events: TraceEvent[] = rows.flatMap((r) => store.trace(run.runId, r.match_key) ?? []);
      // Hidden-list answers were UCI and were played; no LLM answer was rejected.
      const played = events.filter((e) => e.type === 'move' && e.meta?.['model'] !== undefined && /^[a-h][1-8][a-h][1-8][qrbn]?$/.test(e.response?.text ?? ''));
      expect(played.length).toBeGreaterThan(0);
      expect(events.filter((e) => e.type === 'rejection')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a mode the endpoint refuses ends the match as an infrastructure error naming the mode in one line', async () => {
    server.setBehaviour('no-tools', { kind: 'status', status: 400 });
    const config = checkTournamentConfig(
      { name: 'refused', seed: 2, games: [{ id: 'tic-tac-toe', games: 1 }], agents: { tool: 'llm:no-tools:answer=tool', random: 'random' }, concurrency: { workers: 1 }, cache: 'off' },
      'test',
      'refused',
    );
    const store = new Store(join(dir, 'refused.db'));
    try {
      const run = await runTournament(config, { store, env: { models: { 'no-tools': { base_url: server.url, model: 'no-tools', api_key_env: null, retries: 0, timeout_s: 10 } } }, quiet: true });
      const rows = store.matches(run.runId);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r).toMatchObject({ status: 'error', error_reason: 'infrastructure' });
        const end = store.trace(run.runId, r.match_key)?.filter((e) => e.type === "error");
        const message = JSON.stringify(end);
        expect(message, message).toContain("the endpoint refused answer=tool (");
        expect(message).toContain('HTTP 400');
      }
    } finally {
      store.close();
    }
  });
});
