import pLimit, { type LimitFunction } from 'p-limit';

const limits = new Map<string, LimitFunction>();

/**
 * The process-wide limiter of one endpoint (keyed by base URL), shared by every agent using it. When agents ask
 * for different limits, the smallest one applies to all of them.
 */
export function endpointLimit(baseUrl: string, concurrency: number): LimitFunction {
  const existing = limits.get(baseUrl);
  if (existing !== undefined) {
    if (concurrency < existing.concurrency) existing.concurrency = concurrency;
    return existing;
  }
  const created = pLimit(concurrency);
  limits.set(baseUrl, created);
  return created;
}
