import pLimit from 'p-limit';
import type { BenchResult } from '../../test/bench/types.js';
import { MemoryCache } from './cache.js';
import { currentPrompts } from './prompts/index.js';
import { startTestServer } from './test-server.js';
import { postChat } from './transport.js';
import { BENCH_ANSWER, childServer, context, moveRequest, plainPost, testAgent } from './test-helpers.js';

const ROUNDS = 5;
const PER_ROUND = 200;

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
  const bare = (): Promise<unknown> => plainPost(url, json);
  await rate(concurrency, bare);
  const arena: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 3; round++) {
    plain.push(await rate(concurrency, bare));
    arena.push(await rate(concurrency, () => agent.decideMove(request, ctx)));
  }
  return { arena: median(arena), bare: median(plain) };
}

/**
 * The arena's own cost per model call against a local server with no added latency, side by side with a bare
 * request loop (`plainPost`: the transport's HTTP client, no arena code) carrying the same request (rounds interleaved, medians; wall and process CPU time, the server's work
 * being the same in both), and the throughput reached against a server with fixed latency L at concurrency C as a
 * fraction of the ideal C / L.
 */
export async function bench(): Promise<BenchResult[]> {
  const server = await startTestServer({ behaviour: { kind: 'answer', text: BENCH_ANSWER } });
  const results: BenchResult[] = [];
  try {
    const request = moveRequest([0]);
    const body = { model: 'test-model', messages: currentPrompts.move(request) };
    const json = JSON.stringify(body);
    const bare = (): Promise<unknown> => plainPost(server.url, json);
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

  const remote = await childServer(latency);
  try {
    report('server in its own process', await throughput(remote.url, concurrency, 'remote-model'));
  } finally {
    remote.stop();
  }
  const local = await startTestServer({ behaviour: { kind: 'slow', ms: latency, then: { kind: 'answer', text: BENCH_ANSWER } } });
  try {
    report('server in this process', await throughput(local.url, concurrency, 'local-model'));
  } finally {
    await local.close();
  }
  return results;
}
