import type { ChatMessage, ChatResult } from './chat.js';

/**
 * `history: conversation`: one chat per match. Each request is the system message, the earlier turns (user messages
 * and the model's reply, byte for byte as received) and the new turn's user messages. With `context_tokens`, the
 * oldest turns are dropped (for good) while the chat is estimated above the limit, by a fixed rule: ceil(UTF-16
 * characters / 4) over every message's content. What was kept and dropped is traced on each decision.
 */

export type Turn = readonly ChatMessage[];

/** The fixed token estimate of a chat: ceil(characters / 4) over the contents. */
export function estimateTokens(messages: readonly ChatMessage[]): number {
  return Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
}

export interface Conversation {
  /** The request's messages. */
  readonly messages: ChatMessage[];
  /** The turns kept (the oldest ones over the limit dropped). */
  readonly turns: readonly Turn[];
  /** The new turn's user messages (what joins the history with the reply). */
  readonly asked: readonly ChatMessage[];
  /** `meta.history` of the decision. */
  readonly trace: { readonly turns: number; readonly dropped: number; readonly estimatedTokens: number };
}

export function conversation(turns: readonly Turn[], prompt: readonly ChatMessage[], contextTokens: number | undefined): Conversation {
  const system = prompt.filter((m) => m.role === 'system');
  const asked = prompt.filter((m) => m.role !== 'system');
  let kept = turns;
  const build = (): ChatMessage[] => [...system, ...kept.flat(), ...asked];
  let dropped = 0;
  while (contextTokens !== undefined && kept.length > 0 && estimateTokens(build()) > contextTokens) {
    kept = kept.slice(1);
    dropped++;
  }
  const messages = build();
  return { messages, turns: kept, asked, trace: { turns: kept.length, dropped, estimatedTokens: estimateTokens(messages) } };
}

/** The reply as it joins the chat: its content, or the arguments of its function call when it had no content. */
export function assistantText(result: ChatResult): string {
  return result.content !== '' ? result.content : (result.toolCalls?.[0]?.arguments ?? '');
}
