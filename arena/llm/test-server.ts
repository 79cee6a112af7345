import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 (random port) with scripted behaviours, for tests,
 * benchmarks and offline demos. It is a process boundary (HTTP), not a mock of the arena's code.
 */

/** The request body as received (only the fields the server looks at are typed). */
export interface ChatRequestBody {
  readonly model?: string;
  readonly messages?: ReadonlyArray<{
    readonly role: string;
    /** Null in an assistant message that only calls functions. */
    readonly content: string | null;
    readonly tool_calls?: ReadonlyArray<{ readonly id: string; readonly type: string; readonly function: { readonly name: string; readonly arguments: string } }>;
    readonly tool_call_id?: string;
  }>;
  readonly [field: string]: unknown;
}

/** A scripted reply: the content text, optionally a separate reasoning field, usage and finish reason. */
export interface ScriptedReply {
  readonly text: string;
  readonly reasoning?: string;
  /** Sent verbatim as `usage`; null omits it; default: about four characters per token. */
  readonly usage?: Readonly<Record<string, unknown>> | null;
  readonly finishReason?: string;
  /** Sent as the message's `refusal` field. */
  readonly refusal?: string;
  /**
   * Sent as the message's `tool_calls` (function calls with these names and argument texts), each with `id` (default
   * `call-<request index>-<call index>`; null sends the call without an id, as some servers do).
   */
  readonly toolCalls?: ReadonlyArray<{ readonly name: string; readonly arguments: string; readonly id?: string | null }>;
  /** The model id the reply says it was served by (default: the requested one), e.g. a dated snapshot. */
  readonly servedModel?: string;
}

export type Behaviour =
  /** A well-formed completion. */
  | ({ readonly kind: 'answer' } & Partial<ScriptedReply>)
  /** A JSON answer wrapped in chatty prose. */
  | { readonly kind: 'prose'; readonly json?: string }
  /** Content that holds no JSON at all. */
  | { readonly kind: 'garbage' }
  /** Waits `ms`, then behaves as `then` (default: a well-formed answer). */
  | { readonly kind: 'slow'; readonly ms: number; readonly then?: Behaviour }
  /** Accepts the request and never answers. */
  | { readonly kind: 'hang' }
  /** An error status, e.g. 429 with Retry-After, 500, 401; `echoAuth` puts the Authorization header in the body. */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly echoAuth?: boolean }
  /** Destroys the socket without answering. */
  | { readonly kind: 'drop' }
  /** A reply of about `bytes` characters (default 1 MB) of prose ending in `json`. */
  | { readonly kind: 'large'; readonly bytes?: number; readonly json?: string }
  /** Answers from a function of the request body, the server-wide request index and the Authorization header received. */
  | {
      readonly kind: 'script';
      readonly reply: (body: ChatRequestBody, index: number, authorization: string | undefined) => string | ScriptedReply | Promise<string | ScriptedReply>;
    }
  /**
   * A streamed reply (server-sent `chat.completion.chunk` events, usage in the last chunk, then `[DONE]`), built
   * from `reply` (default: a well-formed answer) or from the request by `script`: reasoning and content in pieces
   * of `chunkChars` characters, `gapMs` apart; with `stallAfter`, the server stops sending after that many events
   * and keeps the connection open. A request that did not ask for `stream: true` gets the complete reply.
   */
  | {
      readonly kind: 'stream';
      readonly reply?: Partial<ScriptedReply>;
      readonly script?: (body: ChatRequestBody, index: number) => string | ScriptedReply;
      readonly chunkChars?: number;
      readonly gapMs?: number;
      readonly stallAfter?: number;
    }
  /** A verbatim response: a provider's documented body (JSON, or server-sent events with `text/event-stream`). */
  | { readonly kind: 'raw'; readonly status?: number; readonly contentType?: string; readonly body: string }
  /** The n-th request handled by this behaviour uses steps[n]; the last step repeats. */
  | { readonly kind: 'sequence'; readonly steps: readonly Behaviour[] };

export interface RecordedRequest {
  readonly model: string;
  readonly body: ChatRequestBody;
  /** The Authorization header as received (undefined when absent). */
  readonly authorization: string | undefined;
}

export interface TestServerOptions {
  /** Default behaviour (default: `{ kind: 'answer', text: '{"ok": true}' }`). */
  readonly behaviour?: Behaviour;
  /** Behaviours by model name; they win over the default. */
  readonly models?: Readonly<Record<string, Behaviour>>;
  /** Port to listen on (default 0: a random free port). */
  readonly port?: number;
}

export interface TestServer {
  /** API root to use as a base URL, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests being handled right now, and the most ever at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Sets the default behaviour, or (with a model name) the behaviour of that model. */
  setBehaviour(behaviour: Behaviour): void;
  setBehaviour(model: string, behaviour: Behaviour): void;
  /** Forgets recorded requests and the in-flight maximum. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_TEXT = '{"ok": true}';

function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A scripted call's `id` field: its own, the default one, or none (null). */
function callId(id: string | null | undefined, index: number, i: number): { id?: string } {
  return id === null ? {} : { id: id ?? `call-${index}-${i}` };
}

function completion(body: ChatRequestBody, index: number, reply: ScriptedReply): string {
  const promptChars = (body.messages ?? []).reduce((sum, m) => sum + String(m.content).length, 0);
  const reasoningTokens = reply.reasoning === undefined ? 0 : tokens(reply.reasoning);
  const usage =
    reply.usage === undefined
      ? {
          prompt_tokens: Math.ceil(promptChars / 4),
          completion_tokens: tokens(reply.text) + reasoningTokens,
          total_tokens: Math.ceil(promptChars / 4) + tokens(reply.text) + reasoningTokens,
          completion_tokens_details: { reasoning_tokens: reasoningTokens },
        }
      : reply.usage;
  const toolCalls = reply.toolCalls?.map((call, i) => ({ ...callId(call.id, index, i), type: 'function', function: { name: call.name, arguments: call.arguments } }));
  const message = {
    role: 'assistant',
    content: reply.text,
    ...(reply.reasoning === undefined ? {} : { reasoning_content: reply.reasoning }),
    ...(reply.refusal === undefined ? {} : { refusal: reply.refusal }),
    ...(toolCalls === undefined ? {} : { tool_calls: toolCalls }),
  };
  return JSON.stringify({
    id: `chatcmpl-test-${index}`,
    object: 'chat.completion',
    created: 0,
    model: reply.servedModel ?? body.model ?? 'test',
    choices: [{ index: 0, message, finish_reason: reply.finishReason ?? 'stop' }],
    ...(usage === null ? {} : { usage }),
  });
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The `data:` payloads of a streamed reply, in order, `[DONE]` last. */
export function streamEvents(body: ChatRequestBody, index: number, reply: ScriptedReply, chunkChars = 8): string[] {
  const whole = JSON.parse(completion(body, index, reply)) as { id: string; model: string; usage?: unknown };
  const base = { id: whole.id, object: 'chat.completion.chunk', created: 0, model: whole.model };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): string => JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const events = [chunk({ role: 'assistant', content: '' })];
  for (const part of pieces(reply.reasoning ?? '', chunkChars)) events.push(chunk({ reasoning_content: part }));
  for (const part of pieces(reply.text, chunkChars)) events.push(chunk({ content: part }));
  if (reply.refusal !== undefined) events.push(chunk({ refusal: reply.refusal }));
  for (const [i, call] of (reply.toolCalls ?? []).entries()) {
    events.push(chunk({ tool_calls: [{ index: i, ...callId(call.id, index, i), type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const part of pieces(call.arguments, chunkChars)) events.push(chunk({ tool_calls: [{ index: i, function: { arguments: part } }] }));
  }
  events.push(chunk({}, reply.finishReason ?? 'stop'));
  if (whole.usage !== undefined) events.push(JSON.stringify({ ...base, choices: [], usage: whole.usage }));
  events.push('[DONE]');
  return events;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  let fallback: Behaviour = options.behaviour ?? { kind: 'answer', text: DEFAULT_TEXT };
  const byModel = new Map<string, Behaviour>(Object.entries(options.models ?? {}));
  const sequenceUse = new WeakMap<Behaviour, number>();
  let requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const send = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  const act = async (behaviour: Behaviour, body: ChatRequestBody, index: number, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    switch (behaviour.kind) {
      case 'answer':
        return send(res, 200, completion(body, index, { ...behaviour, text: behaviour.text ?? DEFAULT_TEXT }));
      case 'prose': {
        const text = `Sure! I looked at the position carefully.\nHere is my answer:\n${behaviour.json ?? DEFAULT_TEXT}\nGood luck to my opponent!`;
        return send(res, 200, completion(body, index, { text }));
      }
      case 'garbage':
        return send(res, 200, completion(body, index, { text: '%%@@ <<no answer>> ~~ lorem ipsum ][ )(' }));
      case 'slow':
        if (await delay(behaviour.ms, res)) await act(behaviour.then ?? { kind: 'answer' }, body, index, req, res);
        return;
      case 'hang':
        await new Promise<void>((resolve) => res.on('close', resolve));
        return;
      case 'status': {
        const message = behaviour.echoAuth === true ? `invalid key: ${req.headers.authorization ?? '(none)'}` : `test server status ${behaviour.status}`;
        return send(res, behaviour.status, JSON.stringify({ error: { message, type: 'test' } }), behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter });
      }
      case 'drop':
        req.socket.destroy();
        return;
      case 'large': {
        const json = behaviour.json ?? DEFAULT_TEXT;
        const filler = 'All work and no play makes a dull model. ';
        const text = `${filler.repeat(Math.max(0, Math.ceil(((behaviour.bytes ?? 1 << 20) - json.length) / filler.length)))}\n${json}`;
        return send(res, 200, completion(body, index, { text }));
      }
      case 'script': {
        const reply = await behaviour.reply(body, index, req.headers.authorization);
        return send(res, 200, completion(body, index, typeof reply === 'string' ? { text: reply } : reply));
      }
      case 'stream': {
        const scripted = behaviour.script?.(body, index);
        const reply: ScriptedReply = typeof scripted === 'string' ? { text: scripted } : (scripted ?? { ...behaviour.reply, text: behaviour.reply?.text ?? DEFAULT_TEXT });
        if (body['stream'] !== true) return send(res, 200, completion(body, index, reply));
        const events = streamEvents(body, index, reply, behaviour.chunkChars);
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        for (const [n, data] of events.entries()) {
          if (behaviour.stallAfter !== undefined && n >= behaviour.stallAfter) {
            await new Promise<void>((resolve) => res.on('close', resolve));
            return;
          }
          if (n > 0 && (behaviour.gapMs ?? 0) > 0 && !(await delay(behaviour.gapMs ?? 0, res))) return;
          if (res.destroyed) return;
          res.write(`data: ${data}\n\n`);
        }
        res.end();
        return;
      }
      case 'raw':
        return send(res, behaviour.status ?? 200, behaviour.body, { 'content-type': behaviour.contentType ?? 'application/json' });
      case 'sequence': {
        const n = sequenceUse.get(behaviour) ?? 0;
        sequenceUse.set(behaviour, n + 1);
        const step = behaviour.steps[Math.min(n, behaviour.steps.length - 1)];
        if (step === undefined) return send(res, 500, JSON.stringify({ error: { message: 'empty sequence' } }));
        return act(step, body, index, req, res);
      }
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const text = await readBody(req);
        if (req.method !== 'POST' || !(req.url ?? '').endsWith('/chat/completions')) return send(res, 404, JSON.stringify({ error: { message: 'not found' } }));
        let body: ChatRequestBody;
        try {
          body = JSON.parse(text) as ChatRequestBody;
        } catch {
          return send(res, 400, JSON.stringify({ error: { message: 'body is not JSON' } }));
        }
        const model = typeof body.model === 'string' ? body.model : '';
        const index = requests.length;
        requests.push({ model, body, authorization: req.headers.authorization });
        await act(byModel.get(model) ?? fallback, body, index, req, res);
      } catch (err) {
        send(res, 500, JSON.stringify({ error: { message: err instanceof Error ? err.message : String(err) } }));
      } finally {
        inFlight--;
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    setBehaviour(first: Behaviour | string, second?: Behaviour): void {
      if (typeof first === 'string') {
        if (second !== undefined) byModel.set(first, second);
      } else fallback = first;
    },
    reset(): void {
      requests = [];
      maxInFlight = inFlight;
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
