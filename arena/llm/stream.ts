import { z } from 'zod';
import type { ChatResult, ToolCall } from './chat.js';
import { usageSchema, tokenCounts } from './chat.js';

/**
 * Assembles a streamed chat completion (server-sent `chat.completion.chunk` events) into the ChatResult a complete
 * response would have given: content, the separate reasoning deltas (`reasoning_content` or `reasoning`), refusal,
 * tool calls joined by index, the last finish reason, the model and the usage of the final chunk.
 */

const text = z.string().nullable().optional();
const contentDelta = z.union([z.string(), z.array(z.object({ text: z.string().optional() }))]).nullable().optional();

const chunkSchema = z.object({
  model: z.string().nullable().optional(),
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z
          .object({
            content: contentDelta,
            reasoning_content: text,
            reasoning: text,
            refusal: text,
            tool_calls: z
              .array(
                z.object({
                  index: z.number().optional(),
                  id: text,
                  function: z.object({ name: text, arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullable().optional() }).optional(),
                }),
              )
              .nullable()
              .optional(),
          })
          .nullable()
          .optional(),
        finish_reason: text,
      }),
    )
    .nullable()
    .optional(),
  usage: usageSchema,
  error: z.union([z.string(), z.object({ message: z.string().optional() })]).optional(),
});

/** An event the stream carried that is not a chunk: an `error` object (gateways report failures mid-stream this way). */
export class StreamError extends Error {
  override readonly name = 'StreamError';
}

export class StreamAssembler {
  #content = '';
  #reasoning = '';
  #refusal = '';
  #finish: string | null = null;
  #model: string | null = null;
  #usage: z.output<typeof usageSchema> = undefined;
  #choices = 0;
  readonly #calls = new Map<number, { id: string; name: string; arguments: string }>();

  /** Adds one event's data (JSON text); throws StreamError for an error event, SyntaxError for data that is not JSON. */
  add(data: string): void {
    const parsed = chunkSchema.safeParse(JSON.parse(data));
    if (!parsed.success) return;
    const chunk = parsed.data;
    if (chunk.error !== undefined) throw new StreamError(typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'error event in the stream'));
    if (chunk.model) this.#model = chunk.model;
    if (chunk.usage) this.#usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue;
      this.#choices++;
      const d = choice.delta;
      if (d) {
        const c = d.content;
        this.#content += typeof c === 'string' ? c : Array.isArray(c) ? c.map((p) => p.text ?? '').join('') : '';
        this.#reasoning += d.reasoning_content ?? d.reasoning ?? '';
        this.#refusal += d.refusal ?? '';
        for (const call of d.tool_calls ?? []) {
          const i = call.index ?? 0;
          const prev = this.#calls.get(i) ?? { id: '', name: '', arguments: '' };
          const args = call.function?.arguments;
          // The id comes once, with the call's first delta (some servers repeat it: the first is kept).
          this.#calls.set(i, { id: prev.id || (call.id ?? ''), name: prev.name + (call.function?.name ?? ''), arguments: prev.arguments + (typeof args === 'string' ? args : args ? JSON.stringify(args) : '') });
        }
      }
      if (choice.finish_reason) this.#finish = choice.finish_reason;
    }
  }

  /** Whether any choice arrived (a stream without one is no completion). */
  get complete(): boolean {
    return this.#choices > 0;
  }

  result(latencyMs: number): ChatResult {
    const toolCalls: ToolCall[] = [...this.#calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => (c.id === '' ? { name: c.name, arguments: c.arguments } : c));
    return {
      content: this.#content,
      reasoning: this.#reasoning,
      refusal: this.#refusal === '' ? null : this.#refusal,
      finishReason: this.#finish,
      model: this.#model,
      tokens: tokenCounts(this.#usage),
      latencyMs: Math.round(latencyMs),
      retries: 0,
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
    };
  }
}
