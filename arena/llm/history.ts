import { createHash } from 'node:crypto';
import type { ChatMessage, ChatResult, ChatToolCall } from './chat.js';

/**
 * `history: conversation`: one chat per match. Each request is the system message, the earlier turns (user messages
 * and the model's reply, byte for byte as received) and the new turn's user messages. In tool mode a reply that
 * called a function stays a function call: the assistant message carries `tool_calls` (the endpoint's call ids, or
 * deterministic ones when it gave none) and is followed by one `tool` message per call with what followed it.
 *
 * With `context_tokens`, while the chat is estimated above the limit (ceil(UTF-16 characters / 4) over every
 * message's content and function-call name and arguments) the oldest turns leave it, for good, by the
 * `context_policy`: `drop` forgets them; `summarise` replaces all of them by one summary message built by a fixed
 * rule (summary.ts) right after the system message. What was kept, dropped and summarised is traced per decision.
 */

export const CONTEXT_POLICIES = ['drop', 'summarise'] as const;
export type ContextPolicy = (typeof CONTEXT_POLICIES)[number];

/** The tool message of a call that was not the one read as the answer. */
export const UNREAD_CALL = 'Not read: one call per turn is read as the answer.';

/** One earlier turn of the chat. */
export interface Turn {
  /** Its number in the match's chat (1 = the first decision). */
  readonly n: number;
  /** The turn's user messages and the model's reply. */
  readonly messages: readonly ChatMessage[];
  /** Tool mode: the ids of the reply's function calls, each answered by a tool message. */
  readonly calls: readonly string[];
  /** Which call was read as the answer (-1: none). */
  readonly read: number;
  /** Where in the match the turn was, e.g. `game 1, ply 3` (summary lines). */
  readonly label: string;
  /** The answer read from the reply, e.g. the move (summary lines). */
  readonly answer: string;
  /** What followed the answer, known from the next request (accepted, rejected and why, the round's result). */
  readonly outcome?: string;
}

/** The chat of one match so far. */
export interface ChatState {
  /** The turns still in the chat, oldest first. */
  readonly turns: readonly Turn[];
  /** `summarise`: the turns the summary stands for, oldest first (always turns 1..k). */
  readonly summarised: readonly Turn[];
  /** Turns made so far (kept, dropped or summarised). */
  readonly made: number;
}

export const EMPTY_CHAT: ChatState = { turns: [], summarised: [], made: 0 };

/** The fixed token estimate of a chat: ceil(characters / 4) over the contents and function calls. */
export function estimateTokens(messages: readonly ChatMessage[]): number {
  let chars = 0;
  for (const m of messages) {
    chars += m.content?.length ?? 0;
    if (m.role === 'assistant') for (const c of m.tool_calls ?? []) chars += c.function.name.length + c.function.arguments.length;
  }
  return Math.ceil(chars / 4);
}

/** A turn's messages: its user messages, the reply and, for function calls, one tool message each. */
export function turnMessages(turn: Turn): ChatMessage[] {
  const results = turn.calls.map((id, i): ChatMessage => ({ role: 'tool', tool_call_id: id, content: i === turn.read ? (turn.outcome ?? '') : UNREAD_CALL }));
  return [...turn.messages, ...results];
}

export interface HistoryTrace {
  readonly turns: number;
  readonly dropped: number;
  readonly estimatedTokens: number;
  /** `summarise` only. */
  readonly policy?: 'summarise';
  /** The turns the summary message stands for ([first, last]) and its token estimate; absent without a summary. */
  readonly summary?: { readonly turns: readonly [number, number]; readonly estimatedTokens: number };
}

export interface Conversation {
  /** The request's messages. */
  readonly messages: ChatMessage[];
  /** The chat after this request's trimming (the new turn joins it with the reply). */
  readonly state: ChatState;
  /** The new turn's user messages (what joins the history with the reply). */
  readonly asked: readonly ChatMessage[];
  /** `meta.history` of the decision. */
  readonly trace: HistoryTrace;
}

export interface ContextSettings {
  readonly contextTokens: number | undefined;
  readonly policy: ContextPolicy;
  /** Builds the summary message of the summarised turns (summary.ts). */
  readonly summarise: (turns: readonly Turn[]) => ChatMessage;
}

/**
 * The request of a new turn. `outcome` is what followed the previous turn's answer (it is set on that turn first,
 * so its tool message and summary line say it); then the oldest turns leave the chat while it is over the limit.
 */
export function conversation(chat: ChatState, prompt: readonly ChatMessage[], settings: ContextSettings, outcome: string): Conversation {
  const last = chat.turns.at(-1);
  let kept = last === undefined || last.outcome !== undefined ? chat.turns : [...chat.turns.slice(0, -1), { ...last, outcome }];
  let summarised = chat.summarised;
  const system = prompt.filter((m) => m.role === 'system');
  const asked = prompt.filter((m) => m.role !== 'system');
  const summarise = settings.policy === 'summarise';
  const build = (): { messages: ChatMessage[]; summary: ChatMessage | undefined } => {
    const summary = summarise && summarised.length > 0 ? settings.summarise(summarised) : undefined;
    return { messages: [...system, ...(summary ? [summary] : []), ...kept.flatMap(turnMessages), ...asked], summary };
  };
  let dropped = 0;
  let built = build();
  while (settings.contextTokens !== undefined && kept.length > 0 && estimateTokens(built.messages) > settings.contextTokens) {
    if (summarise) summarised = [...summarised, kept[0] as Turn];
    kept = kept.slice(1);
    dropped++;
    built = build();
  }
  const { messages, summary } = built;
  const first = summarised[0];
  const lastSummarised = summarised.at(-1);
  const trace: HistoryTrace = {
    turns: kept.length,
    dropped,
    estimatedTokens: estimateTokens(messages),
    ...(summarise ? { policy: 'summarise' as const } : {}),
    ...(summary && first && lastSummarised ? { summary: { turns: [first.n, lastSummarised.n] as const, estimatedTokens: estimateTokens([summary]) } } : {}),
  };
  return { messages, state: { turns: kept, summarised, made: chat.made }, asked, trace };
}

/** The reply as it joins the chat in text modes: its content, or the arguments of its function call when it had no content. */
export function assistantText(result: ChatResult): string {
  return result.content !== '' ? result.content : (result.toolCalls?.[0]?.arguments ?? '');
}

/** A call id for an endpoint that gave none: fixed by the turn, the call's place and its text. */
export function callId(turn: number, index: number, name: string, args: string): string {
  return `call_${createHash('sha256').update(`${turn}\n${index}\n${name}\n${args}`).digest('hex').slice(0, 24)}`;
}

export interface NewTurn {
  readonly n: number;
  readonly asked: readonly ChatMessage[];
  readonly result: ChatResult;
  /** Whether the reply's function calls stay function calls (`answer: tool`). */
  readonly toolMode: boolean;
  /** Which call was read as the answer (-1: none). */
  readonly read: number;
  readonly label: string;
  readonly answer: string;
}

/** The turn a reply makes: in tool mode with calls, an assistant message with `tool_calls`; else the reply's text. */
export function makeTurn(t: NewTurn): Turn {
  const calls = t.toolMode ? (t.result.toolCalls ?? []) : [];
  if (calls.length === 0) {
    return { n: t.n, messages: [...t.asked, { role: 'assistant', content: assistantText(t.result) }], calls: [], read: -1, label: t.label, answer: t.answer };
  }
  const toolCalls: ChatToolCall[] = calls.map((c, i) => ({ id: c.id ?? callId(t.n, i, c.name, c.arguments), type: 'function', function: { name: c.name, arguments: c.arguments } }));
  const reply: ChatMessage = { role: 'assistant', content: t.result.content === '' ? null : t.result.content, tool_calls: toolCalls };
  return { n: t.n, messages: [...t.asked, reply], calls: toolCalls.map((c) => c.id), read: t.read, label: t.label, answer: t.answer };
}

/** The chat with a new turn at its end. */
export function withTurn(chat: ChatState, turn: Turn): ChatState {
  return { turns: [...chat.turns, turn], summarised: chat.summarised, made: chat.made + 1 };
}
