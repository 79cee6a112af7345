import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { registerBuiltinAgents } from '../agents/builtin.js';
import { agentKinds } from '../agents/registry.js';
import { parseAgentSpec } from '../spec/agent-spec.js';
import { planConfig } from '../games/plan-config.js';
import { resolveGame } from '../games/registry.js';
import { UsageError } from '../errors.js';
import { formatZodError } from '../config/zod-errors.js';
import { CACHE_MODES } from '../llm/cache.js';

const positiveInt = (what: string, max: number) =>
  z.int({ error: `expected a whole number for ${what}` }).min(1, { error: `expected ${what} of at least 1` }).max(max, { error: `expected ${what} of at most ${max}` });

const gameSchema = z
  .object({
    id: z.string({ error: 'expected a game id as `arena games` lists them' }).min(1),
    preset: z.string().optional(),
    rounds: positiveInt('rounds', 1000).default(10),
    games: positiveInt('games per series', 1000).default(1),
    budgets: z.record(z.string(), z.int().min(0, { error: 'expected a budget of at least 0' })).optional(),
    params: z.record(z.string(), z.int().min(1)).optional(),
    round_numbering: z.enum(['reference', 'unique'], { error: "expected 'reference' or 'unique'" }).default('reference'),
    plan_report: z.boolean({ error: 'expected true or false' }).default(false),
    /** Only these agents play this game (default: every agent that can play its family). */
    agents: z.array(z.string(), { error: 'expected a list of agent names' }).min(2, { error: 'expected at least two agents' }).optional(),
  }, { error: 'expected a game id string or a game object { id, rounds, ... }' })
  .strict();

const agentValue = z.union(
  [
    z.string().min(1),
    z
      .object({
        spec: z.string({ error: 'expected the agent spec string, e.g. counter or llm:my-model' }).min(1),
        anchor: z.boolean().optional(),
      })
      .strict(),
  ],
  { error: 'expected an agent spec string (e.g. counter, mcts:iterations=400, llm:my-model) or { spec: ... }' },
);

export const tournamentSchema = z
  .object({
    name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, { error: 'expected letters, digits, dot, underscore or dash' }).optional(),
    seed: z.int({ error: 'expected a whole-number seed' }).min(0).max(2 ** 32 - 1).default(1),
    games: z
      .array(
        z.preprocess((v) => (typeof v === 'string' ? { id: v } : v), gameSchema),
        { error: 'expected a list of games' },
      )
      .min(1, { error: 'expected at least one game' }),
    agents: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'agent names use letters, digits, dot, underscore or dash' }), agentValue).refine((a) => Object.keys(a).length >= 2, {
      error: 'expected at least two agents',
    }),
    schedule: z
      .discriminatedUnion(
        'type',
        [
          z.object({ type: z.literal('round-robin') }).strict(),
          z
            .object({
              type: z.literal('gauntlet'),
              candidates: z.array(z.string()).min(1, { error: 'expected at least one candidate' }),
              opponents: z.array(z.string()).min(1, { error: 'expected at least one opponent' }),
            })
            .strict(),
          z
            .object({
              type: z.literal('adaptive'),
              /** `separate` (every adjacent pair of the ranking separated) or `{ agent, elo }` (that agent's Elo gap to each opponent known to ±elo). */
              target: z
                .union(
                  [
                    z.literal('separate'),
                    z
                      .object({
                        agent: z.string({ error: 'expected the agent whose rating to pin down' }).min(1),
                        elo: z.number({ error: 'expected a precision in Elo points' }).gt(0, { error: 'expected a precision above 0 Elo points' }),
                      })
                      .strict(),
                  ],
                  { error: "expected target 'separate' or { agent: <name>, elo: <±points> }" },
                )
                .default('separate'),
              max_matches: positiveInt('max_matches', 10_000_000).optional(),
              /** Sets per chosen pair per batch (a set: both seats, and for plan games both revise-first settings). */
              batch: positiveInt('batch', 1000).default(1),
              confidence: z.number({ error: 'expected a confidence level such as 0.95' }).gt(0, { error: 'expected a confidence in (0, 1)' }).lt(1, { error: 'expected a confidence in (0, 1)' }).default(0.95),
            })
            .strict(),
        ],
        { error: "expected schedule.type 'round-robin', 'gauntlet' or 'adaptive'" },
      )
      .default({ type: 'round-robin' }),
    repetitions: positiveInt('repetitions', 10_000).default(1),
    concurrency: z
      .object({
        workers: z.int().min(1).max(256).optional(),
        matches: z.int().min(1).max(4096).optional(),
      })
      .strict()
      .default({}),
    cache: z.enum(CACHE_MODES as unknown as [string, ...string[]], { error: `expected one of ${CACHE_MODES.join(', ')}` }).default('read-write'),
    models: z.string().optional(),
    anchor: z.string().optional(),
    budget: z
      .object({
        usd: z.number({ error: 'expected a budget in US dollars' }).gt(0, { error: 'expected a budget above 0' }).optional(),
        tokens: z.int({ error: 'expected a whole number of tokens' }).min(1, { error: 'expected a budget above 0' }).optional(),
        matches: z.int({ error: 'expected a whole number of matches' }).min(1, { error: 'expected a budget above 0' }).optional(),
        hours: z.number({ error: 'expected a budget in hours' }).gt(0, { error: 'expected a budget above 0' }).optional(),
        on_cap: z.enum(['finish', 'cancel'], { error: "expected 'finish' (let matches in flight end) or 'cancel' (abandon them; they stay pending)" }).default('finish'),
      })
      .strict()
      .optional(),
    /** Rating settings: `prior` is the Bradley–Terry prior (virtual draws per agent; default 0, maximum likelihood). */
    ratings: z.object({ prior: z.number().min(0).max(1000).optional() }).strict().optional(),
    /** Play the matches on queue workers (`arena worker`) over this Redis; the `--redis` flag overrides it. */
    queue: z
      .object({ redis: z.string({ error: 'expected a Redis URL such as redis://127.0.0.1:6379' }).regex(/^rediss?:\/\//, { error: 'expected a redis:// or rediss:// URL' }) })
      .strict()
      .optional(),
  })
  .strict();

export type TournamentConfigInput = z.input<typeof tournamentSchema>;
export type TournamentConfigParsed = z.output<typeof tournamentSchema>;

export interface TournamentGame {
  readonly id: string;
  readonly preset?: string;
  readonly rounds: number;
  readonly games: number;
  readonly budgets: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, number>>;
  readonly roundNumbering: 'reference' | 'unique';
  readonly planReport: boolean;
  /** Only these agents play this game; absent: every agent that can play the game's family. */
  readonly agents?: readonly string[];
}

export type AdaptiveTargetConfig = 'separate' | { readonly agent: string; readonly elo: number };

/** Matches in batches; after each, a decision function (supplied by the caller) picks the next pairs or stops. */
export interface AdaptiveSchedule {
  readonly type: 'adaptive';
  readonly target: AdaptiveTargetConfig;
  readonly maxMatches?: number;
  readonly batch: number;
  readonly confidence: number;
}

/** Spending caps; a run stops scheduling before it would pass one. Not part of the run's identity: raise and resume. */
export interface BudgetCaps {
  readonly usd?: number;
  readonly tokens?: number;
  readonly matches?: number;
  readonly hours?: number;
  /** At a cap, matches in flight finish (default) or are cancelled (they stay pending for the resume). */
  readonly onCap: 'finish' | 'cancel';
}

/** A validated tournament config with defaults filled in. */
export interface TournamentConfig {
  readonly name: string;
  readonly seed: number;
  readonly games: readonly TournamentGame[];
  /** Agent name → spec string, in file order. */
  readonly agents: readonly { readonly name: string; readonly spec: string }[];
  readonly schedule:
    | { readonly type: 'round-robin' }
    | { readonly type: 'gauntlet'; readonly candidates: readonly string[]; readonly opponents: readonly string[] }
    | AdaptiveSchedule;
  readonly repetitions: number;
  readonly workers?: number;
  readonly maxConcurrentMatches?: number;
  readonly cache: 'off' | 'read' | 'write' | 'read-write';
  readonly models?: string;
  readonly anchor?: string;
  readonly budget?: BudgetCaps;
  /** Present only when the config sets it (so older configs keep their hash). */
  readonly ratings?: { readonly prior?: number };
  /** Where queue workers take the matches from; not part of the run's identity (a run may move on or off the queue). */
  readonly queue?: { readonly redis: string };
}

/** Validates a parsed config object once, at the edge; every problem is one line naming the source and path. */
export function checkTournamentConfig(value: unknown, source: string, defaultName: string): TournamentConfig {
  const parsed = tournamentSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`invalid tournament config\n${formatZodError(source, parsed.error)}`);
  const c = parsed.data;
  const agents = Object.entries(c.agents).map(([name, v]) => ({ name, spec: typeof v === 'string' ? v : v.spec, anchor: typeof v === 'string' ? false : v.anchor === true }));
  const problems: string[] = [];
  const names = new Set(agents.map((a) => a.name));
  registerBuiltinAgents();
  const kinds = agentKinds().map((k) => k.kind);
  for (const a of agents) {
    try {
      const kind = parseAgentSpec(a.spec).kind;
      if (!kinds.includes(kind)) problems.push(`${source}: agents.${a.name}: unknown agent kind '${kind}'; valid kinds: ${kinds.join(', ')}`);
    } catch (err) {
      problems.push(`${source}: agents.${a.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  c.games.forEach((g, i) => {
    g.agents?.forEach((n, j) => names.has(n) || problems.push(`${source}: games[${i}].agents[${j}]: unknown agent '${n}'; agents are ${[...names].join(', ')}`));
    let resolved: ReturnType<typeof resolveGame>;
    try {
      resolved = resolveGame(g.id);
    } catch (err) {
      problems.push(`${source}: games[${i}].id: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    // Presets, budgets and parameters are checked here, once, not first when the matches are scheduled.
    try {
      if (resolved.family === 'plan') planConfig(resolved.game, g.preset, Object.entries(g.budgets ?? {}).map(([k, v]) => `${k}=${v}`), Object.entries(g.params ?? {}).map(([k, v]) => `${k}=${v}`));
    } catch (err) {
      problems.push(`${source}: games[${i}] (${g.id}): ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  if (c.schedule.type === 'gauntlet') {
    c.schedule.candidates.forEach((n, i) => names.has(n) || problems.push(`${source}: schedule.candidates[${i}]: unknown agent '${n}'; agents are ${[...names].join(', ')}`));
    c.schedule.opponents.forEach((n, i) => names.has(n) || problems.push(`${source}: schedule.opponents[${i}]: unknown agent '${n}'; agents are ${[...names].join(', ')}`));
  }
  if (c.schedule.type === 'adaptive' && typeof c.schedule.target === 'object' && !names.has(c.schedule.target.agent)) {
    problems.push(`${source}: schedule.target.agent: unknown agent '${c.schedule.target.agent}'; agents are ${[...names].join(', ')}`);
  }
  const anchors = agents.filter((a) => a.anchor).map((a) => a.name);
  const anchor = c.anchor ?? anchors[0];
  if (c.anchor !== undefined && !names.has(c.anchor)) problems.push(`${source}: anchor: unknown agent '${c.anchor}'; agents are ${[...names].join(', ')}`);
  if (problems.length) throw new UsageError(`invalid tournament config\n${problems.join('\n')}`);
  const games: TournamentGame[] = c.games.map((g) => ({
    id: g.id,
    ...(g.preset !== undefined ? { preset: g.preset } : {}),
    rounds: g.rounds,
    games: g.games,
    budgets: g.budgets ?? {},
    params: g.params ?? {},
    roundNumbering: g.round_numbering,
    planReport: g.plan_report,
    ...(g.agents !== undefined ? { agents: g.agents } : {}),
  }));
  return {
    name: c.name ?? defaultName,
    seed: c.seed,
    games,
    agents: agents.map(({ name, spec }) => ({ name, spec })),
    schedule:
      c.schedule.type === 'adaptive'
        ? {
            type: 'adaptive',
            target: c.schedule.target,
            ...(c.schedule.max_matches !== undefined ? { maxMatches: c.schedule.max_matches } : {}),
            batch: c.schedule.batch,
            confidence: c.schedule.confidence,
          }
        : c.schedule,
    repetitions: c.repetitions,
    ...(c.concurrency.workers !== undefined ? { workers: c.concurrency.workers } : {}),
    ...(c.concurrency.matches !== undefined ? { maxConcurrentMatches: c.concurrency.matches } : {}),
    cache: c.cache as TournamentConfig['cache'],
    ...(c.models !== undefined ? { models: c.models } : {}),
    ...(anchor !== undefined ? { anchor } : {}),
    ...(c.budget !== undefined ? { budget: budgetCaps(c.budget) } : {}),
    ...(c.ratings?.prior !== undefined ? { ratings: { prior: c.ratings.prior } } : {}),
    ...(c.queue !== undefined ? { queue: { redis: c.queue.redis } } : {}),
  };
}

function budgetCaps(b: NonNullable<TournamentConfigParsed['budget']>): BudgetCaps {
  return {
    ...(b.usd !== undefined ? { usd: b.usd } : {}),
    ...(b.tokens !== undefined ? { tokens: b.tokens } : {}),
    ...(b.matches !== undefined ? { matches: b.matches } : {}),
    ...(b.hours !== undefined ? { hours: b.hours } : {}),
    onCap: b.on_cap,
  };
}

/** Reads and validates a YAML or JSON tournament file. */
export function loadTournamentConfig(path: string): TournamentConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read tournament config '${path}': ${err instanceof Error ? err.message : String(err)}`);
  }
  let value: unknown;
  try {
    value = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new UsageError(`invalid tournament config\n${path}: not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  return checkTournamentConfig(value, path, basename(path, extname(path)));
}
