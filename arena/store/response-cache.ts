import type { ResponseCache } from '../llm/cache.js';
import type { ChatResult } from '../llm/chat.js';
import type { Store } from './store.js';

/** The LLM response cache kept in the results store, so a re-run of a tournament is exact and free. */
export class StoreResponseCache implements ResponseCache {
  /** The keys this instance answered from the store (a run's manifest counts the replies that came from the cache). */
  readonly hits = new Set<string>();

  constructor(private readonly store: Store) {}

  async get(key: string): Promise<ChatResult | undefined> {
    const text = this.store.cacheGet(key);
    if (text === undefined) return undefined;
    this.hits.add(key);
    return JSON.parse(text) as ChatResult;
  }

  async put(key: string, value: ChatResult): Promise<void> {
    this.store.cachePut(key, JSON.stringify(value));
  }
}
