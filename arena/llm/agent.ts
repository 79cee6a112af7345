import { extractPlanJson } from '../../games/core/reply.js';
import { UsageError, unknownChoice } from '../errors.js';
import type { AgentEnv, AgentKind } from '../agents/registry.js';
import { checkParams, type AgentSpec } from '../spec/agent-spec.js';
import type { Agent, AgentContext, MoveDecision, MoveRequest, PlanDecision, PlanRequest } from '../agents/agent.js';
import { callCost, callUsage, tokenBudgetMeta } from './accounting.js';
import { isLlmCache, requestIdentity, sampleKey, type LlmCache } from './cache.js';
import { isTruncation, type ChatMessage, type ChatResult } from './chat.js';
import { truncationReask } from './prompts/notes.js';
import { conversation, EMPTY_CHAT, makeTurn, withTurn, type ChatState } from './history.js';
import { summaryMessage } from './summary.js';
import { moveAnswer, moveLabel, moveOutcome, planAnswer, planLabel, planOutcome } from './turn-facts.js';
import { answerFields, answerText, moveShape, planShape, readCall, withAnswerNote, type AnswerShape } from './answer.js';
import { addUsage, type Usage } from '../trace/usage.js';
import { InfrastructureError } from './infrastructure-error.js';
import { checkModelConfig, DEFAULT_MODELS_PATH, endpointOf, parseModelEntry, type ModelConfig } from './models.js';
import { extractMove, isPlainObject, recoverJson, splitReasoning } from './parse.js';
import { currentPrompts, type PromptSet } from './prompts/index.js';
import { capResult, cutText } from './cap.js';
import { addSecrets } from './redact.js';
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

/** What a conversation keeps about a decision's turn (turn-facts.ts). */
interface TurnFacts<D> {
  readonly label: string;
  /** What followed the previous turn's answer, as this request tells it. */
  readonly previousOutcome: string;
  readonly answer: (decision: D) => string;
}

interface Completed {
  readonly result: ChatResult;
  readonly key: string;
  /** Whether the answer came from the endpoint (not the cache). */
  readonly fresh: boolean;
}

/**
 * A copy of `answer` within `maxBytes` that `same` accepts (it parses as the whole does), trying the cut that keeps
 * both ends, then the end, then the start; the whole answer (`whole: true`) when none does. A cut copy carries its
 * marker line (dropped bytes and their SHA-256) where the bytes were.
 */
function boundedAnswer(answer: string, maxBytes: number, same: (cut: string) => boolean): { text: string; whole?: true } {
  for (const mode of ['middle', 'tail', 'head'] as const) {
    const cut = cutText(answer, maxBytes, mode);
    if (cut.cut === undefined) return { text: answer };
    if (same(cut.text)) return { text: cut.text };
  }
  return { text: answer, whole: true };
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
  /** `history: conversation`: this match's chat so far (its turns, and those a summary stands for). */
  #chat: ChatState = EMPTY_CHAT;
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
    addSecrets([key]);
    this.#transport = {
      baseUrl: endpoint.baseUrl,
      apiKey: key === '' ? null : key,
      apiKeyEnv: endpoint.apiKeyEnv,
      timeoutMs: options.config.timeout_s * 1000,
      retries: options.config.retries,
      retryBaseMs: options.config.retry_base_ms,
      retryMaxMs: options.config.retry_max_ms,
      concurrency: options.config.concurrency,
      stream: options.config.stream,
      idleTimeoutMs: options.config.idle_timeout_s * 1000,
    };
  }

  /** The protocol settings, recorded on the agent's seat in every match spec. */
  get protocol(): Readonly<Record<string, string | number | boolean>> {
    const c = this.#config;
    return {
      answer: c.answer,
      history: c.history,
      ...(c.history === 'conversation' && c.context_tokens !== undefined ? { context_tokens: c.context_tokens } : {}),
      // Recorded when not the default (`drop`, the only policy before `summarise`), so earlier records keep their text.
      ...(c.history === 'conversation' && c.context_tokens !== undefined && c.context_policy !== 'drop' ? { context_policy: c.context_policy } : {}),
      legal_moves: c.legal_moves ?? 'game',
      truncation_reask: c.truncation_reask,
      stream: c.stream,
    };
  }

  /** Whether the key variable is unset (allowed only while answers can come from the cache). */
  get missingKey(): string | null {
    return this.#missingKey;
  }

  get stats(): LlmStats {
    return this.#stats;
  }

  private body(messages: readonly ChatMessage[], fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const c = this.#config;
    const body: Record<string, unknown> = { ...(c.extra_body ?? {}), ...fields, model: c.model, messages };
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

  private async complete(messages: readonly ChatMessage[], ctx: AgentContext, fields: Readonly<Record<string, unknown>> = {}): Promise<Completed> {
    const body = this.body(messages, fields);
    const key = this.key(body, ctx);
    const mode = this.#cache?.mode ?? 'off';
    this.#stats = { ...this.#stats, decisions: this.#stats.decisions + 1 };
    if (this.#cache !== undefined && (mode === 'read' || mode === 'read-write')) {
      const hit = await this.#cache.store.get(key);
      if (hit !== undefined) {
        this.#stats = { ...this.#stats, cacheHits: this.#stats.cacheHits + 1 };
        return { result: hit, key, fresh: false };
      }
    }
    if (this.#missingKey !== null) {
      throw new InfrastructureError(`model '${this.#name}': environment variable ${this.#missingKey} is not set and the answer is not in the cache`);
    }
    const result = await postChat(this.#transport, body, ctx.signal).catch((err: unknown) => {
      throw this.rejectedMode(err);
    });
    const s = this.#stats;
    this.#stats = { ...s, requests: s.requests + 1, retries: s.retries + result.retries, spentUsd: s.spentUsd + callCost(result.tokens, this.#config.price) };
    return { result, key, fresh: true };
  }

  /** A client error from an endpoint asked for a structured answer names the mode it most likely rejected. */
  private rejectedMode(err: unknown): unknown {
    const mode = this.#config.answer;
    if (mode === 'text' || !(err instanceof InfrastructureError) || err.status === undefined || err.status < 400 || err.status >= 500 || [401, 403, 408, 409, 429].includes(err.status)) return err;
    return new InfrastructureError(`model '${this.#name}': the endpoint refused answer=${mode} (${err.message}); set answer: text for this model`, { cause: err, status: err.status, attempts: err.attempts });
  }

  /**
   * The decision `make` builds from the whole reply (parsing always sees all of it). A fresh reply is cached cut to
   * the stored-text bound when the cut copy yields the very same decision (so a cached re-run is exact), else whole.
   */
  private async finish<D>(done: Completed, make: (result: ChatResult) => D): Promise<D> {
    const decision = make(done.result);
    const mode = this.#cache?.mode ?? 'off';
    if (done.fresh && this.#cache !== undefined && (mode === 'write' || mode === 'read-write')) {
      const capped = capResult(done.result, this.#config.stored_text_max_bytes);
      const same = capped === done.result || JSON.stringify(make(capped)) === JSON.stringify(decision);
      await this.#cache.store.put(done.key, same ? capped : done.result);
    }
    return decision;
  }

  /** Stored copies of reply text are cut to the bound (cap.ts); the marker line in a cut copy is its trace. */
  private stored(text: string): string {
    return cutText(text, this.#config.stored_text_max_bytes).text;
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
      ...(r.refusal !== null ? { refusal: this.stored(r.refusal) } : {}),
      ...(r.tokens.reported ? {} : { usageReported: false }),
      ...tokenBudgetMeta(r, this.#config.token_budget),
    };
  }

  /** Caches a fresh reply no decision is made from (a cut-off reply before its re-ask), cut to the stored-text bound. */
  private async keep(done: Completed): Promise<void> {
    const mode = this.#cache?.mode ?? 'off';
    if (done.fresh && this.#cache !== undefined && (mode === 'write' || mode === 'read-write')) {
      await this.#cache.store.put(done.key, capResult(done.result, this.#config.stored_text_max_bytes));
    }
  }

  /**
   * One decision: a request, and when its reply was cut off at the token limit (and `truncation_reask` is on) one
   * re-ask with a closing note; the decision is made from the last reply. Usage counts every call and the cut-off
   * replies (`usage.truncated`); `meta.truncation` records what happened.
   */
  private async decide<D extends { readonly usage: Usage; readonly meta?: Readonly<Record<string, unknown>> }>(
    prompt: readonly ChatMessage[],
    shape: AnswerShape,
    ctx: AgentContext,
    make: (done: Completed) => D,
    turn: TurnFacts<D>,
  ): Promise<D> {
    const mode = this.#config.answer;
    const fields = answerFields(mode, shape);
    const asked = withAnswerNote(prompt, mode, shape);
    if (this.#config.history !== 'conversation') return (await this.ask(asked, fields, ctx, make)).decision;
    const settings = { contextTokens: this.#config.context_tokens, policy: this.#config.context_policy, summarise: summaryMessage };
    const chat = conversation(this.#chat, asked, settings, turn.previousOutcome);
    this.#chat = chat.state;
    const { decision, last } = await this.ask(chat.messages, fields, ctx, make);
    const made = makeTurn({ n: chat.state.made + 1, asked: chat.asked, result: last.result, toolMode: mode === 'tool', read: readCall(last.result, shape), label: turn.label, answer: turn.answer(decision) });
    this.#chat = withTurn(chat.state, made);
    return { ...decision, meta: { ...decision.meta, history: chat.trace } };
  }

  private async ask<D extends { readonly usage: Usage; readonly meta?: Readonly<Record<string, unknown>> }>(
    messages: readonly ChatMessage[],
    fields: Readonly<Record<string, unknown>>,
    ctx: AgentContext,
    make: (done: Completed) => D,
  ): Promise<{ decision: D; last: Completed }> {
    const first = await this.complete(messages, ctx, fields);
    if (!isTruncation(first.result.finishReason)) return { decision: await this.finish(first, (result) => make({ ...first, result })), last: first };
    if (!this.#config.truncation_reask) {
      const decision = await this.finish(first, (result) => make({ ...first, result }));
      return { decision: { ...decision, usage: { ...decision.usage, truncated: 1 }, meta: { ...decision.meta, truncation: { reasked: false } } }, last: first };
    }
    await this.keep(first);
    const second = await this.complete(truncationReask(messages), ctx, fields);
    const decision = await this.finish(second, (result) => make({ ...second, result }));
    const truncated = isTruncation(second.result.finishReason) ? 2 : 1;
    const firstUsage = callUsage(first.result, this.#config.price);
    const truncation = { reasked: true, cutRequestKey: first.key, cutTokens: first.result.tokens.completion, cutLatencyMs: first.result.latencyMs };
    return { decision: { ...decision, usage: { ...addUsage(firstUsage, decision.usage), truncated }, meta: { ...decision.meta, truncation } }, last: second };
  }

  async decidePlan(request: PlanRequest, ctx: AgentContext): Promise<PlanDecision> {
    const shape = planShape(request);
    const turn = { label: planLabel(request), previousOutcome: planOutcome(request), answer: planAnswer };
    return this.decide(this.#prompts.plan(request), shape, ctx, (done) => this.planFrom(request, shape, done), turn);
  }

  private planFrom(request: PlanRequest, shape: AnswerShape, done: Completed): PlanDecision {
    const mode = this.#config.answer;
    const source = answerText(done.result, mode, shape);
    const content = source.text;
    const split = splitReasoning(content, done.result.reasoning);
    const key = request.game.sides[request.side].planKey;
    const accept = (v: unknown): boolean => isPlainObject(v) && key in v;
    const recovery = recoverJson(split.answer, accept);
    const extracted = extractPlanJson(split.answer);
    // A structured answer is the plan object itself when it is strict JSON (the reply parsing of the README is for text).
    const structured = mode !== 'text' && recovery.ok && recovery.steps.includes('json') && !recovery.steps.includes('double-encoded');
    const repair = structured || (this.#config.plan_repair && recovery.ok && !extracted.ok);
    // The runner parses `text` again (SPEC §1.2): a cut copy is used only when it parses exactly as the whole.
    const whole = JSON.stringify(extracted);
    const answer = boundedAnswer(split.answer, this.#config.stored_text_max_bytes, (cut) => JSON.stringify(extractPlanJson(cut)) === whole);
    const meta: Record<string, unknown> = {
      ...this.baseMeta(done),
      recovery: [...source.steps, ...split.steps, ...recovery.steps],
      ...(repair && !structured ? { repaired: recovery.steps } : {}),
      ...(content.trim() !== split.answer ? { raw: this.stored(content) } : {}),
      ...(content !== done.result.content && done.result.content !== '' ? { content: this.stored(done.result.content) } : {}),
      ...(answer.whole ? { answerKeptWhole: true } : {}),
    };
    return {
      text: answer.text,
      ...(repair && recovery.ok ? { plan: recovery.value } : {}),
      ...(split.reasoning !== '' ? { reasoning: this.stored(split.reasoning) } : {}),
      usage: callUsage(done.result, this.#config.price),
      meta,
    };
  }

  async decideMove(request: MoveRequest, ctx: AgentContext): Promise<MoveDecision> {
    const setting = this.#config.legal_moves;
    const legalShown = setting === undefined ? request.game.legalMovesShown !== false : setting === 'shown';
    const shape = moveShape(request, legalShown);
    const turn = { label: moveLabel(request), previousOutcome: moveOutcome(request), answer: moveAnswer };
    return this.decide(this.#prompts.move(request, { legalShown }), shape, ctx, (done) => this.moveFrom(shape, done), turn);
  }

  private moveFrom(shape: AnswerShape, done: Completed): MoveDecision {
    const source = answerText(done.result, this.#config.answer, shape);
    const content = source.text;
    const split = splitReasoning(content, done.result.reasoning);
    const move = extractMove(split.answer);
    // Without a recovered move the runner judges the answer itself: a cut copy is used only when it names no move either.
    const answer = move.move !== null ? { text: move.move } : boundedAnswer(split.answer, this.#config.stored_text_max_bytes, (cut) => extractMove(cut).move === null);
    const text = answer.text;
    const meta: Record<string, unknown> = {
      ...this.baseMeta(done),
      ...(move.plan !== null ? { plan: this.stored(move.plan) } : {}),
      recovery: [...source.steps, ...split.steps, ...move.steps],
      ...(content !== text ? { raw: this.stored(content) } : {}),
      ...(content !== done.result.content && done.result.content !== '' ? { content: this.stored(done.result.content) } : {}),
      ...(answer.whole ? { answerKeptWhole: true } : {}),
    };
    return {
      text,
      ...(split.reasoning !== '' ? { reasoning: this.stored(split.reasoning) } : {}),
      usage: callUsage(done.result, this.#config.price),
      meta,
    };
  }
}

const NUMERIC = ['temperature', 'top_p', 'max_tokens', 'token_budget', 'idle_timeout_s', 'context_tokens'] as const;
const BOOLEAN = ['plan_repair', 'truncation_reask', 'stream'] as const;
const TEXT = ['reasoning_effort', 'sample_scope', 'answer', 'legal_moves', 'history', 'context_policy'] as const;
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

/** The keys of every model in the config that reads one (entries that do not validate are skipped here). */
function configuredKeys(models: Readonly<Record<string, unknown>>, processEnv: Readonly<Record<string, string | undefined>>): string[] {
  const keys: string[] = [];
  for (const entry of Object.values(models)) {
    const parsed = parseModelEntry(entry);
    const variable = parsed.success ? endpointOf(parsed.data).apiKeyEnv : null;
    const value = variable === null ? undefined : processEnv[variable];
    if (value !== undefined) keys.push(value);
  }
  return keys;
}

function cacheOf(env: AgentEnv): LlmCache | undefined {
  if (env.cache === undefined) return undefined;
  if (!isLlmCache(env.cache)) throw new TypeError('AgentEnv.cache must be an LlmCache ({ store: ResponseCache, mode })');
  return env.cache;
}

/** The endpoint name of an `llm:<model>[:param=value,...]` spec and its model entry with the spec's overrides applied. */
export function effectiveModelConfig(spec: AgentSpec, models: Readonly<Record<string, unknown>>): { readonly name: string; readonly config: ModelConfig } {
  checkParams(spec, KNOWN);
  const name = spec.arg;
  if (name === undefined) throw new UsageError(`agent '${spec.text}' needs a model name, e.g. llm:my-model; defined: ${Object.keys(models).join(', ') || '(none)'}`);
  const entry = models[name];
  if (entry === undefined) throw unknownChoice('model', name, Object.keys(models).sort());
  const base = checkModelConfig(entry, 'models config', name);
  if (Object.keys(spec.params).length === 0) return { name, config: base };
  // A seat's overrides are parsed once per (entry, spec): every match of a tournament builds the same agents.
  let bySpec = overridden.get(base);
  if (bySpec === undefined) overridden.set(base, (bySpec = new Map()));
  let config = bySpec.get(spec.text);
  if (config === undefined) bySpec.set(spec.text, (config = checkModelConfig({ ...base, ...overrides(spec) }, `agent '${spec.text}'`, name)));
  return { name, config };
}

/** Model configs with a spec's overrides applied, by parsed entry and spec text. */
const overridden = new WeakMap<ModelConfig, Map<string, ModelConfig>>();

/** Builds an LLM agent from `llm:<model>[:param=value,...]`; the model comes from `AgentEnv.models`. */
export function createLlmAgent(spec: AgentSpec, env: AgentEnv, processEnv: Readonly<Record<string, string | undefined>> = process.env): LlmAgent {
  checkParams(spec, KNOWN);
  const models = env.models;
  if (models === undefined) throw new UsageError(`agent '${spec.text}': no models config loaded (default path ${DEFAULT_MODELS_PATH})`);
  addSecrets(configuredKeys(models, processEnv));
  const { name, config } = effectiveModelConfig(spec, models);
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
    'plan_repair=(config, false): plan games: accept plans recovered beyond the reply parsing of the README (a json fence or the whole reply)',
    'answer=(config, text): text|json_schema|tool: free text, response_format with the game\'s answer schema, or a submit_plan/play_move tool call',
    'history=(config, stateless): stateless|conversation: a fresh prompt per decision, or one chat per match that grows turn by turn',
    'context_tokens=(config, none): conversation: the oldest turns leave the chat while it is estimated above this many tokens (characters / 4)',
    'context_policy=(config, drop): drop|summarise: conversation over context_tokens: forget the oldest turns, or replace them by one summary message built by a fixed rule',
    'stream=(config, false): server-sent-event streaming, reasoning deltas kept apart from the answer',
    'idle_timeout_s=(config, 60): streaming: longest silence before the attempt fails and is retried',
    'legal_moves=(config, game): shown|hidden: move games: list the legal moves or not (unset: the game decides)',
    'truncation_reask=(config, true): one re-ask after a reply cut off at the token limit',
    'sample_scope=(config, match): match|global: whether identical requests share cached answers across matches',
  ],
  create: (spec, env) => createLlmAgent(spec, env),
};
