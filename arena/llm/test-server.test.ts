import { describe, expect, it } from 'vitest';
import { startTestServer } from './test-server.js';

async function ask(url: string, model: string, content = 'hi'): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  return { status: response.status, json: await response.json() };
}

const contentOf = (json: unknown): unknown => (json as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content;

describe('startTestServer', () => {
  it('selects behaviours per model, then the default, and records requests', async () => {
    const server = await startTestServer({ models: { a: { kind: 'answer', text: 'from a' } } });
    try {
      server.setBehaviour('b', { kind: 'prose', json: '{"move": "b2"}' });
      expect(contentOf((await ask(server.url, 'a')).json)).toBe('from a');
      expect(contentOf((await ask(server.url, 'b')).json)).toMatch(/^Sure![\s\S]*\{"move": "b2"\}[\s\S]*luck/);
      expect(contentOf((await ask(server.url, 'c')).json)).toBe('{"ok": true}');
      server.setBehaviour({ kind: 'garbage' });
      expect(contentOf((await ask(server.url, 'c')).json)).not.toMatch(/[{}]/);
      expect(server.requests.map((r) => [r.model, r.authorization])).toEqual([
        ['a', 'Bearer t'],
        ['b', 'Bearer t'],
        ['c', 'Bearer t'],
        ['c', 'Bearer t'],
      ]);
      server.reset();
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('plays sequences and scripts with the request index and body', async () => {
    const server = await startTestServer({
      behaviour: {
        kind: 'sequence',
        steps: [{ kind: 'status', status: 429, retryAfter: '2' }, { kind: 'script', reply: (body, index) => `${index}:${body.messages?.[0]?.content ?? ''}` }],
      },
    });
    try {
      const limited = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(contentOf((await ask(server.url, 'm', 'x')).json)).toBe('1:x');
      expect(contentOf((await ask(server.url, 'm', 'y')).json)).toBe('2:y');
    } finally {
      await server.close();
    }
  });

  it('reports usage, honours a null usage, and closes despite hanging requests', async () => {
    const server = await startTestServer({ behaviour: { kind: 'answer', text: '12345678', reasoning: 'abcd' } });
    const { json } = await ask(server.url, 'm', 'x'.repeat(40));
    expect((json as { usage: unknown }).usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 3, completion_tokens_details: { reasoning_tokens: 1 } });
    server.setBehaviour({ kind: 'answer', text: 'x', usage: null });
    expect((await ask(server.url, 'm')).json).not.toHaveProperty('usage');
    server.setBehaviour({ kind: 'hang' });
    const hanging = ask(server.url, 'm').catch((err: unknown) => err);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.inFlight).toBe(1);
    await server.close();
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('answers 404 off the chat path and 400 for a body that is not JSON', async () => {
    const server = await startTestServer();
    try {
      expect((await fetch(`${server.url}/models`)).status).toBe(404);
      expect((await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{' })).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
