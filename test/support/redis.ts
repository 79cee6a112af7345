import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Redis for the queue tests. `ARENA_TEST_REDIS_URL` (set by `.ci/run`) names a running server; without it the tests
 * start their own `redis-server` (Debian's package) on a free port of 127.0.0.1. Each test file takes its own
 * database number, so files running side by side never see each other's jobs.
 */
export interface TestRedis {
  readonly url: string;
  /** Stops a server this helper started (no-op for a shared one). */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function waitForPing(url: string, child: ChildProcess | undefined): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline || child?.exitCode !== null && child !== undefined) throw new Error(`redis-server did not answer at ${url}: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      client.disconnect();
    }
  }
}

/** Starts a private redis-server (no persistence) on a free port; requires the `redis-server` binary. */
export async function startRedisServer(port?: number): Promise<TestRedis & { readonly port: number; readonly child: ChildProcess }> {
  if (!hasRedisServer()) throw new Error("redis-server not found: install Debian's redis-server (apt-get install redis-server) or set ARENA_TEST_REDIS_URL");
  const p = port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${p}`;
  await waitForPing(url, child);
  return {
    url,
    port: p,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/** The test file's Redis database (`db` in 1..15), emptied first. */
export async function testRedis(db: number): Promise<TestRedis> {
  const shared = process.env['ARENA_TEST_REDIS_URL'];
  const server = shared === undefined || shared === '' ? await startRedisServer() : undefined;
  const url = `${(server?.url ?? shared ?? '').replace(/\/\d*$/, '')}/${db}`;
  await waitForPing(url, undefined);
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  await client.flushdb();
  client.disconnect();
  return { url, stop: async () => server?.stop() };
}
