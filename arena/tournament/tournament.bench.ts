import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from '../../test/bench/types.js';
import type { Agent } from '../agents/agent.js';
import { ZERO_USAGE } from '../trace/usage.js';
import type { AgentEnv } from '../agents/registry.js';
import { runMoveMatch } from '../match/move-match.js';
import { resolveMoveGame } from '../games/registry.js';
import { startTestServer, type ChatRequestBody } from '../llm/test-server.js';
import { childServer, plainPost } from '../llm/test-helpers.js';
import { Store, type PlannedMatch } from '../store/store.js';
import type { MoveMatchSpec, TraceEvent } from '../trace/events.js';
import { checkTournamentConfig, type TournamentConfig } from './config.js';
import { executeMatch, outcomeOf, type MatchJob } from './execute.js';
import { runTournament } from './run.js';
import { scheduleTournament } from './schedule.js';

/**
 * What the tournament machinery costs on top of the model calls and the game rules, measured side by side:
 * 1. per match and per call at zero latency: runTournament (LLM seats, one match at a time, SQLite store) against
 *    the same matches without store or scheduling, the same requests sent bare (`plainPost`, the transport's HTTP
 *    client), and the same games' moves replayed through the bare rules;
 * 2. (LLM matches in flight against a server with latency: `arena/llm/in-flight.bench.ts`, per protocol;)
 * 3. the store's write rate with real traces, and how planning, the pending query and writes scale to 10,000.
 */

/** The scripted model: always the first legal move, so every tic-tac-toe game lasts exactly seven plies. */
function firstLegalMove(body: ChatRequestBody): string {
  const prompt = body.messages?.at(-1)?.content ?? '';
  const legal = /LEGAL MOVES \([^)]*\)\n(.*)/.exec(prompt)?.[1]?.split(', ') ?? [];
  return `{"plan": "fill the board in order", "move": "${legal[0] ?? 'a1'}"}`;
}

interface Cost {
  readonly wall: number;
  readonly cpu: number;
}

async function measure(run: () => Promise<unknown> | unknown): Promise<Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function llmEnv(url: string, concurrency: number): AgentEnv {
  const entry = { base_url: url, model: 'scripted', api_key_env: null, concurrency, retries: 2, retry_base_ms: 10, retry_max_ms: 100, timeout_s: 30 };
  return { models: { 'model-a': entry, 'model-b': entry } };
}

function ticTacToe(name: string, agents: Record<string, string>, repetitions: number, matches: number, workers = 1): TournamentConfig {
  return checkTournamentConfig(
    { name, seed: 7, games: [{ id: 'tic-tac-toe', games: 1 }], agents, repetitions, concurrency: { matches, workers }, cache: 'off' },
    'bench',
    name,
  );
}

const LLM_PAIR = { a: 'llm:model-a', b: 'llm:model-b' };

/** Replays a move trace's games through the bare rules: the game logic the match needed, nothing else. */
function replayRules(events: readonly TraceEvent[]): number {
  const start = events[0];
  if (start?.type !== 'match_start') throw new Error('trace has no match_start');
  const spec = start.spec as MoveMatchSpec;
  const rules = resolveMoveGame(spec.game, spec.params).rules;
  let state: unknown = null;
  let game = -1;
  let moves = 0;
  for (const e of events) {
    if (e.type !== 'move') continue;
    if (e.gameIndex !== game) {
      game = e.gameIndex;
      state = rules.initial();
    }
    rules.legalActions(state);
    const parsed = rules.parseAction(state, e.action);
    if (!parsed.ok) throw new Error(`replay: ${parsed.reason}`);
    state = rules.apply(state, parsed.action);
    rules.isTerminal(state);
    moves++;
  }
  return moves;
}

const ROUNDS = 7;

const ms = (v: number): string => `${v.toFixed(3)} ms`;

/** The scripted model's policy as a local agent: the same games with no prompt, request or reply parsing. */
const firstLegalAgent: Agent = {
  id: 'first-legal',
  kind: 'bench',
  decideMove: (request) => Promise.resolve({ text: request.game.actionText(request.state, request.legal[0]), usage: ZERO_USAGE }),
};

/**
 * Part 1: orchestration overhead at zero latency, one match at a time. The server runs in its own process so the
 * CPU figures are the arena's alone; the bodies of the bare requests are the ones the matches send
 * (captured once from an in-process server: the script is deterministic, so they are the same requests).
 */
async function overhead(dir: string, results: BenchResult[]): Promise<TraceEvent[][]> {
  const repetitions = 10;
  const jobs: MatchJob[] = scheduleTournament(ticTacToe('jobs', LLM_PAIR, repetitions, 1)).map((m) => ({ key: m.key, family: m.family, spec: m.spec as MatchJob['spec'] }));
  const matches = jobs.length;
  const capture = await startTestServer({ behaviour: { kind: 'script', reply: firstLegalMove } });
  const traces: TraceEvent[][] = [];
  let bodies: string[];
  try {
    for (const job of jobs) traces.push(await executeMatch(job, llmEnv(capture.url, 64)));
    bodies = capture.requests.map((r) => JSON.stringify(r.body));
  } finally {
    await capture.close();
  }
  const calls = bodies.length;
  const server = await childServer(0, 'first-legal');
  const store = new Store(join(dir, 'overhead.db'));
  try {
    const env = llmEnv(server.url, 64);
    // Warm-up: module loading, JIT, the connection pool.
    await runTournament(ticTacToe('warm', LLM_PAIR, 4, 1), { store, env, quiet: true });
    const bare = async (): Promise<void> => {
      for (const body of bodies) await plainPost(server.url, body);
    };
    const local = async (): Promise<void> => {
      for (const job of jobs) await runMoveMatch(job.spec as MoveMatchSpec, [firstLegalAgent, firstLegalAgent], { matchId: job.key });
    };
    const localMoves = (await runMoveMatch(jobs[0]?.spec as MoveMatchSpec, [firstLegalAgent, firstLegalAgent])).filter((e) => e.type === 'move').length;
    if (localMoves !== traces[0]?.filter((e) => e.type === 'move').length) throw new Error('the local agent does not replay the scripted model');
    const rounds: { t: Cost; x: Cost; f: Cost; r: Cost; l: Cost }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const f = await measure(bare);
      const t = await measure(() => runTournament(ticTacToe(`seq-${round}`, LLM_PAIR, repetitions, 1), { store, env, quiet: true }));
      const x = await measure(async () => {
        for (const job of jobs) await executeMatch(job, env);
      });
      const l = await measure(local);
      const r = await measure(() => traces.forEach(replayRules));
      rounds.push({ t, x, f, r, l });
    }
    const check = store.counts('seq-0');
    if (check.completed !== matches) throw new Error(`expected ${matches} completed LLM matches, got ${JSON.stringify(check)}`);
    // Differences are taken within each round (the rows ran back to back), then the median over rounds.
    const pick = (k: 'wall' | 'cpu', f: (v: { t: number; x: number; f: number; r: number; l: number }) => number): number =>
      median(rounds.map((v) => f({ t: v.t[k], x: v.x[k], f: v.f[k], r: v.r[k], l: v.l[k] })));
    const both = (f: (v: { t: number; x: number; f: number; r: number; l: number }) => number): Cost => ({ wall: pick('wall', f), cpu: pick('cpu', f) });
    const [t, x, f, r, l] = [both((v) => v.t), both((v) => v.x), both((v) => v.f), both((v) => v.r), both((v) => v.l)];
    const total = both((v) => v.t - v.f - v.r);
    const storeSched = both((v) => v.t - v.x);
    const agentPart = both((v) => v.x - v.l - v.f);
    const runnerPart = both((v) => v.l - v.r);
    const ratio = both((v) => v.t / (v.f + v.r));
    const spread = (k: 'wall' | 'cpu'): string => {
      const d = rounds.map((v) => (v.t[k] - v.f[k] - v.r[k]) / calls).sort((a, b) => a - b);
      return `${ms(d[0] ?? Number.NaN)}..${ms(d.at(-1) ?? Number.NaN)}`;
    };
    const size = `${matches} tic-tac-toe matches llm vs llm, ${calls} calls (${(calls / matches).toFixed(1)}/match), one at a time, server in a child process, ${ROUNDS} interleaved rounds, medians`;
    const per = (c: Cost, n: number): string => `wall ${ms(c.wall / n)}, CPU ${ms(c.cpu / n)}`;
    results.push(
      { name: 'runTournament, LLM seats, zero latency', value: t.wall / matches, unit: 'ms/match', note: `${size}; per call ${per(t, calls)}; CPU ${ms(t.cpu / matches)}/match` },
      { name: '  executeMatch alone (no store, no scheduling)', value: x.wall / matches, unit: 'ms/match', note: `per call ${per(x, calls)}` },
      { name: '  same games, local scripted agent (no model, no store)', value: l.wall / matches, unit: 'ms/match', note: `per move ${per(l, calls)}: runner, boardgame.io, trace` },
      { name: '  bare requests, the same ones', value: f.wall / calls, unit: 'ms/call', note: `CPU ${ms(f.cpu / calls)}/call (client side only)` },
      { name: '  bare rules replay of the same games', value: r.wall / matches, unit: 'ms/match', note: `CPU ${ms(r.cpu / matches)}/match` },
      { name: 'orchestration overhead per match (tournament - requests - rules)', value: total.wall / matches, unit: 'ms/match', note: `CPU ${ms(total.cpu / matches)}; tournament / bare = ${ratio.wall.toFixed(2)}x wall, ${ratio.cpu.toFixed(2)}x CPU` },
      { name: 'orchestration overhead per model call', value: total.wall / calls, unit: 'ms/call', note: `CPU ${ms(total.cpu / calls)}; bare call wall ${ms(f.wall / calls)}, CPU ${ms(f.cpu / calls)}; rounds ranged wall ${spread('wall')}, CPU ${spread('cpu')}` },
      { name: '  of which store + scheduling + progress', value: storeSched.wall / matches, unit: 'ms/match', note: `tournament - execute; CPU ${ms(storeSched.cpu / matches)}/match` },
      { name: '  of which LLM agent + transport beyond a bare request', value: agentPart.wall / calls, unit: 'ms/call', note: `execute - local - requests; CPU ${ms(agentPart.cpu / calls)}/call` },
      { name: '  of which move runner + boardgame.io + trace', value: runnerPart.wall / calls, unit: 'ms/call', note: `local - rules; CPU ${ms(runnerPart.cpu / calls)}/call` },
    );
    return traces;
  } finally {
    store.close();
    server.stop();
  }
}

/** Part 3: store writes with real traces, and planning / pending-query cost at 100 to 10,000 matches. */
async function storeScaling(dir: string, results: BenchResult[], llmTrace: readonly TraceEvent[]): Promise<void> {
  const job = scheduleTournament(ticTacToe('shape', LLM_PAIR, 1, 1))[0] as PlannedMatch;
  const outcome = outcomeOf(llmTrace);
  const bytes = Buffer.byteLength(llmTrace.map((e) => JSON.stringify(e)).join('\n'));
  for (const n of [100, 1000, 10_000]) {
    const path = join(dir, `scale-${n}.db`);
    const store = new Store(path);
    try {
      store.createRun({ id: 'r', name: 'r', kind: 'bench', config: {}, configHash: 'x', seed: 1 });
      const planned: PlannedMatch[] = Array.from({ length: n }, (_, i) => ({ ...job, key: `${job.key}#${i}`, ord: i }));
      const plan = await measure(() => store.planMatches('r', planned));
      let pending: { match_key: string; spec_json: string }[] = [];
      const query = await measure(() => {
        pending = store.pendingMatches('r');
        for (const m of pending) JSON.parse(m.spec_json);
      });
      const write = await measure(() => {
        for (const m of pending) store.recordMatch('r', m.match_key, outcome, llmTrace);
      });
      const after = await measure(() => store.pendingMatches('r'));
      if (store.counts('r').completed !== n) throw new Error(`expected ${n} completed matches`);
      results.push(
        { name: `store.recordMatch, ${n} matches`, value: n / (write.wall / 1000), unit: 'matches/s', note: `${ms(write.wall / n)}/match, CPU ${ms(write.cpu / n)}; LLM tic-tac-toe trace of ${llmTrace.length} events, ${(bytes / 1024).toFixed(1)} KB JSON` },
        { name: `  planMatches + pendingMatches (+ spec parse), ${n}`, value: (plan.wall + query.wall) / n, unit: 'ms/match', note: `plan ${ms(plan.wall)}, pending ${ms(query.wall)}, pending when all done ${ms(after.wall)}` },
      );
    } finally {
      store.close();
    }
  }
}

/** Part 3b: runTournament per-match cost with built-in agents as the run grows (no model: pure orchestration + rules). */
async function tournamentScaling(dir: string, results: BenchResult[]): Promise<void> {
  const store = new Store(join(dir, 'scaling.db'));
  try {
    for (const matches of [100, 1000]) {
      const cost = await measure(() => runTournament(ticTacToe(`scale-${matches}`, { a: 'random', b: 'random' }, matches / 2, 64), { store, env: {}, quiet: true }));
      results.push({ name: `runTournament, built-in random agents, ${matches} matches`, value: cost.wall / matches, unit: 'ms/match', note: `CPU ${ms(cost.cpu / matches)}/match; one thread (workers 1)` });
    }
  } finally {
    store.close();
  }
}

export async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arena-tournament-bench-'));
  const results: BenchResult[] = [];
  try {
    const traces = await overhead(dir, results);
    const trace = traces[0];
    if (trace === undefined) throw new Error('no LLM trace recorded');
    await storeScaling(dir, results, trace);
    await tournamentScaling(dir, results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
