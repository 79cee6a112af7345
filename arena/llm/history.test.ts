import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatResult } from './chat.js';
import { callId, conversation, EMPTY_CHAT, estimateTokens, makeTurn, UNREAD_CALL, withTurn, type ChatState, type ContextPolicy } from './history.js';
import { SUMMARY_HEADER, SUMMARY_LINE_CHARS, SUMMARY_MAX_LINES, summaryLine, summaryMessage } from './summary.js';

const result = (content: string, toolCalls?: ChatResult['toolCalls']): ChatResult => ({
  content,
  reasoning: '',
  refusal: null,
  finishReason: toolCalls ? 'tool_calls' : 'stop',
  model: 'm',
  tokens: { prompt: 0, completion: 0, reasoning: 0, reported: false },
  latencyMs: 0,
  retries: 0,
  ...(toolCalls ? { toolCalls } : {}),
});

const system: ChatMessage = { role: 'system', content: 'You play.' };
const user = (text: string): ChatMessage => ({ role: 'user', content: text });
const settings = (policy: ContextPolicy, contextTokens?: number) => ({ contextTokens, policy, summarise: summaryMessage });

/** Plays `n` turns of a text conversation (each user message and reply 400 characters) under a policy. */
function play(n: number, policy: ContextPolicy, contextTokens?: number) {
  let chat: ChatState = EMPTY_CHAT;
  const requests: ReturnType<typeof conversation>[] = [];
  for (let i = 1; i <= n; i++) {
    const c = conversation(chat, [system, user(`ask ${i} `.padEnd(400, '.'))], settings(policy, contextTokens), `outcome of ${i - 1}`);
    requests.push(c);
    const turn = makeTurn({ n: c.state.made + 1, asked: c.asked, result: result(`reply ${i} `.padEnd(400, '!')), toolMode: false, read: -1, label: `ply ${i}`, answer: `m${i}` });
    chat = withTurn(c.state, turn);
  }
  return requests;
}

describe('conversation history', () => {
  it('drop: forgets the oldest turns over the limit and traces how many, with no summary', () => {
    const last = play(6, 'drop', 600).at(-1);
    expect(last?.trace).toEqual({ turns: 2, dropped: 1, estimatedTokens: estimateTokens(last?.messages ?? []) });
    expect(last?.messages.map((m) => m.content?.slice(0, 8))).toEqual(['You play', 'ask 4 ..', 'reply 4 ', 'ask 5 ..', 'reply 5 ', 'ask 6 ..']);
  });

  it('summarise: replaces the oldest turns by one summary message after the system message, built by the fixed rule', () => {
    const requests = play(6, 'summarise', 700);
    const last = requests.at(-1);
    const messages = last?.messages ?? [];
    expect(messages[0]).toEqual(system);
    const summary = messages[1];
    expect(summary?.role).toBe('user');
    const first = last?.state.summarised[0]?.n ?? 0;
    const upTo = last?.state.summarised.at(-1)?.n ?? 0;
    expect(first).toBe(1);
    expect(summary?.content).toBe(
      [
        SUMMARY_HEADER,
        `Turns 1-${upTo} of this chat were replaced by this summary to fit the context: one line per turn, with your answer and what followed.`,
        ...Array.from({ length: upTo }, (_, i) => `- Turn ${i + 1} (ply ${i + 1}): you answered m${i + 1}; then: outcome of ${i + 1}`),
      ].join('\n'),
    );
    // Only one summary message, then whole turns, then the new turn; the chat fits unless nothing is left to remove.
    expect(messages.filter((m) => m.content?.startsWith(SUMMARY_HEADER))).toHaveLength(1);
    expect(messages.at(-1)?.content?.startsWith('ask 6')).toBe(true);
    expect(last?.trace).toEqual({ turns: 5 - upTo, dropped: expect.any(Number), estimatedTokens: estimateTokens(messages), policy: 'summarise', summary: { turns: [1, upTo], estimatedTokens: estimateTokens([summary as ChatMessage]) } });
    expect((last?.trace.estimatedTokens ?? 0) <= 700 || last?.trace.turns === 0).toBe(true);
    // Every request that summarised also says so, and the summarised range only grows.
    const ranges = requests.map((r) => r.trace.summary?.turns[1] ?? 0);
    expect(ranges).toEqual([...ranges].sort((a, b) => a - b));
    expect(ranges.at(-1)).toBe(upTo);
  });

  it('summarise: the same turns give the same request byte for byte', () => {
    expect(JSON.stringify(play(8, 'summarise', 650))).toBe(JSON.stringify(play(8, 'summarise', 650)));
  });

  it('summarise: lines are cut to a fixed size and only the latest turns are listed', () => {
    const turn = (n: number) => ({ n, messages: [], calls: [], read: -1, label: `ply ${n}`, answer: 'x\n'.repeat(300), outcome: 'ok' });
    const line = summaryLine(turn(1));
    expect(Array.from(line)).toHaveLength(SUMMARY_LINE_CHARS);
    expect(line.endsWith('…')).toBe(true);
    expect(line).not.toContain('\n');
    const many = Array.from({ length: SUMMARY_MAX_LINES + 5 }, (_, i) => turn(i + 1));
    const lines = summaryMessage(many).content?.split('\n') ?? [];
    expect(lines).toHaveLength(2 + 1 + SUMMARY_MAX_LINES);
    expect(lines[2]).toBe('- Turns 1-5: not listed.');
    expect(lines[3]?.startsWith('- Turn 6 (ply 6)')).toBe(true);
  });

  it('tool mode: a reply with calls stays a call, answered by tool messages once the next request tells the outcome', () => {
    const ask1 = conversation(EMPTY_CHAT, [system, user('move 1')], settings('drop'), 'unused');
    const calls = [
      { id: 'call_abc', name: 'play_move', arguments: '{"plan":"p","move":"b2"}' },
      { name: 'note', arguments: '{}' },
    ];
    const turn = makeTurn({ n: 1, asked: ask1.asked, result: result('', calls), toolMode: true, read: 0, label: 'ply 1', answer: 'b2' });
    const ask2 = conversation(withTurn(ask1.state, turn), [system, user('move 2')], settings('drop'), 'accepted');
    const generated = callId(1, 1, 'note', '{}');
    expect(generated).toMatch(/^call_[0-9a-f]{24}$/);
    expect(ask2.messages).toEqual([
      system,
      user('move 1'),
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_abc', type: 'function', function: { name: 'play_move', arguments: '{"plan":"p","move":"b2"}' } },
          { id: generated, type: 'function', function: { name: 'note', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_abc', content: 'accepted' },
      { role: 'tool', tool_call_id: generated, content: UNREAD_CALL },
      user('move 2'),
    ]);
    // The estimate counts the calls' names and arguments.
    expect(estimateTokens(ask2.messages)).toBe(Math.ceil((9 + 6 + 'play_move'.length + 24 + 4 + 2 + 8 + UNREAD_CALL.length + 6) / 4));
    // Text modes keep the reply as text (its content, or the call's arguments without content).
    const text = makeTurn({ n: 1, asked: [], result: result('', calls), toolMode: false, read: 0, label: '', answer: '' });
    expect(text.messages).toEqual([{ role: 'assistant', content: '{"plan":"p","move":"b2"}' }]);
  });
});
