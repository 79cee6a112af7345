import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfrastructureError } from './infrastructure-error.js';
import { context, moveRequest, testAgent } from './test-helpers.js';
import { startTestServer, type TestServer } from './test-server.js';
import { postChat, type TransportOptions } from './transport.js';

/** Server-sent-event streaming against the local server: assembly, idle vs total timeout, cancellation. */

let server: TestServer;
let options: TransportOptions;
const body = { model: 'm', messages: [{ role: 'user', content: 'hello there' }] };
const reply = { text: '{"plan": "centre", "move": "b2"}', reasoning: 'The centre touches four lines.', toolCalls: [{ name: 'play_move', arguments: '{"plan":"x","move":"b2"}' }], finishReason: 'tool_calls' };

beforeAll(async () => {
  server = await startTestServer();
  options = { baseUrl: server.url, apiKey: null, apiKeyEnv: null, timeoutMs: 5000, retries: 1, retryBaseMs: 1, retryMaxMs: 5, concurrency: 8, stream: true, idleTimeoutMs: 300 };
});
afterAll(() => server.close());

describe('streamed replies', () => {
  it('assemble to exactly what the complete reply gives, asking for usage in the last chunk', async () => {
    server.setBehaviour({ kind: 'answer', ...reply });
    const whole = await postChat({ ...options, stream: false }, body);
    server.reset();
    server.setBehaviour({ kind: 'stream', reply, chunkChars: 3 });
    const streamed = await postChat(options, body);
    expect({ ...streamed, latencyMs: 0 }).toEqual({ ...whole, latencyMs: 0 });
    expect(streamed.reasoning).toBe(reply.reasoning);
    expect(streamed.content).toBe(reply.text);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('a reply that keeps coming for longer than the idle timeout completes; one that stalls mid-stream fails as infrastructure', async () => {
    server.setBehaviour({ kind: 'stream', reply: { text: 'x'.repeat(40) }, chunkChars: 4, gapMs: 100 });
    const slow = await postChat(options, body);
    expect(slow.content).toBe('x'.repeat(40));
    expect(slow.latencyMs).toBeGreaterThan(options.idleTimeoutMs ?? 0);

    server.reset();
    server.setBehaviour({ kind: 'stream', reply: { text: 'x'.repeat(40) }, chunkChars: 4, stallAfter: 3 });
    const err = await postChat(options, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfrastructureError);
    expect((err as Error).message).toContain('no data for 300 ms while streaming (idle timeout)');
    expect(server.requests).toHaveLength(2);
  });

  it('the total timeout still bounds a stream that never stalls', async () => {
    server.setBehaviour({ kind: 'stream', reply: { text: 'y'.repeat(80) }, chunkChars: 2, gapMs: 50 });
    const err = await postChat({ ...options, timeoutMs: 400, retries: 0 }, body).catch((e: unknown) => e);
    expect((err as Error).message).toContain('no complete response within 400 ms');
  });

  it('cancelling aborts the stream: the server sees the connection close', async () => {
    server.reset();
    server.setBehaviour({ kind: 'stream', reply: { text: 'z'.repeat(40) }, stallAfter: 2 });
    const controller = new AbortController();
    const pending = postChat({ ...options, idleTimeoutMs: 60_000 }, body, controller.signal).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    const err = await pending;
    expect((err as Error).name).toBe('AbortError');
    for (let i = 0; i < 100 && server.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.inFlight).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('an LLM agent with stream on keeps reasoning deltas and <think> blocks apart from its move', async () => {
    server.setBehaviour({ kind: 'stream', reply: { text: '<think>corner or centre?</think>{"plan": "centre", "move": "b2"}', reasoning: 'separate field' }, chunkChars: 5 });
    const agent = testAgent(server.url, { spec: 'llm:test:stream=true' });
    const decision = await agent.decideMove(moveRequest(), context());
    expect(decision.text).toBe('b2');
    expect(decision.reasoning).toBe('separate field\n\ncorner or centre?');
    expect(agent.protocol).toMatchObject({ stream: true });
  });

  it('after [DONE] the connection is reused; a server that keeps the stream open after [DONE] still gives its reply', async () => {
    const chunk = (delta: object, finish: string | null): string => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    let connections = 0;
    const raw = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(chunk({ role: 'assistant', content: 'he' }, null) + chunk({ content: 'llo' }, 'stop') + 'data: [DONE]\n\n');
        if (req.url !== '/open/chat/completions') res.end();
      });
    });
    raw.on('connection', () => connections++);
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 3; i++) expect((await postChat({ ...options, baseUrl: url }, body)).content).toBe('hello');
      expect(connections).toBe(1);
      // Open after [DONE]: the reply is kept (the connection is closed after a short grace), not failed by the idle timeout.
      const open = await postChat({ ...options, baseUrl: `${url}/open`, retries: 0 }, body);
      expect(open.content).toBe('hello');
    } finally {
      raw.closeAllConnections();
      await new Promise((resolve) => raw.close(resolve));
    }
  });
});
