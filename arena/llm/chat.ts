import { z } from 'zod';

/** A function call as an assistant message in the chat carries it (OpenAI chat format). */
export interface ChatToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/**
 * One chat message as sent to an OpenAI-compatible endpoint: a system or user text; the model's reply (its text,
 * null when it only called functions, and its function calls); or the result of one of those calls, answering it by
 * `tool_call_id`.
 */
export type ChatMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string | null; readonly tool_calls?: readonly ChatToolCall[] }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string };

/** Token counts of one completion as the endpoint reported them (zeros and `reported: false` when it did not). */
export interface TokenCounts {
  readonly prompt: number;
  readonly completion: number;
  /** Reasoning tokens, already included in `completion` (OpenAI's `completion_tokens_details.reasoning_tokens`). */
  readonly reasoning: number;
  /**
   * Prompt tokens served from the provider's prompt cache, already included in `prompt` (OpenAI, OpenRouter, Gemini:
   * `prompt_tokens_details.cached_tokens`; DeepSeek: `prompt_cache_hit_tokens`); absent when none were reported.
   */
  readonly cached?: number;
  readonly reported: boolean;
}

/**
 * One function call of a reply: the function's name and its arguments as the JSON text the model wrote, and the
 * call's id when the endpoint gave one.
 */
export interface ToolCall {
  readonly id?: string;
  readonly name: string;
  readonly arguments: string;
}

/** What one successful chat completion returned, plus how long it took. This is also what the cache stores. */
export interface ChatResult {
  /** The assistant message text ('' when the model returned none). */
  readonly content: string;
  /** The separate `reasoning_content` / `reasoning` field ('' when absent). */
  readonly reasoning: string;
  /** The message's `refusal` field, when the endpoint set one. */
  readonly refusal: string | null;
  readonly finishReason: string | null;
  /** The model name the endpoint reported. */
  readonly model: string | null;
  readonly tokens: TokenCounts;
  /** Wall time of the successful attempt (request sent to body read), in whole milliseconds. */
  readonly latencyMs: number;
  /** Failed attempts before the successful one. */
  readonly retries: number;
  /** The message's function calls, when it made any. */
  readonly toolCalls?: readonly ToolCall[];
}

const count = z.number().nonnegative().nullable().optional();
const text = z.string().nullable().optional();
const contentPart = z.object({ type: z.string().optional(), text: z.string().optional() });

/** Token usage as OpenAI-compatible servers report it (complete replies and the last chunk of a stream). */
export const usageSchema = z
  .object({
    prompt_tokens: count,
    completion_tokens: count,
    completion_tokens_details: z.object({ reasoning_tokens: count }).nullable().optional(),
    prompt_tokens_details: z.object({ cached_tokens: count }).nullable().optional(),
    prompt_cache_hit_tokens: count,
  })
  .nullable()
  .optional();

/** The token counts of a usage object (zeros and `reported: false` without one). */
export function tokenCounts(usage: z.output<typeof usageSchema>): TokenCounts {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? usage?.prompt_cache_hit_tokens ?? 0;
  return {
    prompt: usage?.prompt_tokens ?? 0,
    completion: usage?.completion_tokens ?? 0,
    reasoning: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    reported: usage !== undefined && usage !== null,
    ...(cached > 0 ? { cached } : {}),
  };
}

/** The parts of a chat-completions response the arena uses; everything else is ignored. */
export const completionSchema = z.object({
  model: z.string().nullable().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.union([z.string(), z.array(contentPart)]).nullable().optional(),
          reasoning_content: text,
          reasoning: text,
          refusal: text,
          tool_calls: z
            .array(
              z.object({
                id: z.string().nullable().optional(),
                function: z.object({ name: z.string(), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullable().optional() }),
              }),
            )
            .nullable()
            .optional(),
        }),
        finish_reason: text,
      }),
    )
    .min(1),
  usage: usageSchema,
});

export type Completion = z.output<typeof completionSchema>;

/**
 * Finish reasons meaning "cut off at the completion-token limit": OpenAI-compatible servers say `length`; some
 * gateways pass the provider's own word through (Anthropic `max_tokens`, Gemini `MAX_TOKENS`, OpenAI Responses
 * `max_output_tokens`).
 */
const TRUNCATION_REASONS = new Set(['length', 'max_tokens', 'max_output_tokens']);

/** Whether a reply was cut off at the token limit (a model outcome, never an infrastructure failure). */
export function isTruncation(finishReason: string | null): boolean {
  return finishReason !== null && TRUNCATION_REASONS.has(finishReason.toLowerCase());
}

/** Flattens a validated completion into a ChatResult (the first choice only). */
export function toChatResult(completion: Completion, latencyMs: number, retries: number): ChatResult {
  const choice = completion.choices[0];
  const message = choice?.message;
  const raw = message?.content;
  const content = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.map((part) => part.text ?? '').join('') : '';
  const usage = completion.usage;
  // Some servers (Ollama's native shape) send arguments as an object rather than JSON text.
  const toolCalls = message?.tool_calls?.map((c) => ({
    ...(typeof c.id === 'string' && c.id !== '' ? { id: c.id } : {}),
    name: c.function.name,
    arguments: typeof c.function.arguments === 'string' ? c.function.arguments : JSON.stringify(c.function.arguments ?? {}),
  }));
  return {
    content,
    reasoning: message?.reasoning_content ?? message?.reasoning ?? '',
    refusal: message?.refusal ?? null,
    finishReason: choice?.finish_reason ?? null,
    model: completion.model ?? null,
    tokens: tokenCounts(usage),
    latencyMs: Math.round(latencyMs),
    retries,
    ...(toolCalls !== undefined && toolCalls.length > 0 ? { toolCalls } : {}),
  };
}
