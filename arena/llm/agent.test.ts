import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlanJson } from '../../games/core/reply.js';
import { UsageError } from '../errors.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { createLlmAgent, llmAgentKind } from './agent.js';
import { InfrastructureError } from './infrastructure-error.js';
import { PROMPT_VERSION } from './prompts/index.js';
import { startTestServer, type TestServer } from './test-server.js';
import { context, moveRequest, planRequest, testAgent } from './test-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function lastUserMessage(): string {
  const messages = server.requests.at(-1)?.body.messages ?? [];
  return messages.at(-1)?.content ?? '';
}

describe('LlmAgent in move games', () => {
  it('shows board, legal moves and format, and returns the move with the stated plan', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"plan": "take the centre", "move": "b2"}' });
    const decision = await testAgent(server.url).decideMove(moveRequest([0], ['Your last move a9 is not on the board.']), context());
    expect(decision.text).toBe('b2');
    expect(decision.meta).toMatchObject({ plan: 'take the centre', promptVersion: PROMPT_VERSION, model: 'test', endpointModel: 'test-model', recovery: ['source:whole', 'json'] });
    const prompt = lastUserMessage();
    expect(prompt).toContain(moveRequest([0]).game.renderBoard(moveRequest([0]).state));
    expect(prompt).toMatch(/LEGAL MOVES \(8,/);
    expect(prompt).toContain('Your last move a9 is not on the board.');
    expect(prompt).toContain('"move"');
    expect(server.requests.at(-1)?.body.messages?.[0]?.role).toBe('system');
  });

  it('separates reasoning and keeps the raw reply in meta', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '<think>corner is safe</think>\nMy answer: {"plan": "corner", "move": "c3",}', reasoning: 'field thoughts' });
    const decision = await testAgent(server.url).decideMove(moveRequest(), context());
    expect(decision.text).toBe('c3');
    expect(decision.reasoning).toBe('field thoughts\n\ncorner is safe');
    expect(decision.meta?.['raw']).toContain('<think>corner is safe</think>');
    expect(decision.meta?.['recovery']).toEqual(['reasoning:field', 'reasoning:think-block', 'source:embedded', 'jsonrepair']);
  });

  it('hands unrecoverable text to the game rather than inventing a move', async () => {
    server.reset();
    server.setBehaviour({ kind: 'garbage' });
    const decision = await testAgent(server.url).decideMove(moveRequest(), context());
    expect(decision.text).toBe('%%@@ <<no answer>> ~~ lorem ipsum ][ )(');
    expect(decision.meta?.['recovery']).toEqual(['no-json']);
  });

  it('propagates an InfrastructureError when the endpoint keeps failing', async () => {
    server.reset();
    server.setBehaviour({ kind: 'status', status: 502 });
    await expect(testAgent(server.url).decideMove(moveRequest(), context())).rejects.toBeInstanceOf(InfrastructureError);
    expect(server.requests).toHaveLength(3);
  });
});

describe('LlmAgent in plan games', () => {
  const fenced = '```json\n{"humans": [{"name": "Archer", "x": 1, "y": 1}]}\n```';
  const prose = 'I place one archer: {"humans": [{"name": "Archer", "x": 1, "y": 1}]} and keep the rest.';

  it('adds a system message and the answer format to the request prompt', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: fenced });
    const request = planRequest();
    const decision = await testAgent(server.url).decidePlan(request, context());
    const prompt = lastUserMessage();
    expect(prompt.startsWith(request.prompt)).toBe(true);
    expect(prompt).toMatch(/ANSWER FORMAT[\s\S]*```json[\s\S]*"humans"/);
    expect(decision.text).toBe(fenced);
    expect(decision.plan).toBeUndefined();
    expect(extractPlanJson(decision.text ?? '')).toMatchObject({ ok: true });
  });

  it('leaves SPEC §1.2 reading to the runner by default, recording what a lenient reading would find', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: prose });
    const decision = await testAgent(server.url).decidePlan(planRequest(), context());
    expect(decision.text).toBe(prose);
    expect(decision.plan).toBeUndefined();
    expect(extractPlanJson(prose).ok).toBe(false);
    expect(decision.meta?.['recovery']).toEqual(['source:embedded', 'json']);
    expect(decision.meta?.['repaired']).toBeUndefined();
  });

  it('with plan_repair, returns the recovered plan and says how', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: prose });
    const decision = await testAgent(server.url, { spec: 'llm:test:plan_repair=true' }).decidePlan(planRequest(), context());
    expect(decision.plan).toEqual({ humans: [{ name: 'Archer', x: 1, y: 1 }] });
    expect(decision.meta?.['repaired']).toEqual(['source:embedded', 'json']);
  });

  it('removes think blocks from the text the runner parses', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: `<think>maybe \`\`\`json {"humans": []} \`\`\`</think>\n${fenced}` });
    const decision = await testAgent(server.url).decidePlan(planRequest(), context());
    expect(decision.text).toBe(fenced);
    expect(extractPlanJson(decision.text ?? '')).toMatchObject({ ok: true, value: { humans: [{ name: 'Archer', x: 1, y: 1 }] } });
    expect(decision.meta?.['raw']).toContain('<think>');
  });
});

describe('accounting', () => {
  it('turns API usage into tokens, price, latency and retries', async () => {
    server.reset();
    const usage = { prompt_tokens: 1000, completion_tokens: 500, completion_tokens_details: { reasoning_tokens: 200 } };
    server.setBehaviour({ kind: 'sequence', steps: [{ kind: 'status', status: 500 }, { kind: 'answer', text: '{"move": "a1"}', usage }] });
    const agent = testAgent(server.url, { entry: { price: { input: 2, output: 10 } } });
    const decision = await agent.decideMove(moveRequest(), context());
    expect(decision.usage).toMatchObject({ calls: 1, promptTokens: 1000, completionTokens: 500, reasoningTokens: 200, retries: 1, simulations: 0 });
    expect(decision.usage.costUsd).toBeCloseTo(0.007, 12);
    expect(decision.usage.wallMs).toBe(decision.meta?.['latencyMs']);
    expect(agent.stats).toMatchObject({ decisions: 1, requests: 1, retries: 1, cacheHits: 0 });
    expect(agent.stats.spentUsd).toBeCloseTo(0.007, 12);
  });

  it('reports the per-decision token budget', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"move": "a1"}', usage: { prompt_tokens: 10, completion_tokens: 120 } });
    const over = await testAgent(server.url, { spec: 'llm:test:token_budget=100' }).decideMove(moveRequest(), context());
    expect(over.meta).toMatchObject({ tokenBudget: 100, tokensUsed: 120, overTokenBudget: true });
    const within = await testAgent(server.url, { entry: { token_budget: 500 } }).decideMove(moveRequest(), context());
    expect(within.meta).toMatchObject({ tokenBudget: 500, tokensUsed: 120, overTokenBudget: false });
  });

  it('records zero tokens and says so when the endpoint reports no usage', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"move": "a1"}', usage: null });
    const decision = await testAgent(server.url).decideMove(moveRequest(), context());
    expect(decision.usage.promptTokens + decision.usage.completionTokens).toBe(0);
    expect(decision.meta?.['usageReported']).toBe(false);
  });
});

describe('building from a spec', () => {
  it('sends configured sampling parameters, with spec overrides winning', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"move": "a1"}' });
    const entry = { temperature: 0.2, top_p: 0.9, max_tokens: 64, max_tokens_param: 'max_completion_tokens', reasoning_effort: 'low', extra_body: { seed: 7 } };
    await testAgent(server.url, { entry, spec: 'llm:test:temperature=0.7,reasoning_effort=high' }).decideMove(moveRequest(), context());
    expect(server.requests[0]?.body).toMatchObject({ model: 'test-model', temperature: 0.7, top_p: 0.9, max_completion_tokens: 64, reasoning_effort: 'high', seed: 7 });
    expect(server.requests[0]?.body['max_tokens']).toBeUndefined();
  });

  it('applies each seat its own overrides when many agents are built from one models entry', async () => {
    server.reset();
    server.setBehaviour({ kind: 'answer', text: '{"move": "a1"}' });
    const env = { models: { test: { base_url: server.url, model: 'test-model', api_key_env: null, temperature: 0.2 } } };
    for (const spec of ['llm:test:temperature=0.7', 'llm:test:temperature=0.9', 'llm:test', 'llm:test:temperature=0.7']) {
      await createLlmAgent(parseAgentSpec(spec), env, {}).decideMove(moveRequest(), context());
    }
    expect(server.requests.map((r) => r.body['temperature'])).toEqual([0.7, 0.9, 0.2, 0.7]);
    expect(() => createLlmAgent(parseAgentSpec('llm:test:temperature=9'), env, {})).toThrow(/models\.test\.temperature/);
    expect(() => createLlmAgent(parseAgentSpec('llm:test:temperature=9'), env, {})).toThrow(/models\.test\.temperature/);
  });

  it('rejects unknown models, parameters and bad values with usage errors', () => {
    const env = { models: { test: { preset: 'ollama', model: 'x' } } };
    const create = (spec: string, e: object = env): unknown => createLlmAgent(parseAgentSpec(spec), e, {});
    expect(() => create('llm:nope')).toThrow(/unknown model 'nope'; valid choices: test/);
    expect(() => create('llm')).toThrow(UsageError);
    expect(() => create('llm:test', {})).toThrow(/no models config loaded/);
    expect(() => create('llm:test:temp=1')).toThrow(/unknown parameter 'temp'/);
    expect(() => create('llm:test:temperature=9')).toThrow(/agent 'llm:test:temperature=9': models\.test\.temperature/);
    expect(() => create('llm:test:plan_repair=maybe')).toThrow(/plan_repair must be true or false/);
    expect(() => create('llm:test:history=conversation,context_policy=summarise')).toThrow(/agent 'llm:test:history=conversation,context_policy=summarise': models\.test\.context_policy: summarise needs context_tokens/);
    expect(() => create('llm:test', { models: { test: { model: 'x' } } })).toThrow(/models config: models\.test\.base_url/);
  });

  it('requires the key variable unless answers may come from the cache', () => {
    const env = { models: { test: { preset: 'openai', model: 'gpt' } } };
    expect(() => createLlmAgent(parseAgentSpec('llm:test'), env, {})).toThrow(/environment variable OPENAI_API_KEY is not set/);
    expect(createLlmAgent(parseAgentSpec('llm:test'), env, { OPENAI_API_KEY: 'k' }).id).toBe('llm:test');
  });

  it('is described as an agent kind for both families', () => {
    expect(llmAgentKind.kind).toBe('llm');
    expect(llmAgentKind.families).toEqual(['plan', 'move']);
    expect(llmAgentKind.create(parseAgentSpec('llm:test'), { models: { test: { preset: 'ollama', model: 'x' } } }).kind).toBe('llm');
  });
});
