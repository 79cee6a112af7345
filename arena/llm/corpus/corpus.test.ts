import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCost } from '../accounting.js';
import { InfrastructureError } from '../infrastructure-error.js';
import { context, moveRequest, testAgent } from '../test-helpers.js';
import { startTestServer, type TestServer } from '../test-server.js';
import { postChat, type TransportOptions } from '../transport.js';
import { SHAPES, shapeBody, type Shape } from './shapes.js';

/** Every documented provider shape, served verbatim by the local server, through the real client end to end. */

let server: TestServer;
let options: TransportOptions;
beforeAll(async () => {
  server = await startTestServer();
  options = { baseUrl: server.url, apiKey: null, apiKeyEnv: null, timeoutMs: 5000, retries: 1, retryBaseMs: 1, retryMaxMs: 5, concurrency: 4, idleTimeoutMs: 2000 };
});
afterAll(() => server.close());

const serve = (shape: Shape): void =>
  server.setBehaviour({ kind: 'raw', status: shape.status ?? 200, contentType: shape.stream === true ? 'text/event-stream' : 'application/json', body: shapeBody(shape) });

describe.each(SHAPES.map((s) => [`${s.provider}: ${s.name}`, s] as const))('%s', (_label, shape) => {
  it('is read as documented', async () => {
    serve(shape);
    server.reset();
    const call = postChat({ ...options, stream: shape.stream === true }, { model: 'm', messages: [{ role: 'user', content: 'move' }] });
    if ('infrastructure' in shape.expect) {
      const err = await call.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InfrastructureError);
      expect((err as Error).message).toContain(shape.expect.infrastructure);
      expect((err as Error).message).not.toContain('\n');
      expect(server.requests.length).toBe((shape.status ?? 200) === 400 ? 1 : 2);
      return;
    }
    const result = await call;
    const e = shape.expect;
    expect(result.content).toBe(e.content);
    expect(result.reasoning).toBe(e.reasoning ?? '');
    expect(result.refusal).toBe(e.refusal ?? null);
    expect(result.finishReason).toBe(e.finishReason);
    expect(result.toolCalls).toEqual(e.toolCalls);
    expect(result.tokens).toEqual(e.tokens);
  });

});

const answering = SHAPES.filter((s) => !('infrastructure' in s.expect));

describe.each(answering.map((s) => [`${s.provider}: ${s.name}`, s] as const))('%s, through an LLM agent', (_label, shape) => {
  it('gives an LLM agent a decision, priced from the token fields returned', async () => {
    serve(shape);
    const price = { input: 2, output: 8, cached_input: 0.5 };
    const agent = testAgent(server.url, { entry: { stream: shape.stream === true, price, truncation_reask: false } });
    const decision = await agent.decideMove(moveRequest(), context());
    const e = shape.expect as Exclude<Shape['expect'], { infrastructure: string }>;
    expect(decision.meta?.['finishReason']).toBe(e.finishReason);
    expect(decision.usage.cachedTokens).toBe(e.tokens.cached);
    const cached = e.tokens.cached ?? 0;
    expect(decision.usage.costUsd).toBeCloseTo(((e.tokens.prompt - cached) * 2 + cached * 0.5 + e.tokens.completion * 8) / 1e6, 12);
    if (e.content.includes('"move": "b2"') && !e.content.includes('<think>')) expect(decision.text).toBe('b2');
  });
});

describe('price accounting', () => {
  it('bills cached prompt tokens at their own price where configured, else at the input price', () => {
    const tokens = { prompt: 1000, completion: 100, reasoning: 40, reported: true, cached: 800 };
    expect(callCost(tokens, { input: 1, output: 4, cached_input: 0.1 })).toBeCloseTo((200 * 1 + 800 * 0.1 + 100 * 4) / 1e6, 15);
    expect(callCost(tokens, { input: 1, output: 4 })).toBeCloseTo((1000 * 1 + 100 * 4) / 1e6, 15);
    expect(callCost({ ...tokens, cached: 5000 }, { input: 1, output: 4, cached_input: 0 })).toBeCloseTo(400 / 1e6, 15);
  });

  it('a server that ignores stream: true and answers with a complete body is read as one', async () => {
    const shape = SHAPES[0] as Shape;
    serve(shape);
    const result = await postChat({ ...options, stream: true }, { model: 'm', messages: [] });
    expect(result.tokens.cached).toBe(1024);
  });
});
