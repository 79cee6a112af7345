import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChatResult } from './chat.js';

/**
 * off: never used. read: hits are replayed, misses go to the endpoint and are not stored. write: every request
 * goes to the endpoint and the answer is stored (refresh). read-write: hits are replayed, misses are stored.
 */
export type CacheMode = 'off' | 'read' | 'write' | 'read-write';

export const CACHE_MODES: readonly CacheMode[] = ['off', 'read', 'write', 'read-write'];

/** Where model answers are kept, by request key. Minimal on purpose: any key-value store can implement it. */
export interface ResponseCache {
  get(key: string): Promise<ChatResult | undefined>;
  put(key: string, value: ChatResult): Promise<void>;
}

/** The cache handle LLM agents take from `AgentEnv.cache`. */
export interface LlmCache {
  readonly store: ResponseCache;
  readonly mode: CacheMode;
}

export function isLlmCache(value: unknown): value is LlmCache {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { store?: { get?: unknown; put?: unknown }; mode?: unknown };
  return typeof v.store?.get === 'function' && typeof v.store.put === 'function' && CACHE_MODES.includes(v.mode as CacheMode);
}

/** Bump when the key's ingredients or the stored value change meaning; old entries then simply miss. */
const KEY_VERSION = 1;

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = stable((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * SHA-256 (hex) of what a request asks, whatever the sample: the base URL and the full request body (model,
 * messages, sampling parameters, extra fields). Never the API key: it is not part of a request's identity and must
 * not reach stored files.
 */
export function requestIdentity(baseUrl: string, body: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(JSON.stringify(stable({ v: KEY_VERSION, baseUrl, body }))).digest('hex');
}

/** The cache key of one sample of a request: SHA-256 over the request identity and the sample id. */
export function sampleKey(identity: string, sample: string): string {
  return createHash('sha256').update(`${identity}\n${sample}`).digest('hex');
}

/** The cache key of a request and sample id in one step. */
export function requestKey(baseUrl: string, body: Readonly<Record<string, unknown>>, sample: string): string {
  return sampleKey(requestIdentity(baseUrl, body), sample);
}

const chatResultSchema = z.object({
  content: z.string(),
  reasoning: z.string(),
  refusal: z.string().nullable(),
  finishReason: z.string().nullable(),
  model: z.string().nullable(),
  tokens: z.object({ prompt: z.number(), completion: z.number(), reasoning: z.number(), reported: z.boolean(), cached: z.number().optional() }),
  latencyMs: z.number(),
  retries: z.number(),
  toolCalls: z.array(z.object({ id: z.string().optional(), name: z.string(), arguments: z.string() })).optional(),
});

const entrySchema = z.object({ v: z.literal(KEY_VERSION), key: z.string(), result: chatResultSchema });

/** The embedded default store: one JSON file per answer, `<dir>/<first 2 hex>/<key>.json`, written atomically. */
export class DirectoryCache implements ResponseCache {
  private readonly made = new Set<string>();
  private serial = 0;

  constructor(readonly dir: string = '.arena-cache') {}

  private file(key: string): { folder: string; path: string } {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`cache key must be a SHA-256 hex digest, got '${key.slice(0, 80)}'`);
    const folder = join(this.dir, key.slice(0, 2));
    return { folder, path: join(folder, `${key}.json`) };
  }

  /** A missing, unreadable or malformed entry is a miss (it is overwritten on the next store). */
  async get(key: string): Promise<ChatResult | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(key).path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = entrySchema.safeParse(JSON.parse(text));
      return entry.success && entry.data.key === key ? (entry.data.result as ChatResult) : undefined;
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: ChatResult): Promise<void> {
    const { folder, path } = this.file(key);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    const tmp = `${path}.${process.pid}.${this.serial++}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ v: KEY_VERSION, key, result: value })}\n`);
    await rename(tmp, path);
  }
}

/** An in-process store (tests, benchmarks, single runs that only need de-duplication). */
export class MemoryCache implements ResponseCache {
  private readonly entries = new Map<string, ChatResult>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<ChatResult | undefined> {
    return Promise.resolve(this.entries.get(key));
  }

  put(key: string, value: ChatResult): Promise<void> {
    this.entries.set(key, value);
    return Promise.resolve();
  }
}
