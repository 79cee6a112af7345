import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { request as httpRequest } from 'undici';
import type { BenchResult } from '../../test/bench/types.js';
import { MemoryCache } from './cache.js';
import { currentPrompts } from './prompts/index.js';
import { startTestServer } from './test-server.js';
import { postChat } from './transport.js';
import { context, moveRequest, testAgent } from './test-helpers.js';

const ROUNDS = 5;
const PER_ROUND = 200;
const ANSWER = '{"plan": "take the centre", "move": "b2"}';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall and CPU milliseconds per call of `once`, run `calls` times in a row. */
async function perCall(calls: number, once: (i: number) => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await once(i);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / calls, cpu: (used.user + used.system) / 1000 / calls };
}

/**
 * A test server in its own process (so its CPU does not compete with the client's event loop). It is stopped by
 * `stop()`, and in any case when this process exits (its stdin is our pipe, closed on exit however we end).
 */
async function childServer(latency: number, mode: 'answer' | 'stream' | 'first-legal' = 'answer'): Promise<{ url: string; stop: () => void }> {
  const script = fileURLToPath(new URL('./test-server-main.ts', import.meta.url));
  const flags = mode === 'stream' ? ['--stream'] : mode === 'first-legal' ? ['--first-legal'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--exit-on-stdin-close', '--latency', String(latency), '--text', ANSWER, ...flags], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stop = (): void => {
    process.off('exit', stop);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`test server exited with code ${code}`)));
    });
    lines.close();
    return { url, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Calls per second through `call` with `concurrency` in flight, over ten waves' worth of calls. */
async function rate(concurrency: number, call: () => Promise<unknown>): Promise<number> {
  const calls = concurrency * 10;
  const limit = pLimit(concurrency);
  const started = performance.now();
  await Promise.all(Array.from({ length: calls }, () => limit(call)));
  return calls / ((performance.now() - started) / 1000);
}

/** Arena and bare-request throughput against `url` (rounds interleaved, medians), in calls per second. */
async function throughput(url: string, concurrency: number, model: string): Promise<{ arena: number; bare: number }> {
  const agent = testAgent(url, { entry: { model, concurrency } });
  const request = moveRequest([0]);
  const ctx = context();
  const json = JSON.stringify({ model, messages: currentPrompts.move(request) });
  const bare = async (): Promise<unknown> => (await httpRequest(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })).body.json();
  await rate(concurrency, bare);
  const arena: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 3; round++) {
    plain.push(await rate(concurrency, bare));
    arena.push(await rate(concurrency, () => agent.decideMove(request, ctx)));
  }
  return { arena: median(arena), bare: median(plain) };
}

/** The protocols the in-flight benchmark plays with, as agent-spec parameters. */
const PROTOCOLS: ReadonlyArray<readonly [string, string]> = [
  ['answer=text', ''],
  ['answer=json_schema', ':answer=json_schema'],
  ['answer=tool', ':answer=tool'],
  ['history=conversation', ':history=conversation'],
  ['stream=true', ':stream=true'],
];

/** Rounds of the in-flight benchmark per protocol (protocols interleaved within each round; the median is reported). */
const IN_FLIGHT_ROUNDS = 3;

/**
 * 64 tic-tac-toe matches in flight, each an LLM seat (answering the first legal move after L ms, in whichever
 * channel it was asked, from a test server in its own process) against `random`, per protocol. Ideal wall time: the
 * longest match's model calls × L. First one untimed round of 64 per protocol, so one-off costs of the process
 * (module loading, first compilation, opening the 64 connections, growing the heap) are charged to no protocol; then
 * rounds with the protocols interleaved, so a change in the machine's load falls on all of them alike.
 */
async function matchesInFlight(latency: number): Promise<BenchResult[]> {
  const { runMoveMatch } = await import('../match/move-match.js');
  const { createAgent } = await import('../agents/registry.js');
  const { registerBuiltinAgents } = await import('../agents/builtin.js');
  registerBuiltinAgents();
  const server = await childServer(latency, 'first-legal');
  try {
    const env = { models: { m: { base_url: server.url, model: 'm', api_key_env: null, concurrency: 128, retries: 0, timeout_s: 30 } } };
    const round = async (params: string): Promise<{ ratio: number; wall: number; calls: number; ideal: number; cpu: number }> => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const traces = await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          runMoveMatch({ family: 'move', game: 'tic-tac-toe', params: {}, games: 1, seed: i + 1, seats: [{ side: 0, agent: `llm:m${params}`, name: 'llm' }, { side: 1, agent: 'random', name: 'random' }] }, [createAgent(`llm:m${params}`, env, 'move'), createAgent('random', {}, 'move')]),
        ),
      );
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const calls = traces.map((t) => t.reduce((n, e) => n + ((e.type === 'move' || e.type === 'rejection') && e.seat === 0 ? e.usage.calls : 0), 0));
      const ideal = Math.max(...calls) * latency;
      return { ratio: ideal / wall, wall, calls: calls.reduce((a, b) => a + b, 0), ideal, cpu: (used.user + used.system) / 1000 };
    };
    // What the machine and the server allow right now: 64 chains of 5 plain requests (a first-move prompt each, no
    // arena code), the calls of the longest match, against the same server.
    const body = JSON.stringify({ model: 'm', messages: currentPrompts.move(moveRequest([])) });
    const bare = async (): Promise<number> => {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 64 }, async () => {
          for (let k = 0; k < 5; k++) await (await httpRequest(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).body.json();
        }),
      );
      return (5 * latency) / (performance.now() - started);
    };
    for (const [, params] of PROTOCOLS) await round(params);
    await bare();
    const runs = new Map<string, Array<Awaited<ReturnType<typeof round>>>>(PROTOCOLS.map(([label]) => [label, []]));
    const ceiling: number[] = [];
    for (let r = 0; r < IN_FLIGHT_ROUNDS; r++) {
      for (const [label, params] of PROTOCOLS) runs.get(label)?.push(await round(params));
      ceiling.push(await bare());
    }
    const bareNote = `64 chains of 5 plain requests, same server, between rounds: ${median(ceiling).toFixed(2)} (${Math.min(...ceiling).toFixed(2)}-${Math.max(...ceiling).toFixed(2)}): what this machine allows right now`;
    const results = PROTOCOLS.map(([label]): BenchResult => {
      const all = runs.get(label) ?? [];
      const mid = [...all].sort((a, b) => a.ratio - b.ratio)[Math.floor(all.length / 2)] ?? all[0];
      if (mid === undefined) throw new Error(`no rounds for ${label}`);
      const range = `${Math.min(...all.map((x) => x.ratio)).toFixed(2)}-${Math.max(...all.map((x) => x.ratio)).toFixed(2)}`;
      return {
        name: `64 LLM matches in flight at L=${latency} ms, ${label}`,
        value: mid.ratio,
        unit: 'of ideal',
        note: `target >= 0.9; median of ${all.length} rounds (${range}); ${(mid.wall / 1000).toFixed(2)} s for ${mid.calls} calls, ideal ${(mid.ideal / 1000).toFixed(2)} s; arena CPU ${(mid.cpu / mid.calls).toFixed(2)} ms per call`,
      };
    });
    return [...results, { name: `  no arena: plain requests in flight at L=${latency} ms`, value: median(ceiling), unit: 'of ideal', note: bareNote }];
  } finally {
    server.stop();
  }
}

/**
 * The arena's own cost per model call against a local server with no added latency, side by side with a bare
 * request loop (undici's `request`, the client the transport uses) carrying the same request (rounds interleaved, medians; wall and process CPU time, the server's work
 * being the same in both), and the throughput reached against a server with fixed latency L at concurrency C as a
 * fraction of the ideal C / L.
 */
export async function bench(): Promise<BenchResult[]> {
  const server = await startTestServer({ behaviour: { kind: 'answer', text: ANSWER } });
  const results: BenchResult[] = [];
  try {
    const request = moveRequest([0]);
    const body = { model: 'test-model', messages: currentPrompts.move(request) };
    const json = JSON.stringify(body);
    const bare = async (): Promise<unknown> => (await httpRequest(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })).body.json();
    const transport = { baseUrl: server.url, apiKey: null, apiKeyEnv: null, timeoutMs: 10_000, retries: 2, retryBaseMs: 10, retryMaxMs: 100, concurrency: 64 };
    const agent = testAgent(server.url, { entry: { concurrency: 64 } });
    const store = new MemoryCache();
    const filler = testAgent(server.url, { entry: { concurrency: 64 }, cache: { store, mode: 'read-write' } });
    for (let i = 0; i < PER_ROUND; i++) await filler.decideMove(request, context());
    for (let warm = 0; warm < 100; warm++) await Promise.all([bare(), postChat(transport, body), agent.decideMove(request, context())]);
    const runs = { bare: [] as Array<{ wall: number; cpu: number }>, transport: [] as Array<{ wall: number; cpu: number }>, agent: [] as Array<{ wall: number; cpu: number }>, hit: [] as Array<{ wall: number; cpu: number }> };
    for (let round = 0; round < ROUNDS; round++) {
      runs.bare.push(await perCall(PER_ROUND, bare));
      runs.transport.push(await perCall(PER_ROUND, () => postChat(transport, body)));
      runs.agent.push(await perCall(PER_ROUND, () => agent.decideMove(request, context())));
      const replay = testAgent(server.url, { cache: { store, mode: 'read' } });
      runs.hit.push(await perCall(PER_ROUND, () => replay.decideMove(request, context())));
    }
    const wall = (k: keyof typeof runs): number => median(runs[k].map((r) => r.wall));
    const cpu = (k: keyof typeof runs): number => median(runs[k].map((r) => r.cpu));
    results.push(
      { name: 'bare request round trip (same request, no added latency)', value: wall('bare'), unit: 'ms/call', note: `CPU ${cpu('bare').toFixed(3)} ms` },
      { name: 'postChat round trip', value: wall('transport'), unit: 'ms/call', note: `CPU ${cpu('transport').toFixed(3)} ms` },
      { name: 'LlmAgent.decideMove round trip (prompt, key, parse)', value: wall('agent'), unit: 'ms/call', note: `CPU ${cpu('agent').toFixed(3)} ms` },
      { name: 'transport overhead over bare request, CPU', value: cpu('transport') - cpu('bare'), unit: 'ms/call', note: 'target < 1 ms' },
      { name: 'agent overhead over bare request, CPU', value: cpu('agent') - cpu('bare'), unit: 'ms/call', note: 'target < 1 ms' },
      { name: 'agent overhead over bare request, wall', value: wall('agent') - wall('bare'), unit: 'ms/call', note: 'noisy on a shared machine' },
      { name: 'cached decision (memory store hit, no request)', value: wall('hit'), unit: 'ms/call', note: `CPU ${cpu('hit').toFixed(3)} ms` },
    );
  } finally {
    await server.close();
  }

  const latency = 200;
  const concurrency = 16;
  const ideal = concurrency / (latency / 1000);
  const report = (where: string, r: { arena: number; bare: number }): void => {
    results.push(
      { name: `throughput at L=${latency} ms, C=${concurrency}, ${where}`, value: r.arena / ideal, unit: 'of ideal C/L', note: `target >= 0.9; ${r.arena.toFixed(1)} calls/s, ideal ${ideal}` },
      { name: `  bare request pool, same server, side by side`, value: r.bare / ideal, unit: 'of ideal C/L', note: `${r.bare.toFixed(1)} calls/s: what this machine allows right now` },
    );
  };
  // Streaming on vs off: the client's CPU per decision against a server in its own process (no added latency).
  const streaming = await childServer(0, 'stream');
  try {
    const request = moveRequest([0]);
    const off = testAgent(streaming.url, { entry: { concurrency: 64 } });
    const on = testAgent(streaming.url, { entry: { concurrency: 64, stream: true } });
    for (let warm = 0; warm < 100; warm++) await Promise.all([off.decideMove(request, context()), on.decideMove(request, context())]);
    const cpuOff: number[] = [];
    const cpuOn: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      cpuOff.push((await perCall(PER_ROUND, () => off.decideMove(request, context()))).cpu);
      cpuOn.push((await perCall(PER_ROUND, () => on.decideMove(request, context()))).cpu);
    }
    results.push(
      { name: 'decision CPU, streaming off (server in its own process)', value: median(cpuOff), unit: 'ms/call' },
      { name: 'decision CPU, streaming on (same reply as server-sent events)', value: median(cpuOn), unit: 'ms/call' },
      { name: 'CPU added by streaming', value: median(cpuOn) - median(cpuOff), unit: 'ms/call', note: 'target < 0.5 ms' },
    );
  } finally {
    streaming.stop();
  }
  results.push(...(await matchesInFlight(latency)));

  const remote = await childServer(latency);
  try {
    report('server in its own process', await throughput(remote.url, concurrency, 'remote-model'));
  } finally {
    remote.stop();
  }
  const local = await startTestServer({ behaviour: { kind: 'slow', ms: latency, then: { kind: 'answer', text: ANSWER } } });
  try {
    report('server in this process', await throughput(local.url, concurrency, 'local-model'));
  } finally {
    await local.close();
  }
  return results;
}
