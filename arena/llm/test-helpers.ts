import { towerDefense } from '../../games/tower-defense/index.js';
import { createTicTacToe } from '../../games/tic-tac-toe/index.js';
import { renderPlanPrompt } from '../../games/core/prompt.js';
import { createRng } from '../../games/core/rng.js';
import type { AgentContext, MoveRequest, PlanRequest } from '../agents/agent.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { createLlmAgent, type LlmAgent } from './agent.js';
import type { LlmCache } from './cache.js';

/** Requests, contexts and agents wired to a test server, shared by this folder's tests and benchmark. */

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
