import type { PromptFacts } from '../../games/core/prompt.js';

/** What one decision consumed. Built-in agents fill `wallMs` and `simulations`; LLM agents fill the token fields. */
export interface Usage {
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly reasoningTokens: number;
  /** Wall time of the decision in milliseconds (recorded, so replays reproduce it). */
  readonly wallMs: number;
  /** Price at the configured per-million-token rates, in US dollars. */
  readonly costUsd: number;
  /** Retries spent on infrastructure failures (never scored). */
  readonly retries: number;
  /** Simulator battles, rollouts or network inferences used by search agents. */
  readonly simulations: number;
  /**
   * Replies the endpoint cut off at the completion-token limit (`finish_reason: length` or the provider's
   * equivalent); absent when none was. A model outcome (truncation rate), never an infrastructure failure.
   */
  readonly truncated?: number;
  /** Prompt tokens the provider served from its prompt cache (inside `promptTokens`); absent when none were reported. */
  readonly cachedTokens?: number;
}

export const ZERO_USAGE: Usage = Object.freeze({
  calls: 0,
  promptTokens: 0,
  completionTokens: 0,
  reasoningTokens: 0,
  wallMs: 0,
  costUsd: 0,
  retries: 0,
  simulations: 0,
});

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
    wallMs: a.wallMs + b.wallMs,
    costUsd: a.costUsd + b.costUsd,
    retries: a.retries + b.retries,
    simulations: a.simulations + b.simulations,
    ...(a.truncated !== undefined || b.truncated !== undefined ? { truncated: (a.truncated ?? 0) + (b.truncated ?? 0) } : {}),
    ...(a.cachedTokens !== undefined || b.cachedTokens !== undefined ? { cachedTokens: (a.cachedTokens ?? 0) + (b.cachedTokens ?? 0) } : {}),
  };
}

/** The facts a revising (or re-asked) side is shown, SPEC §1.5/§1.6 (the prompt facts less the request's own counters). Recorded in the trace as-is. */
export type PlanFeedback = Omit<PromptFacts, 'phase' | 'attempt' | 'maxAttempts'>;
