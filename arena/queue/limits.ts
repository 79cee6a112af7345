import type { Redis } from 'ioredis';
import { Semaphore } from 'redis-semaphore';
import type { EndpointLimitFactory } from '../llm/limiter.js';

/**
 * Endpoint limits shared by every worker on one Redis: each base URL gets a Redis semaphore (redis-semaphore), so
 * the requests in flight to it, summed over all workers and machines, never pass its `concurrency`. A holder that
 * dies (a killed worker) stops refreshing its slot, and the slot expires after `lockTimeoutMs`.
 */
export function redisEndpointLimits(client: Redis, options: { readonly lockTimeoutMs?: number; readonly log?: (line: string) => void } = {}): EndpointLimitFactory {
  const lockTimeout = options.lockTimeoutMs ?? 30_000;
  return (baseUrl, concurrency) =>
    async <T>(fn: () => Promise<T>): Promise<T> => {
      const semaphore = new Semaphore(client, `arena:endpoint:${baseUrl}`, concurrency, {
        lockTimeout,
        refreshInterval: Math.floor(lockTimeout * 0.4),
        acquireTimeout: 7 * 24 * 3600 * 1000,
        retryInterval: 20,
        onLockLost: () => options.log?.(`lost an endpoint slot of ${baseUrl} (Redis unreachable too long)`),
      });
      await semaphore.acquire();
      try {
        return await fn();
      } finally {
        await semaphore.release().catch(() => undefined);
      }
    };
}
