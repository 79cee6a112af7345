import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./test-server-main.ts', import.meta.url));
const started: ChildProcess[] = [];

/** Starts the standalone test server with `args` and waits for the base URL it prints. */
async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  started.push(child);
  const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, url };
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const ask = async (url: string, body: object): Promise<{ choices: Array<{ message: { content: string | null; tool_calls?: Array<{ function: { name: string; arguments: string } }> } }> }> =>
  (await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as never;

describe('test-server-main', () => {
  it('with --first-legal, answers the first legal move of the last prompt, as a tool call when tools are offered', async () => {
    const { url } = await start(['--first-legal']);
    const messages = [
      { role: 'user', content: 'LEGAL MOVES (3)\na1, a2, a3' },
      { role: 'user', content: 'LEGAL MOVES (2)\nc3, b1' },
    ];
    const plain = await ask(url, { model: 'm', messages });
    expect(JSON.parse(plain.choices[0]!.message.content ?? '')).toEqual({ plan: 'first listed', move: 'c3' });
    const tool = await ask(url, { model: 'm', messages, tools: [{ type: 'function', function: { name: 'play_move' } }] });
    expect(tool.choices[0]!.message.tool_calls?.map((c) => [c.function.name, JSON.parse(c.function.arguments)])).toEqual([['play_move', { plan: 'first listed', move: 'c3' }]]);
  }, 30_000);

  it('with --exit-on-stdin-close, exits when the parent closes its stdin (as when the parent dies)', async () => {
    const { child } = await start(['--exit-on-stdin-close']);
    const exited = once(child, 'exit');
    child.stdin!.end();
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  }, 30_000);

  it('without the flag, keeps serving after its stdin closes', async () => {
    const { child, url } = await start([]);
    child.stdin!.end();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    expect((await ask(url, { model: 'm', messages: [] })).choices[0]!.message.content).toBe('{"ok": true}');
  }, 30_000);
});
