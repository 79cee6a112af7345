import { extractPlanJson } from '../../games/core/reply.js';
import { UsageError, unknownChoice } from '../errors.js';
import type { AgentEnv, AgentKind } from '../agents/registry.js';
import { checkParams, type AgentSpec } from '../spec/agent-spec.js';
import type { Agent, AgentContext, MoveDecision, MoveRequest, PlanDecision, PlanRequest } from '../agents/agent.js';
import { callCost, callUsage, tokenBudgetMeta } from './accounting.js';
import { isLlmCache, requestIdentity, sampleKey, type LlmCache } from './cache.js';
import type { ChatMessage, ChatResult } from './chat.js';
import { InfrastructureError } from './infrastructure-error.js';
import { checkModelConfig, DEFAULT_MODELS_PATH, endpointOf, type ModelConfig } from './models.js';
import { extractMove, isPlainObject, recoverJson, splitReasoning } from './parse.js';
import { currentPrompts, type PromptSet } from './prompts/index.js';
import { postChat, type TransportOptions } from './transport.js';

export interface LlmAgentOptions {
  /** The agent spec string, e.g. `llm:my-model:temperature=0.7`. */
  readonly id: string;
  /** The model's name in the models config. */
  readonly name: string;
  /** The validated entry, spec overrides applied. */
  readonly config: ModelConfig;
  readonly cache?: LlmCache;
  /** Where the key variable is looked up (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default: the current prompt set. */
  readonly prompts?: PromptSet;
}

/** What this agent actually did, cache hits included (traces replay recorded usage; these are the real figures). */
export interface LlmStats {
  readonly decisions: number;
  readonly cacheHits: number;
  /** Requests that reached the endpoint (and got an answer). */
  readonly requests: number;
  readonly retries: number;
  /** Spent at the configured prices on those requests; cache hits cost nothing. */
  readonly spentUsd: number;
}

interface Completed {
  readonly result: ChatResult;
  readonly key: string;
}

/**
 * A player behind an OpenAI-compatible chat endpoint. One decision is one chat completion (re-asks are new
 * requests from the runner). Plan games: `text` is the reply with reasoning removed, read by the runner with the
 * SPEC §1.2 extraction; with `plan_repair` on, a plan that extraction would reject but the lenient parser
 * recovers is returned as `plan` (and `meta.repaired` lists how). Move games: `text` is the recovered move and
 * `meta.plan` the stated plan. The raw reply, recovery steps, request key and token budget go into `meta`;
 * nothing about the cache does, so a cached re-run produces an identical trace.
 */
export class LlmAgent implements Agent {
  readonly kind = 'llm';
  readonly id: string;
  readonly #name: string;
  readonly #config: ModelConfig;
  readonly #transport: TransportOptions;
  readonly #missingKey: string | null;
  readonly #cache: LlmCache | undefined;
  readonly #prompts: PromptSet;
  readonly #seen = new Map<string, number>();
  #stats: LlmStats = { decisions: 0, cacheHits: 0, requests: 0, retries: 0, spentUsd: 0 };

  constructor(options: LlmAgentOptions) {
    this.id = options.id;
    this.#name = options.name;
    this.#config = options.config;
    this.#cache = options.cache;
    this.#prompts = options.prompts ?? currentPrompts;
    const endpoint = endpointOf(options.config);
    const key = endpoint.apiKeyEnv === null ? null : (options.env ?? process.env)[endpoint.apiKeyEnv] ?? '';
    this.#missingKey = key === '' ? endpoint.apiKeyEnv : null;
    this.#transport = {
      baseUrl: endpoint.baseUrl,
      apiKey: key === '' ? null : key,
      apiKeyEnv: endpoint.apiKeyEnv,
      timeoutMs: options.config.timeout_s * 1000,
      retries: options.config.retries,
      retryBaseMs: options.config.retry_base_ms,
      retryMaxMs: options.config.retry_max_ms,
      concurrency: options.config.concurrency,
    };
  }

  /** Whether the key variable is unset (allowed only while answers can come from the cache). */
  get missingKey(): string | null {
    return this.#missingKey;
  }

  get stats(): LlmStats {
    return this.#stats;
  }

  private body(messages: readonly ChatMessage[]): Record<string, unknown> {
    const c = this.#config;
    const body: Record<string, unknown> = { ...(c.extra_body ?? {}), model: c.model, messages };
    if (c.temperature !== undefined) body['temperature'] = c.temperature;
    if (c.top_p !== undefined) body['top_p'] = c.top_p;
    if (c.max_tokens !== undefined) body[c.max_tokens_param] = c.max_tokens;
    if (c.reasoning_effort !== undefined) body['reasoning_effort'] = c.reasoning_effort;
    return body;
  }

  /**
   * The cache key: the request identity plus a sample id made of a per-match salt (drawn from the seat's seeded
   * generator, unless samples are shared across matches) and how often this exact request came before, so repeated
   * identical requests are distinct samples and a re-run of the match asks for the same ones.
   */
  private key(body: Record<string, unknown>, ctx: AgentContext): string {
    const salt = this.#config.sample_scope === 'global' ? 'global' : String(ctx.rng.fork('llm-sample').int(0, 2 ** 31 - 1));
    const identity = requestIdentity(this.#transport.baseUrl, body);
    const seen = `${salt}:${identity}`;
    const n = this.#seen.get(seen) ?? 0;
    this.#seen.set(seen, n + 1);
    return sampleKey(identity, `${salt}#${n}`);
  }

  private async complete(messages: readonly ChatMessage[], ctx: AgentContext): Promise<Completed> {
    const body = this.body(messages);
    const key = this.key(body, ctx);
    const mode = this.#cache?.mode ?? 'off';
    this.#stats = { ...this.#stats, decisions: this.#stats.decisions + 1 };
    if (this.#cache !== undefined && (mode === 'read' || mode === 'read-write')) {
      const hit = await this.#cache.store.get(key);
      if (hit !== undefined) {
        this.#stats = { ...this.#stats, cacheHits: this.#stats.cacheHits + 1 };
        return { result: hit, key };
      }
    }
    if (this.#missingKey !== null) {
      throw new InfrastructureError(`model '${this.#name}': environment variable ${this.#missingKey} is not set and the answer is not in the cache`);
    }
    const result = await postChat(this.#transport, body, ctx.signal);
    const s = this.#stats;
    this.#stats = { ...s, requests: s.requests + 1, retries: s.retries + result.retries, spentUsd: s.spentUsd + callCost(result.tokens, this.#config.price) };
    if (this.#cache !== undefined && (mode === 'write' || mode === 'read-write')) await this.#cache.store.put(key, result);
    return { result, key };
  }

  private baseMeta(done: Completed): Record<string, unknown> {
    const r = done.result;
    return {
      model: this.#name,
      endpointModel: r.model ?? this.#config.model,
      promptVersion: this.#prompts.version,
      requestKey: done.key,
      finishReason: r.finishReason,
      latencyMs: r.latencyMs,
      retries: r.retries,
      ...(r.refusal !== null ? { refusal: r.refusal } : {}),
      ...(r.tokens.reported ? {} : { usageReported: false }),
      ...tokenBudgetMeta(r, this.#config.token_budget),
    };
  }

  async decidePlan(request: PlanRequest, ctx: AgentContext): Promise<PlanDecision> {
    const done = await this.complete(this.#prompts.plan(request), ctx);
    const { content } = done.result;
    const split = splitReasoning(content, done.result.reasoning);
    const key = request.game.sides[request.side].planKey;
    const recovery = recoverJson(split.answer, (v) => isPlainObject(v) && key in v);
    const repair = this.#config.plan_repair && recovery.ok && !extractPlanJson(split.answer).ok;
    const meta: Record<string, unknown> = {
      ...this.baseMeta(done),
      recovery: [...split.steps, ...recovery.steps],
      ...(repair ? { repaired: recovery.steps } : {}),
      ...(content.trim() !== split.answer ? { raw: content } : {}),
    };
    return {
      text: split.answer,
      ...(repair && recovery.ok ? { plan: recovery.value } : {}),
      ...(split.reasoning !== '' ? { reasoning: split.reasoning } : {}),
      usage: callUsage(done.result, this.#config.price),
      meta,
    };
  }

  async decideMove(request: MoveRequest, ctx: AgentContext): Promise<MoveDecision> {
    const done = await this.complete(this.#prompts.move(request), ctx);
    const { content } = done.result;
    const split = splitReasoning(content, done.result.reasoning);
    const move = extractMove(split.answer);
    const text = move.move ?? split.answer;
    const meta: Record<string, unknown> = {
      ...this.baseMeta(done),
      ...(move.plan !== null ? { plan: move.plan } : {}),
      recovery: [...split.steps, ...move.steps],
      ...(content !== text ? { raw: content } : {}),
    };
    return {
      text,
      ...(split.reasoning !== '' ? { reasoning: split.reasoning } : {}),
      usage: callUsage(done.result, this.#config.price),
      meta,
    };
  }
}

const NUMERIC = ['temperature', 'top_p', 'max_tokens', 'token_budget'] as const;
const BOOLEAN = ['plan_repair'] as const;
const TEXT = ['reasoning_effort', 'sample_scope'] as const;
const KNOWN: readonly string[] = [...NUMERIC, ...BOOLEAN, ...TEXT];

function overrides(spec: AgentSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(spec.params)) {
    if ((NUMERIC as readonly string[]).includes(key)) out[key] = raw.trim() === '' ? Number.NaN : Number(raw);
    else if ((BOOLEAN as readonly string[]).includes(key)) {
      if (!['true', 'false', '1', '0'].includes(raw)) throw new UsageError(`agent '${spec.text}': ${key} must be true or false, got '${raw}'`);
      out[key] = raw === 'true' || raw === '1';
    } else out[key] = raw;
  }
  return out;
}

function cacheOf(env: AgentEnv): LlmCache | undefined {
  if (env.cache === undefined) return undefined;
  if (!isLlmCache(env.cache)) throw new TypeError('AgentEnv.cache must be an LlmCache ({ store: ResponseCache, mode })');
  return env.cache;
}

/** Builds an LLM agent from `llm:<model>[:param=value,...]`; the model comes from `AgentEnv.models`. */
export function createLlmAgent(spec: AgentSpec, env: AgentEnv, processEnv: Readonly<Record<string, string | undefined>> = process.env): LlmAgent {
  checkParams(spec, KNOWN);
  const models = env.models;
  if (models === undefined) throw new UsageError(`agent '${spec.text}': no models config loaded (default path ${DEFAULT_MODELS_PATH})`);
  const name = spec.arg;
  if (name === undefined) throw new UsageError(`agent '${spec.text}' needs a model name, e.g. llm:my-model; defined: ${Object.keys(models).join(', ') || '(none)'}`);
  const entry = models[name];
  if (entry === undefined) throw unknownChoice('model', name, Object.keys(models).sort());
  const base = checkModelConfig(entry, 'models config', name);
  const config = Object.keys(spec.params).length > 0 ? checkModelConfig({ ...base, ...overrides(spec) }, `agent '${spec.text}'`, name) : base;
  const cache = cacheOf(env);
  const agent = new LlmAgent({ id: spec.text, name, config, env: processEnv, ...(cache === undefined ? {} : { cache }) });
  const reads = cache !== undefined && (cache.mode === 'read' || cache.mode === 'read-write');
  if (agent.missingKey !== null && !reads) {
    throw new UsageError(`model '${name}': environment variable ${agent.missingKey} is not set (it should hold the API key)`);
  }
  return agent;
}

export const llmAgentKind: AgentKind = {
  kind: 'llm',
  families: ['plan', 'move'],
  description: 'a language model behind any OpenAI-compatible chat endpoint, defined in the models config',
  params: [
    'temperature=(config): sampling temperature',
    'top_p=(config): nucleus sampling',
    'max_tokens=(config): completion token limit sent to the endpoint',
    'reasoning_effort=(config): none|minimal|low|medium|high, where the endpoint supports it',
    'token_budget=(config): generated tokens per decision, reported in meta (never enforced)',
    'plan_repair=(config, false): plan games: accept plans recovered beyond the SPEC §1.2 extraction',
    'sample_scope=(config, match): match|global: whether identical requests share cached answers across matches',
  ],
  create: (spec, env) => createLlmAgent(spec, env),
};
