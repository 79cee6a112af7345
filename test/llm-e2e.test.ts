import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanGame, SideIndex } from '../games/core/plan-game.js';
import { createRng, hashSeed } from '../games/core/rng.js';
import { parseAgentSpec } from '../arena/spec/agent-spec.js';
import { gameEntries } from '../arena/games/registry.js';
import { runMoveMatch } from '../arena/match/move-match.js';
import { runPlanMatch } from '../arena/match/plan-match.js';
import type { MoveMatchSpec, PlanMatchSpec, TraceEvent } from '../arena/trace/events.js';
import { createLlmAgent, DirectoryCache, startTestServer, type CacheMode, type ChatRequestBody, type LlmAgent, type TestServer } from '../arena/llm/index.js';

/**
 * Whole matches of every game played by LLM agents through a real HTTP test server whose "model" is a script:
 * unreadable first answers (re-asks), think blocks, prose, trailing commas, illegal moves, then valid play; and the
 * exact, free replay of a match from the response cache.
 */

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'arena-llm-e2e-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function lastUser(body: ChatRequestBody): string {
  return body.messages?.at(-1)?.content ?? '';
}

function agent(model: string, cache?: { dir: string; mode: CacheMode }, extra = ''): LlmAgent {
  const entry = { base_url: server.url, model, api_key_env: null, retries: 1, retry_base_ms: 1, retry_max_ms: 5, timeout_s: 10 };
  const env = { models: { [model]: entry }, ...(cache ? { cache: { store: new DirectoryCache(cache.dir), mode: cache.mode } } : {}) };
  return createLlmAgent(parseAgentSpec(`llm:${model}${extra}`), env, {});
}

/** A scripted plan player for one side: unreadable first, then fenced plans and trailing-comma prose in turn. */
function planScript(game: PlanGame, side: SideIndex): (body: ChatRequestBody) => string {
  let n = 0;
  const config = game.config();
  return () => {
    const k = n++;
    const plan = JSON.stringify(game.randomPlan(side, createRng(hashSeed(game.id, side, k)), config));
    if (k === 0) return 'Let me think about the budget first. I will answer next time.';
    if (k % 2 === 1) return `<think>Weighing units.</think>\nHere is my plan:\n\`\`\`json\n${plan}\n\`\`\``;
    return `My revised plan is ${plan.replace(/\}$/, ',}')} and I am confident in it.`;
  };
}

function planSpec(game: PlanGame, seed: number, models: readonly [string, string]): PlanMatchSpec {
  return {
    family: 'plan',
    game: `${game.id}@${game.version}`,
    config: game.config(),
    rounds: 4,
    reviseFirst: 0,
    seed,
    seats: [
      { side: 0, agent: `llm:${models[0]}`, name: models[0] },
      { side: 1, agent: `llm:${models[1]}`, name: models[1] },
    ],
    roundNumbering: 'reference',
    planReportFeedback: false,
  };
}

const planGames = gameEntries().flatMap((e) => (e.family === 'plan' ? [e.game] : []));

describe.each(planGames.map((g) => [g.id, g] as const))('LLM plan match: %s', (id, game) => {
  it('plays through re-asks and revisions, and replays exactly from the cache with no requests', async () => {
    const models = [`${id}-p0`, `${id}-p1`] as const;
    server.setBehaviour(models[0], { kind: 'script', reply: planScript(game, 0) });
    server.setBehaviour(models[1], { kind: 'script', reply: planScript(game, 1) });
    const cache = join(dir, id);
    const before = server.requests.length;
    const spec = planSpec(game, 5, models);
    const trace = await runPlanMatch(game, spec, [agent(models[0], { dir: cache, mode: 'read-write' }), agent(models[1], { dir: cache, mode: 'read-write' })]);
    const end = trace.at(-1);
    expect(end).toMatchObject({ type: 'match_end', status: 'completed' });
    const reasks = trace.filter((e) => e.type === 'reask');
    expect(reasks.map((e) => e.type === 'reask' && [e.side, e.reason])).toEqual([
      [0, 'unparseable'],
      [1, 'unparseable'],
    ]);
    const submissions = trace.filter((e): e is Extract<TraceEvent, { type: 'plan_submission' }> => e.type === 'plan_submission');
    const revisions = submissions.filter((s) => s.phase === 'revision');
    expect(new Set(revisions.map((s) => s.side))).toEqual(new Set([0, 1]));
    // Strict SPEC §1.2 reading: the trailing-comma revisions count as unparseable (empty plan), and say why.
    expect(revisions.some((s) => s.parseError !== undefined)).toBe(true);
    for (const s of submissions) expect(s.meta).toMatchObject({ promptVersion: 'v2', model: models[s.side] });
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(submissions.length);
    expect(requests.some((r) => /could not be read as JSON/.test(lastUser(r.body)))).toBe(true);
    if (end?.type === 'match_end') expect(end.usage[0].calls + end.usage[1].calls).toBe(submissions.length);

    server.setBehaviour(models[0], { kind: 'status', status: 500 });
    server.setBehaviour(models[1], { kind: 'status', status: 500 });
    const mark = server.requests.length;
    const again = await runPlanMatch(game, spec, [agent(models[0], { dir: cache, mode: 'read' }), agent(models[1], { dir: cache, mode: 'read' })]);
    expect(server.requests.length).toBe(mark);
    expect(JSON.stringify(again)).toBe(JSON.stringify(trace));
  });

  it('with plan_repair, accepts the trailing-comma revisions and records the repair', async () => {
    const models = [`${id}-r0`, `${id}-r1`] as const;
    server.setBehaviour(models[0], { kind: 'script', reply: planScript(game, 0) });
    server.setBehaviour(models[1], { kind: 'script', reply: planScript(game, 1) });
    const trace = await runPlanMatch(game, planSpec(game, 6, models), [agent(models[0], undefined, ':plan_repair=true'), agent(models[1], undefined, ':plan_repair=true')]);
    expect(trace.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    const revisions = trace.filter((e): e is Extract<TraceEvent, { type: 'plan_submission' }> => e.type === 'plan_submission' && e.phase === 'revision');
    expect(revisions.every((s) => s.parseError === undefined)).toBe(true);
    expect(revisions.some((s) => Array.isArray(s.meta?.['repaired']))).toBe(true);
  });
});

/** A scripted move player: reads the legal moves from the prompt; every fourth answer is an illegal move. */
function moveScript(): (body: ChatRequestBody) => string {
  let n = 0;
  return (body) => {
    const k = n++;
    const prompt = lastUser(body);
    const legal = (/LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1] ?? '').split(', ');
    if (k % 4 === 1) return '{"plan": "try the far corner", "move": "z99"}';
    const move = legal[hashSeed(prompt) % legal.length] ?? '';
    return k % 2 === 0 ? `<think>checking threats</think>\n{"plan": "keep options open", "move": "${move}"}` : `I choose:\n\`\`\`json\n{"plan": "build a line", "move": "${move}",}\n\`\`\``;
  };
}

describe.each(['tic-tac-toe', 'connect-four'])('LLM move match: %s', (game) => {
  it('plays a series through rejections and re-asks, and replays exactly from the cache', async () => {
    const models = [`${game}-m0`, `${game}-m1`] as const;
    server.setBehaviour(models[0], { kind: 'script', reply: moveScript() });
    server.setBehaviour(models[1], { kind: 'script', reply: moveScript() });
    const spec: MoveMatchSpec = {
      family: 'move',
      game,
      params: {},
      games: 2,
      seed: 3,
      seats: [
        { side: 0, agent: `llm:${models[0]}`, name: models[0] },
        { side: 1, agent: `llm:${models[1]}`, name: models[1] },
      ],
    };
    const cache = join(dir, game);
    const before = server.requests.length;
    const trace = await runMoveMatch(spec, [agent(models[0], { dir: cache, mode: 'read-write' }), agent(models[1], { dir: cache, mode: 'read-write' })]);
    expect(trace.at(-1)).toMatchObject({ type: 'match_end', status: 'completed' });
    expect(trace.filter((e) => e.type === 'game_end')).toHaveLength(2);
    const rejections = trace.filter((e) => e.type === 'rejection');
    expect(rejections.length).toBeGreaterThan(0);
    expect(rejections.every((e) => e.type === 'rejection' && e.outcome === 'reask')).toBe(true);
    const moves = trace.filter((e) => e.type === 'move');
    expect(moves.every((e) => e.type === 'move' && typeof e.meta?.['plan'] === 'string')).toBe(true);
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(moves.length + rejections.length);
    expect(requests.some((r) => lastUser(r.body).includes('SINCE YOUR LAST MOVE') && lastUser(r.body).includes('z99'))).toBe(true);

    server.setBehaviour(models[0], { kind: 'status', status: 500 });
    server.setBehaviour(models[1], { kind: 'status', status: 500 });
    const mark = server.requests.length;
    const again = await runMoveMatch(spec, [agent(models[0], { dir: cache, mode: 'read' }), agent(models[1], { dir: cache, mode: 'read' })]);
    expect(server.requests.length).toBe(mark);
    expect(JSON.stringify(again)).toBe(JSON.stringify(trace));
  });
});

describe('an endpoint that keeps failing', () => {
  it('ends plan and move matches with status error, reason infrastructure, never a loss', async () => {
    server.setBehaviour('down', { kind: 'status', status: 503 });
    const game = planGames[0];
    if (game === undefined) throw new Error('no plan game registered');
    const plan = await runPlanMatch(game, planSpec(game, 1, ['down', 'down']), [agent('down'), agent('down')]);
    expect(plan.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'infrastructure', winner: null });
    expect(plan.find((e) => e.type === 'error')).toMatchObject({ kind: 'infrastructure' });
    const spec: MoveMatchSpec = { family: 'move', game: 'tic-tac-toe', params: {}, games: 1, seed: 1, seats: [{ side: 0, agent: 'llm:down', name: 'down' }, { side: 1, agent: 'llm:down', name: 'down' }] };
    const move = await runMoveMatch(spec, [agent('down'), agent('down')]);
    expect(move.at(-1)).toMatchObject({ type: 'match_end', status: 'error', reason: 'infrastructure', winner: null });
  });
});
