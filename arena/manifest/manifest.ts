import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { effectiveModelConfig } from '../llm/agent.js';
import { PROMPT_VERSION } from '../llm/prompts/index.js';
import type { TraceEvent } from '../trace/events.js';
import pkg from '../../package.json' with { type: 'json' };

/** Bump on an incompatible change of the manifest's shape; readers reject newer versions. */
export const MANIFEST_VERSION = 1;

const decodingSchema = z.object({
  temperature: z.number().nullable(),
  top_p: z.number().nullable(),
  max_tokens: z.number().nullable(),
  reasoning_effort: z.string().nullable(),
});

const modelEntrySchema = z.object({
  /** The agent spec that calls the endpoint, e.g. `llm:my-model:temperature=0.7`. */
  agentSpec: z.string(),
  /** The endpoint's name in the models config. */
  endpoint: z.string(),
  preset: z.string().nullable(),
  /** The model id the arena asks for. */
  requestedModel: z.string(),
  /** The model ids the server said it served (filled in from the replies as matches finish). */
  returnedModels: z.array(z.string()),
  decoding: decodingSchema,
  sampleScope: z.string(),
});

export const manifestSchema = z.object({
  manifestVersion: z.number().int(),
  arena: z.object({ version: z.string(), gitCommit: z.string().nullable(), lockfileSha256: z.string().nullable() }),
  node: z.string(),
  promptVersion: z.string(),
  games: z.array(z.object({ game: z.string(), family: z.string(), settings: z.unknown() })),
  config: z.unknown(),
  seeds: z.object({ run: z.number(), matches: z.record(z.string(), z.number()) }),
  models: z.array(modelEntrySchema),
  cache: z.string(),
  /** Per agent (leaderboard name): LLM decisions whose reply came from the response cache. */
  cachedReplies: z.record(z.string(), z.number()),
  /** Where the data came from when it was not played here, e.g. an imported export. */
  source: z.object({ kind: z.literal('imported'), file: z.string(), importedWith: z.string() }).optional(),
});

export type RunManifest = z.infer<typeof manifestSchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;

/** The folder holding the arena's package.json (source checkout or installed package), if found. */
export function packageRoot(): string | undefined {
  const file = fileURLToPath(new URL('../../package.json', import.meta.url));
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === pkg.name ? dirname(file) : undefined;
  } catch {
    return undefined;
  }
}

/** The git commit of the arena's checkout, when it is one and git is installed. */
export function gitCommit(root: string | undefined): string | null {
  if (root === undefined || !existsSync(join(root, '.git'))) return null;
  try {
    const out = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    return /^[0-9a-f]{40}$/.test(out) ? out : null;
  } catch {
    return null;
  }
}

/** SHA-256 of the package lockfile, when present. */
export function lockfileHash(root: string | undefined): string | null {
  if (root === undefined) return null;
  const file = join(root, 'package-lock.json');
  if (!existsSync(file)) return null;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The arena build and machine a run is made with. */
export function environmentFacts(): Pick<RunManifest, 'arena' | 'node' | 'promptVersion'> {
  const root = packageRoot();
  return { arena: { version: pkg.version, gitCommit: gitCommit(root), lockfileSha256: lockfileHash(root) }, node: process.version, promptVersion: PROMPT_VERSION };
}

/** Every `llm:` spec inside an agent spec (also nested, e.g. `prm:base=(llm:m),n=8`), in order. */
export function llmSpecs(spec: string): string[] {
  let parsed;
  try {
    parsed = parseAgentSpec(spec);
  } catch {
    return [];
  }
  if (parsed.kind === 'llm') return [parsed.text];
  return Object.values(parsed.params).flatMap((v) => (/(^|[(=,:])llm(:|$)/.test(v) ? llmSpecs(v.replace(/^\((.*)\)$/, '$1')) : []));
}

/** The endpoints a run's agents call, with the decoding settings they send (no keys, no key variable names). */
export function modelEntries(agentSpecs: readonly string[], models: Readonly<Record<string, unknown>> | undefined): ModelEntry[] {
  const out: ModelEntry[] = [];
  const seen = new Set<string>();
  for (const spec of agentSpecs.flatMap(llmSpecs)) {
    if (seen.has(spec) || models === undefined) continue;
    seen.add(spec);
    const { name, config } = effectiveModelConfig(parseAgentSpec(spec), models);
    out.push({
      agentSpec: spec,
      endpoint: name,
      preset: config.preset ?? null,
      requestedModel: config.model,
      returnedModels: [],
      decoding: { temperature: config.temperature ?? null, top_p: config.top_p ?? null, max_tokens: config.max_tokens ?? null, reasoning_effort: config.reasoning_effort ?? null },
      sampleScope: config.sample_scope,
    });
  }
  return out;
}

interface DecisionMeta {
  readonly model?: unknown;
  readonly endpointModel?: unknown;
  readonly requestKey?: unknown;
}

function decisionsOf(events: readonly TraceEvent[]): { agent: string; meta: DecisionMeta }[] {
  const start = events[0];
  if (start?.type !== 'match_start') return [];
  const seats = start.spec.seats;
  const out: { agent: string; meta: DecisionMeta }[] = [];
  for (const e of events) {
    if (e.type === 'plan_submission' && e.meta) out.push({ agent: seats[e.side]?.name ?? '?', meta: e.meta });
    else if (e.type === 'move' && e.meta) out.push({ agent: seats[e.seat]?.name ?? '?', meta: e.meta });
  }
  return out;
}

/**
 * Folds finished matches into a manifest: the model ids each endpoint reported serving, and per agent the
 * decisions whose reply came from the cache (`cachedKeys`: the request keys the cache answered in this session).
 */
export function foldMatches(manifest: RunManifest, matches: readonly (readonly TraceEvent[])[], cachedKeys: ReadonlySet<string>): RunManifest {
  const returned = new Map(manifest.models.map((m) => [m.endpoint, new Set(m.returnedModels)]));
  const cached: Record<string, number> = { ...manifest.cachedReplies };
  for (const events of matches) {
    for (const { agent, meta } of decisionsOf(events)) {
      if (typeof meta.model === 'string' && typeof meta.endpointModel === 'string') returned.get(meta.model)?.add(meta.endpointModel);
      if (typeof meta.requestKey === 'string' && cachedKeys.has(meta.requestKey)) cached[agent] = (cached[agent] ?? 0) + 1;
    }
  }
  return {
    ...manifest,
    models: manifest.models.map((m) => ({ ...m, returnedModels: [...(returned.get(m.endpoint) ?? [])].sort() })),
    cachedReplies: Object.fromEntries(Object.entries(cached).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Reads a manifest (a run's stored one, or a file); a newer manifest version is refused. */
export function parseManifest(value: unknown, source: string): RunManifest {
  const version = (value as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version === 'number' && version > MANIFEST_VERSION) {
    throw new Error(`${source}: manifest version ${version} is newer than this arena reads (${MANIFEST_VERSION})`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source}: not a run manifest (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** What a run is made of, as the tournament runner knows it before playing. */
export interface RunInputs {
  readonly config: unknown;
  readonly seed: number;
  readonly agentSpecs: readonly string[];
  readonly matches: readonly { readonly key: string; readonly seed: number; readonly spec: unknown }[];
  readonly models: Readonly<Record<string, unknown>> | undefined;
  readonly cache: string;
}

function gameSettings(spec: unknown): { game: string; family: string; settings: unknown } | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  const s = spec as Record<string, unknown>;
  if (typeof s['game'] !== 'string' || typeof s['family'] !== 'string') return undefined;
  const settings =
    s['family'] === 'plan'
      ? { config: s['config'], rounds: s['rounds'], roundNumbering: s['roundNumbering'], planReportFeedback: s['planReportFeedback'] }
      : { params: s['params'], games: s['games'] };
  return { game: s['game'], family: s['family'], settings };
}

/** The manifest of a new run: the arena build, the machine, the config, games, seeds, endpoints and cache mode. */
export function buildManifest(inputs: RunInputs): RunManifest {
  const games = new Map<string, { game: string; family: string; settings: unknown }>();
  for (const m of inputs.matches) {
    const g = gameSettings(m.spec);
    if (g !== undefined) games.set(JSON.stringify(g), g);
  }
  return {
    manifestVersion: MANIFEST_VERSION,
    ...environmentFacts(),
    games: [...games.values()],
    config: inputs.config,
    seeds: { run: inputs.seed, matches: Object.fromEntries(inputs.matches.map((m) => [m.key, m.seed])) },
    models: modelEntries(inputs.agentSpecs, inputs.models),
    cache: inputs.cache,
    cachedReplies: {},
  };
}
