import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { DEFAULT_STORED_TEXT_BYTES } from './cap.js';
import { PRESET_NAMES, PRESETS } from './presets.js';
import { ANSWER_MODES } from './answer.js';
import { CONTEXT_POLICIES } from './history.js';

/** Where the CLI looks for model definitions unless told otherwise. */
export const DEFAULT_MODELS_PATH = 'arena.models.yaml';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * One model endpoint, as written in the models config file (snake_case, like the file). Parsing is idempotent:
 * defaults are filled in, nothing is renamed, so an already-parsed entry parses to itself.
 */
export const modelSchema = z
  .object({
    /** A common provider whose base URL (and usual key variable) to use; exclusive with base_url. */
    preset: z.enum(PRESET_NAMES).optional(),
    /** The OpenAI-compatible API root, e.g. `https://api.example.com/v1` (`/chat/completions` is appended). */
    base_url: z.url({ protocol: /^https?$/ }).optional(),
    /** The model name the endpoint expects. */
    model: z.string().min(1),
    /** NAME of the environment variable holding the key; null for none. Default: the preset's usual variable. */
    api_key_env: z.string().regex(ENV_NAME, 'expected an environment variable name').nullable().optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    max_tokens: z.int().positive().optional(),
    /** OpenAI's reasoning models want `max_completion_tokens`; most others `max_tokens`. */
    max_tokens_param: z.enum(['max_tokens', 'max_completion_tokens']).default('max_tokens'),
    /** Sent only when set, for endpoints that support it. */
    reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high']).optional(),
    /** US dollars per million input and output tokens. */
    price: z
      .object({ input: z.number().nonnegative(), output: z.number().nonnegative(), cached_input: z.number().nonnegative().optional() })
      .strict()
      .default({ input: 0, output: 0 }),
    /** Requests in flight at once, shared by every agent on the same base URL (the smallest limit wins). */
    concurrency: z.int().min(1).max(1024).default(4),
    /** Per attempt, covering the whole response body. */
    timeout_s: z.number().positive().max(3600).default(300),
    /** Retries after the first attempt, for timeouts, dropped connections, 408/409/429 and 5xx. */
    retries: z.int().min(0).max(20).default(4),
    /** Exponential backoff: base delay, doubled per retry, with jitter, capped (a Retry-After is honoured up to the cap). */
    retry_base_ms: z.number().min(0).default(1000),
    retry_max_ms: z.number().min(0).default(60_000),
    /** Generated tokens allowed per decision; only measured and reported (meta.overTokenBudget), never enforced. */
    token_budget: z.int().positive().optional(),
    /** Plan games: also accept plans the SPEC §1.2 extraction would reject but the lenient parser recovers. */
    plan_repair: z.boolean().default(false),
    /** Cache samples per match (seeded) or share identical requests across matches (sensible at temperature 0). */
    sample_scope: z.enum(['match', 'global']).default('match'),
    /**
     * Bound on each stored copy of reply text (raw reply, reasoning, answer) in traces, the cache and reports, in
     * UTF-8 bytes; longer copies are cut with a marker giving the dropped size and SHA-256. Parsing sees it all.
     */
    stored_text_max_bytes: z.int().min(1024).max(1 << 30).default(DEFAULT_STORED_TEXT_BYTES),
    /**
     * A reply cut off at the token limit (`finish_reason: length` or the provider's equivalent) gets one targeted
     * re-ask: the same request with a closing note asking for the answer alone. Off: the cut-off reply is judged as is.
     */
    truncation_reask: z.boolean().default(true),
    /**
     * How the answer is handed over: `text` (parsed leniently from the reply), `json_schema` (`response_format` with
     * the game's answer schema) or `tool` (a forced `submit_plan` / `play_move` function call).
     */
    answer: z.enum(ANSWER_MODES).default('text'),
    /** `stateless`: a fresh prompt with the feedback per decision; `conversation`: one chat per match, growing turn by turn. */
    history: z.enum(['stateless', 'conversation']).default('stateless'),
    /**
     * Conversation only: before each request the oldest turns are dropped while the chat is estimated (UTF-16
     * characters / 4) above this many tokens; the system message and the new turn are always kept. Traced per decision.
     */
    context_tokens: z.int().positive().optional(),
    /**
     * Conversation with `context_tokens`: what happens to the oldest turns over the limit: `drop` forgets them;
     * `summarise` replaces them by one summary message built by a fixed rule (one line per turn: where it was, the
     * answer, what followed; no model call). Recorded in the protocol when `summarise`.
     */
    context_policy: z.enum(CONTEXT_POLICIES).default('drop'),
    /** Ask for server-sent-event streaming; the reply is assembled as it arrives (reasoning deltas kept apart). */
    stream: z.boolean().default(false),
    /** Streaming: fail the attempt (and retry) when no bytes arrive for this long, however long the whole reply takes (`timeout_s`). */
    idle_timeout_s: z.number().positive().max(3600).default(60),
    /** Move games: list the legal moves in the prompt (and the move schema) or not; unset: the game decides (chess's `legal_moves` parameter, the default this setting overrides for its seat). */
    legal_moves: z.enum(['shown', 'hidden']).optional(),
    /** Extra provider-specific fields merged into the request body. */
    extra_body: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.preset === undefined) === (value.base_url === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected exactly one of base_url or preset', path: ['base_url'] });
    }
    // Summarising happens only over a context limit: without one the setting would do nothing, silently.
    if (value.context_policy === 'summarise' && value.context_tokens === undefined) {
      ctx.addIssue({ code: 'custom', message: 'summarise needs context_tokens (the estimated size above which the oldest turns are summarised)', path: ['context_policy'] });
    }
  });

export type ModelConfig = z.output<typeof modelSchema>;

const fileSchema = z
  .object({ models: z.record(z.string().regex(MODEL_NAME, 'model names use letters, digits and . _ / -'), modelSchema) })
  .strict();

export type ModelsConfig = Readonly<Record<string, ModelConfig>>;

function issuePath(prefix: readonly PropertyKey[], path: readonly PropertyKey[]): string {
  const all = [...prefix, ...path].map(String);
  return all.length > 0 ? all.join('.') : '(top level)';
}

function formatIssues(source: string, prefix: readonly PropertyKey[], error: z.ZodError): string {
  return error.issues.map((issue) => `${source}: ${issuePath(prefix, issue.path)}: ${issue.message}`).join('\n');
}

/** Parses a models config text (YAML, or JSON, which is YAML). Errors name the source, the path and the expectation. */
export function parseModelsConfig(text: string, source: string): ModelsConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new UsageError(`${source}: not valid YAML or JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) throw new UsageError(formatIssues(source, [], result.error));
  return result.data.models;
}

/** Reads and validates a models config file. */
export async function loadModelsFile(path: string = DEFAULT_MODELS_PATH): Promise<ModelsConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new UsageError(code === 'ENOENT' ? `models config '${path}' not found` : `cannot read models config '${path}': ${String(err)}`);
  }
  return parseModelsConfig(text, path);
}

/** Validates one model entry (e.g. from `AgentEnv.models`, or with spec overrides applied). */
export function checkModelConfig(value: unknown, source: string, name: string): ModelConfig {
  const result = parseModelEntry(value);
  if (!result.success) throw new UsageError(formatIssues(source, ['models', name], result.error));
  return result.data;
}

/**
 * Parse results of model entries by entry object: a tournament builds its LLM agents match by match from the same
 * few entries of its models config, which is never changed once loaded.
 */
const parsedEntries = new WeakMap<object, ReturnType<typeof modelSchema.safeParse>>();

/** `modelSchema.safeParse`, once per entry object (a value that is not an object is parsed each time). */
export function parseModelEntry(value: unknown): ReturnType<typeof modelSchema.safeParse> {
  if (typeof value !== 'object' || value === null) return modelSchema.safeParse(value);
  let result = parsedEntries.get(value);
  if (result === undefined) parsedEntries.set(value, (result = modelSchema.safeParse(value)));
  return result;
}

/** The API root and the key variable of a model entry. */
export function endpointOf(config: ModelConfig): { readonly baseUrl: string; readonly apiKeyEnv: string | null } {
  const preset = config.preset === undefined ? undefined : PRESETS[config.preset];
  const baseUrl = (config.base_url ?? preset?.baseUrl ?? '').replace(/\/+$/, '');
  const presetKey = preset !== undefined && 'apiKeyEnv' in preset ? preset.apiKeyEnv : null;
  return { baseUrl, apiKeyEnv: config.api_key_env === undefined ? presetKey : config.api_key_env };
}
