import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { towerDefense } from '../../games/tower-defense/index.js';
import { createTicTacToe } from '../../games/tic-tac-toe/index.js';
import { renderPlanPrompt } from '../../games/core/prompt.js';
import { createRng } from '../../games/core/rng.js';
import type { AgentContext, MoveRequest, PlanRequest } from '../agents/agent.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { createLlmAgent, type LlmAgent } from './agent.js';
import { httpPost, readText } from './http-client.js';
import type { LlmCache } from './cache.js';

/** Requests, contexts, agents and servers for tests and benchmarks against a test server (here and in arena/tournament). */

export function moveRequest(moves: readonly number[] = [], feedback: readonly string[] = []): MoveRequest {
  const game = createTicTacToe();
  let state = game.initial();
  for (const cell of moves) state = game.apply(state, cell);
  return { kind: 'move', game, state, player: game.toMove(state), legal: game.legalActions(state), ply: moves.length, gameIndex: 0, attempt: 1, feedback };
}

export function planRequest(side: 0 | 1 = 0): PlanRequest {
  const config = towerDefense.config();
  const facts = { phase: 'initial' as const, attempt: 1, maxAttempts: towerDefense.initAttempts, budget: config.budgets[side] };
  return {
    kind: 'plan',
    game: towerDefense,
    config,
    side,
    phase: 'initial',
    round: 0,
    attempt: 1,
    maxAttempts: towerDefense.initAttempts,
    feedback: { budget: config.budgets[side] },
    prompt: renderPlanPrompt(towerDefense, config, side, facts),
  };
}

export function context(seed = 1): AgentContext {
  return { rng: createRng(seed) };
}

/** An `llm:test` agent on the server at `url`; `entry` adds or overrides model config fields. */
export function testAgent(
  url: string,
  options: { spec?: string; entry?: Record<string, unknown>; cache?: LlmCache; env?: Record<string, string> } = {},
): LlmAgent {
  const entry = { base_url: url, model: 'test-model', api_key_env: null, retries: 2, retry_base_ms: 1, retry_max_ms: 10, timeout_s: 5, ...options.entry };
  const env = { models: { test: entry }, ...(options.cache === undefined ? {} : { cache: options.cache }) };
  return createLlmAgent(parseAgentSpec(options.spec ?? 'llm:test'), env, options.env ?? {});
}

/** The fixed reply of the benchmarks' servers (in `answer` and `stream` mode). */
export const BENCH_ANSWER = '{"plan": "take the centre", "move": "b2"}';

/**
 * A test server in its own process (so its CPU does not compete with the client's event loop). It is stopped by
 * `stop()`, and in any case when this process exits (its stdin is our pipe, closed on exit however we end).
 */
export async function childServer(latency: number, mode: 'answer' | 'stream' | 'first-legal' = 'answer'): Promise<{ url: string; stop: () => void }> {
  const script = fileURLToPath(new URL('./test-server-main.ts', import.meta.url));
  const flags = mode === 'stream' ? ['--stream'] : mode === 'first-legal' ? ['--first-legal'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--exit-on-stdin-close', '--latency', String(latency), '--text', BENCH_ANSWER, ...flags], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = (): void => {
    process.off('exit', stop);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`test server exited with code ${code}`)));
    });
    lines.close();
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** A plain chat request on the transport's HTTP client, no arena code: the benchmarks' side-by-side baseline. */
export async function plainPost(baseUrl: string, body: string): Promise<unknown> {
  return JSON.parse(await readText((await httpPost(`${baseUrl}/chat/completions`, { 'content-type': 'application/json' }, body)).body)) as unknown;
}
