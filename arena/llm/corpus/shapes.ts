/**
 * Response shapes of the main OpenAI-compatible servers and gateways, complete and streamed, written from each
 * provider's API documentation (field names, finish reasons, where usage, cached and reasoning tokens, refusals and
 * tool calls appear). The local test server serves each verbatim (`{kind: 'raw'}`); `corpus.test.ts` checks what
 * the client makes of it. Bodies are trimmed to the fields the documentation shows; values are made up.
 */

export interface ExpectedReply {
  readonly content: string;
  readonly reasoning?: string;
  readonly refusal?: string | null;
  readonly finishReason: string | null;
  readonly toolCalls?: ReadonlyArray<{ readonly id?: string; readonly name: string; readonly arguments: string }>;
  readonly tokens: { readonly prompt: number; readonly completion: number; readonly reasoning: number; readonly reported: boolean; readonly cached?: number };
}

export interface Shape {
  readonly provider: string;
  readonly name: string;
  /** The documented behaviour the shape shows. */
  readonly note: string;
  readonly status?: number;
  /** A complete JSON body, or the `data:` payloads of a server-sent-event stream (`stream: true`). */
  readonly body: unknown;
  readonly stream?: boolean;
  /** Lines sent as SSE comments before the first event (gateways keep connections alive this way). */
  readonly comments?: readonly string[];
  /** What the client returns, or that the call ends as an infrastructure error whose message contains `infrastructure`. */
  readonly expect: ExpectedReply | { readonly infrastructure: string };
}

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model,
  choices: [{ index: 0, delta, finish_reason: finish, ...extra }],
});

const answer = '{"plan": "take the centre", "move": "b2"}';

export const SHAPES: readonly Shape[] = [
  {
    provider: 'openai',
    name: 'complete with cached and reasoning tokens',
    note: 'usage.prompt_tokens_details.cached_tokens and usage.completion_tokens_details.reasoning_tokens',
    body: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'o4-mini-2025-04-16',
      choices: [{ index: 0, message: { role: 'assistant', content: answer, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 300,
        total_tokens: 1500,
        prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 256, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_1',
    },
    expect: { content: answer, finishReason: 'stop', refusal: null, tokens: { prompt: 1200, completion: 300, reasoning: 256, reported: true, cached: 1024 } },
  },
  {
    provider: 'openai',
    name: 'refusal',
    note: 'structured-output refusals: content null, message.refusal set',
    body: {
      id: 'chatcmpl-2',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o-2024-08-06',
      choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
    },
    expect: { content: '', refusal: "I'm sorry, I can't help with that.", finishReason: 'stop', tokens: { prompt: 50, completion: 10, reasoning: 0, reported: true } },
  },
  {
    provider: 'openai',
    name: 'tool call',
    note: 'message.tool_calls[].function.arguments is JSON text; finish_reason tool_calls; content null',
    body: {
      id: 'chatcmpl-3',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4.1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'play_move', arguments: '{"plan":"centre","move":"b2"}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 80, completion_tokens: 20, total_tokens: 100 },
    },
    expect: { content: '', finishReason: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'play_move', arguments: '{"plan":"centre","move":"b2"}' }], tokens: { prompt: 80, completion: 20, reasoning: 0, reported: true } },
  },
  {
    provider: 'openai',
    name: 'content filter',
    note: "finish_reason content_filter: the output was withheld (Azure OpenAI adds content_filter_results)",
    body: {
      id: 'chatcmpl-4',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', content_filter_results: { violence: { filtered: true, severity: 'medium' } } }],
      usage: { prompt_tokens: 40, completion_tokens: 0, total_tokens: 40 },
    },
    expect: { content: '', finishReason: 'content_filter', tokens: { prompt: 40, completion: 0, reasoning: 0, reported: true } },
  },
  {
    provider: 'openai',
    name: 'cut off at max tokens',
    note: 'finish_reason length',
    body: { id: 'c5', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: '{"plan": "first I' }, finish_reason: 'length' }], usage: { prompt_tokens: 30, completion_tokens: 16, total_tokens: 46 } },
    expect: { content: '{"plan": "first I', finishReason: 'length', tokens: { prompt: 30, completion: 16, reasoning: 0, reported: true } },
  },
  {
    provider: 'openai',
    name: 'empty choices',
    note: 'a 200 whose choices list is empty (no completion): retried, then an infrastructure error',
    body: { id: 'c6', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [], usage: { prompt_tokens: 30, completion_tokens: 0, total_tokens: 30 } },
    expect: { infrastructure: 'without a usable completion' },
  },
  {
    provider: 'openai',
    name: 'streamed with usage in the last chunk',
    note: 'stream_options.include_usage: a final chunk with an empty choices list carries usage',
    stream: true,
    body: [
      chunk('gpt-4o', { role: 'assistant', content: '', refusal: null }),
      chunk('gpt-4o', { content: '{"plan": "take' }),
      chunk('gpt-4o', { content: ' the centre", "move": "b2"}' }),
      chunk('gpt-4o', {}, 'stop'),
      { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [], usage: { prompt_tokens: 90, completion_tokens: 12, total_tokens: 102, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: 0 } } },
      '[DONE]',
    ],
    expect: { content: answer, finishReason: 'stop', tokens: { prompt: 90, completion: 12, reasoning: 0, reported: true } },
  },
  {
    provider: 'openai',
    name: 'streamed tool call',
    note: 'tool_calls deltas: the first names the function, later ones append argument text by index',
    stream: true,
    body: [
      chunk('gpt-4.1', { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'submit_plan', arguments: '' } }] }),
      chunk('gpt-4.1', { tool_calls: [{ index: 0, function: { arguments: '{"humans": [' } }] }),
      chunk('gpt-4.1', { tool_calls: [{ index: 0, function: { arguments: ']}' } }] }),
      chunk('gpt-4.1', {}, 'tool_calls'),
      '[DONE]',
    ],
    expect: { content: '', finishReason: 'tool_calls', toolCalls: [{ id: 'call_1', name: 'submit_plan', arguments: '{"humans": []}' }], tokens: { prompt: 0, completion: 0, reasoning: 0, reported: false } },
  },
  {
    provider: 'deepseek',
    name: 'reasoner with context-cache fields',
    note: 'message.reasoning_content apart from content; usage.prompt_cache_hit_tokens / prompt_cache_miss_tokens (prompt_tokens = hit + miss)',
    body: {
      id: 'ds-1',
      object: 'chat.completion',
      created: 1,
      model: 'deepseek-reasoner',
      choices: [{ index: 0, message: { role: 'assistant', content: answer, reasoning_content: 'The centre lies on four lines.' }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 700, completion_tokens: 120, total_tokens: 820, prompt_cache_hit_tokens: 640, prompt_cache_miss_tokens: 60, completion_tokens_details: { reasoning_tokens: 100 } },
      system_fingerprint: 'fp_ds',
    },
    expect: { content: answer, reasoning: 'The centre lies on four lines.', finishReason: 'stop', tokens: { prompt: 700, completion: 120, reasoning: 100, reported: true, cached: 640 } },
  },
  {
    provider: 'deepseek',
    name: 'streamed reasoner',
    note: 'delta.reasoning_content chunks first, then delta.content',
    stream: true,
    body: [
      chunk('deepseek-reasoner', { role: 'assistant', content: null, reasoning_content: '' }),
      chunk('deepseek-reasoner', { content: null, reasoning_content: 'Centre first' }),
      chunk('deepseek-reasoner', { content: null, reasoning_content: ', then corners.' }),
      chunk('deepseek-reasoner', { content: answer, reasoning_content: null }),
      { ...chunk('deepseek-reasoner', { content: '' }, 'stop'), usage: { prompt_tokens: 700, completion_tokens: 40, total_tokens: 740, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 700, completion_tokens_details: { reasoning_tokens: 20 } } },
      '[DONE]',
    ],
    expect: { content: answer, reasoning: 'Centre first, then corners.', finishReason: 'stop', tokens: { prompt: 700, completion: 40, reasoning: 20, reported: true } },
  },
  {
    provider: 'openrouter',
    name: 'complete with reasoning and native finish reason',
    note: 'message.reasoning; native_finish_reason beside the normalised finish_reason; usage with cost and token details',
    body: {
      id: 'gen-1',
      provider: 'Anthropic',
      object: 'chat.completion',
      created: 1,
      model: 'anthropic/claude-sonnet-4',
      choices: [{ index: 0, logprobs: null, finish_reason: 'length', native_finish_reason: 'max_tokens', message: { role: 'assistant', content: '{"plan": "', reasoning: 'Let me think.', refusal: null } }],
      usage: { prompt_tokens: 500, completion_tokens: 64, total_tokens: 564, cost: 0.0025, prompt_tokens_details: { cached_tokens: 256 }, completion_tokens_details: { reasoning_tokens: 32 } },
    },
    expect: { content: '{"plan": "', reasoning: 'Let me think.', finishReason: 'length', tokens: { prompt: 500, completion: 64, reasoning: 32, reported: true, cached: 256 } },
  },
  {
    provider: 'openrouter',
    name: 'streamed with keep-alive comments',
    note: 'SSE comment lines (": OPENROUTER PROCESSING") while waiting; delta.reasoning; usage chunk with empty choices',
    stream: true,
    comments: ['OPENROUTER PROCESSING', 'OPENROUTER PROCESSING'],
    body: [
      chunk('qwen/qwen3-235b-a22b', { role: 'assistant', content: '', reasoning: 'Opening: ' }),
      chunk('qwen/qwen3-235b-a22b', { content: '', reasoning: 'centre.' }),
      chunk('qwen/qwen3-235b-a22b', { content: answer }),
      chunk('qwen/qwen3-235b-a22b', { content: '' }, 'stop', { native_finish_reason: 'stop' }),
      { id: 'gen-2', object: 'chat.completion.chunk', created: 1, model: 'qwen/qwen3-235b-a22b', choices: [], usage: { prompt_tokens: 300, completion_tokens: 30, total_tokens: 330, cost: 0.0001 } },
      '[DONE]',
    ],
    expect: { content: answer, reasoning: 'Opening: centre.', finishReason: 'stop', tokens: { prompt: 300, completion: 30, reasoning: 0, reported: true } },
  },
  {
    provider: 'openrouter',
    name: 'error mid-stream',
    note: 'after a 200 a gateway reports an upstream failure as an event with an error object: retried, then an infrastructure error',
    stream: true,
    body: [chunk('openai/gpt-4o', { role: 'assistant', content: '{"pl' }), { id: 'gen-3', object: 'chat.completion.chunk', created: 1, model: 'openai/gpt-4o', error: { code: 502, message: 'Provider disconnected' }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] }],
    expect: { infrastructure: 'error event mid-stream: Provider disconnected' },
  },
  {
    provider: 'vllm',
    name: 'reasoning parser output',
    note: 'with --reasoning-parser the thinking is in message.reasoning_content; stop_reason beside finish_reason',
    body: {
      id: 'chatcmpl-v1',
      object: 'chat.completion',
      created: 1,
      model: 'Qwen/Qwen3-8B',
      choices: [{ index: 0, message: { role: 'assistant', reasoning_content: 'b2 blocks nothing yet.', content: answer, tool_calls: [] }, logprobs: null, finish_reason: 'stop', stop_reason: null }],
      usage: { prompt_tokens: 210, total_tokens: 260, completion_tokens: 50, prompt_tokens_details: null },
      prompt_logprobs: null,
    },
    expect: { content: answer, reasoning: 'b2 blocks nothing yet.', finishReason: 'stop', tokens: { prompt: 210, completion: 50, reasoning: 0, reported: true } },
  },
  {
    provider: 'vllm',
    name: 'think tags left in content',
    note: 'without a reasoning parser the <think> block stays in content (the arena splits it off)',
    body: { id: 'chatcmpl-v2', object: 'chat.completion', created: 1, model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', choices: [{ index: 0, message: { role: 'assistant', content: `<think>centre</think>${answer}` }, finish_reason: 'stop', stop_reason: null }], usage: { prompt_tokens: 10, total_tokens: 20, completion_tokens: 10 } },
    expect: { content: `<think>centre</think>${answer}`, finishReason: 'stop', tokens: { prompt: 10, completion: 10, reasoning: 0, reported: true } },
  },
  {
    provider: 'llamacpp',
    name: 'server with timings',
    note: 'llama.cpp server: reasoning_content with --reasoning-format deepseek; a timings object beside usage',
    body: {
      choices: [{ finish_reason: 'stop', index: 0, message: { role: 'assistant', content: answer, reasoning_content: 'short think' } }],
      created: 1,
      model: 'gpt-3.5-turbo',
      system_fingerprint: 'b5000-abc',
      object: 'chat.completion',
      usage: { completion_tokens: 25, prompt_tokens: 120, total_tokens: 145 },
      id: 'chatcmpl-ll',
      timings: { prompt_n: 120, prompt_ms: 40.1, predicted_n: 25, predicted_ms: 300.2 },
    },
    expect: { content: answer, reasoning: 'short think', finishReason: 'stop', tokens: { prompt: 120, completion: 25, reasoning: 0, reported: true } },
  },
  {
    provider: 'llamacpp',
    name: 'streamed without finish reason or usage',
    note: 'some local servers close the stream with finish_reason null and no usage chunk',
    stream: true,
    body: [chunk('local', { role: 'assistant', content: '{"plan": "c", ' }), chunk('local', { content: '"move": "b2"}' }), '[DONE]'],
    expect: { content: '{"plan": "c", "move": "b2"}', finishReason: null, tokens: { prompt: 0, completion: 0, reasoning: 0, reported: false } },
  },
  {
    provider: 'ollama',
    name: 'OpenAI-compatible endpoint',
    note: 'Ollama /v1/chat/completions: usage with prompt and completion tokens; reasoning in message.reasoning for thinking models',
    body: {
      id: 'chatcmpl-42',
      object: 'chat.completion',
      created: 1,
      model: 'qwen3:8b',
      system_fingerprint: 'fp_ollama',
      choices: [{ index: 0, message: { role: 'assistant', content: answer, reasoning: 'I take the centre.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 150, completion_tokens: 40, total_tokens: 190 },
    },
    expect: { content: answer, reasoning: 'I take the centre.', finishReason: 'stop', tokens: { prompt: 150, completion: 40, reasoning: 0, reported: true } },
  },
  {
    provider: 'ollama',
    name: 'cut off at num_predict',
    note: 'finish_reason length when the token limit is hit',
    body: { id: 'chatcmpl-43', object: 'chat.completion', created: 1, model: 'llama3.1:8b', choices: [{ index: 0, message: { role: 'assistant', content: 'Let me' }, finish_reason: 'length' }], usage: { prompt_tokens: 150, completion_tokens: 2, total_tokens: 152 } },
    expect: { content: 'Let me', finishReason: 'length', tokens: { prompt: 150, completion: 2, reasoning: 0, reported: true } },
  },
  {
    provider: 'anthropic',
    name: 'OpenAI SDK compatibility layer',
    note: 'choices always one long; finish_reason mapped from stop_reason (max_tokens → length); response_format and reasoning_effort are ignored; thinking is not returned',
    body: {
      id: 'msg_01',
      object: 'chat.completion',
      created: 1,
      model: 'claude-sonnet-4-5',
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 400, completion_tokens: 25, total_tokens: 425 },
    },
    expect: { content: answer, finishReason: 'stop', tokens: { prompt: 400, completion: 25, reasoning: 0, reported: true } },
  },
  {
    provider: 'anthropic',
    name: 'compatibility layer, invalid request',
    note: 'errors use the OpenAI error shape with HTTP status 400: not retried, an infrastructure error naming the status',
    status: 400,
    body: { error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } },
    expect: { infrastructure: 'HTTP 400: max_tokens: Field required' },
  },
  {
    provider: 'gemini',
    name: 'OpenAI compatibility with thinking',
    note: 'generativelanguage.googleapis.com/v1beta/openai: reasoning_effort maps to a thinking budget; thought tokens in completion_tokens_details.reasoning_tokens, cached prompt tokens in prompt_tokens_details',
    body: {
      id: 'gem-1',
      object: 'chat.completion',
      created: 1,
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 900, completion_tokens: 350, total_tokens: 1250, prompt_tokens_details: { cached_tokens: 512 }, completion_tokens_details: { reasoning_tokens: 330 } },
    },
    expect: { content: answer, finishReason: 'stop', tokens: { prompt: 900, completion: 350, reasoning: 330, reported: true, cached: 512 } },
  },
  {
    provider: 'gemini',
    name: 'streamed OpenAI compatibility',
    note: 'chunks carry usage with the last content; finish_reason stop',
    stream: true,
    body: [chunk('gemini-2.5-flash', { role: 'assistant', content: '{"plan": "take the centre", ' }), { ...chunk('gemini-2.5-flash', { role: 'assistant', content: '"move": "b2"}' }, 'stop'), usage: { prompt_tokens: 900, completion_tokens: 20, total_tokens: 920 } }, '[DONE]'],
    expect: { content: answer, finishReason: 'stop', tokens: { prompt: 900, completion: 20, reasoning: 0, reported: true } },
  },
];

/** The verbatim HTTP body of a shape: JSON text, or SSE text (comments, then `data:` events). */
export function shapeBody(shape: Shape): string {
  if (shape.stream !== true) return JSON.stringify(shape.body);
  const events = (shape.body as readonly unknown[]).map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`);
  return [...(shape.comments ?? []).map((c) => `: ${c}\n\n`), ...events].join('');
}
