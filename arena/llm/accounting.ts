import type { Usage } from '../trace/usage.js';
import type { ChatResult } from './chat.js';

/** US dollars per million input and output tokens, and per million cached input tokens where the provider discounts them. */
export interface Price {
  readonly input: number;
  readonly output: number;
  /** Input tokens the provider reported as served from its prompt cache; default: the input price. */
  readonly cached_input?: number | undefined;
}

/**
 * Price of one call at the configured per-million rates, from the token fields the provider returned: cached prompt
 * tokens at `cached_input` (when configured), the rest of the prompt at `input`, and the completion (reasoning
 * tokens included, as providers bill them) at `output`.
 */
export function callCost(tokens: ChatResult['tokens'], price: Price): number {
  const cached = Math.min(tokens.cached ?? 0, tokens.prompt);
  return ((tokens.prompt - cached) * price.input + cached * (price.cached_input ?? price.input) + tokens.completion * price.output) / 1_000_000;
}

/**
 * The Usage of one model call. `wallMs` is the latency of the successful attempt: the model's own time, without
 * queueing for a concurrency slot or waiting between retries (infrastructure time is never scored).
 */
export function callUsage(result: ChatResult, price: Price): Usage {
  return {
    calls: 1,
    promptTokens: result.tokens.prompt,
    completionTokens: result.tokens.completion,
    reasoningTokens: result.tokens.reasoning,
    wallMs: result.latencyMs,
    costUsd: callCost(result.tokens, price),
    retries: result.retries,
    simulations: 0,
    ...(result.tokens.cached !== undefined ? { cachedTokens: result.tokens.cached } : {}),
  };
}

/** The per-decision token budget report (generated tokens, reasoning included), for move-game OBR. */
export function tokenBudgetMeta(result: ChatResult, budget: number | undefined): Record<string, unknown> {
  if (budget === undefined) return {};
  return { tokenBudget: budget, tokensUsed: result.tokens.completion, overTokenBudget: result.tokens.completion > budget };
}
