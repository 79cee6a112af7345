import pLimit, { type LimitFunction } from 'p-limit';

/** Runs `fn` once the endpoint admits one more request in flight. */
export type EndpointLimit = <T>(fn: () => Promise<T>) => Promise<T>;

/** Builds the limiter of one base URL allowing `concurrency` requests in flight (e.g. one shared across machines). */
export type EndpointLimitFactory = (baseUrl: string, concurrency: number) => EndpointLimit;

const limits = new Map<string, LimitFunction>();
const shared = new Map<string, { limit: EndpointLimit; concurrency: number }>();
let factory: EndpointLimitFactory | undefined;

/**
 * Makes every endpoint limit of this process come from `make` (a limit shared by several processes, such as the
 * queue workers' Redis semaphores), or, with undefined, from this process alone again.
 */
export function useEndpointLimits(make: EndpointLimitFactory | undefined): void {
  factory = make;
  shared.clear();
}

/**
 * The limiter of one endpoint (keyed by base URL), shared by every agent using it: process-wide, or as wide as the
 * factory installed with `useEndpointLimits`. When agents ask for different limits, the smallest one applies to all.
 */
export function endpointLimit(baseUrl: string, concurrency: number): EndpointLimit {
  if (factory !== undefined) {
    const known = shared.get(baseUrl);
    if (known !== undefined && known.concurrency <= concurrency) return known.limit;
    const made = { limit: factory(baseUrl, concurrency), concurrency };
    shared.set(baseUrl, made);
    return made.limit;
  }
  const existing = limits.get(baseUrl);
  if (existing !== undefined) {
    if (concurrency < existing.concurrency) existing.concurrency = concurrency;
    return existing;
  }
  const created = pLimit(concurrency);
  limits.set(baseUrl, created);
  return created;
}
