import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { PlanGame } from '../../../games/core/plan-game.js';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { createAgent, type AgentEnv } from '../../agents/registry.js';
import { resolveGame } from '../../games/registry.js';
import { formatPlanMatch } from '../../match/plan-format.js';
import { formatMoveMatch } from '../../match/move-format.js';
import { runMoveMatch } from '../../match/move-match.js';
import { runPlanMatch } from '../../match/plan-match.js';
import { DirectoryCache, CACHE_MODES, type CacheMode } from '../../llm/cache.js';
import { DEFAULT_MODELS_PATH, loadModelsFile } from '../../llm/models.js';
import type { MoveMatchSpec, PlanMatchSpec, SeatSpec, TraceEvent } from '../../trace/events.js';
import { JsonlWriter } from '../../trace/jsonl.js';
import { UsageError, unknownChoice } from '../../errors.js';
import { intOption, planConfig, planSeats, splitPair } from '../../games/plan-config.js';
import { parseSide } from '../../games/sides.js';

export interface MatchOptions {
  game: string;
  seat: string[];
  rounds: string;
  seed: string;
  preset?: string;
  budget: string[];
  param: string[];
  reviseFirst?: string;
  roundNumbering: string;
  planReport?: boolean;
  out?: string;
  quiet?: boolean;
  log: boolean;
  games: string;
  attempts: string;
  onFail: string;
  boards: string;
  models?: string;
  cache: string;
  cacheDir: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Agent settings for one match: model definitions for `llm:` seats and the response cache directory. */
async function matchEnv(opts: MatchOptions): Promise<AgentEnv> {
  const path = opts.models ?? (existsSync(DEFAULT_MODELS_PATH) ? DEFAULT_MODELS_PATH : undefined);
  const models = path === undefined ? undefined : await loadModelsFile(path);
  if (!CACHE_MODES.includes(opts.cache as CacheMode)) throw unknownChoice('cache mode', opts.cache, CACHE_MODES);
  const cache = opts.cache === 'off' ? undefined : { store: new DirectoryCache(opts.cacheDir), mode: opts.cache as CacheMode };
  return { ...(models ? { models } : {}), ...(cache ? { cache } : {}) };
}

function moveSeats(seats: readonly string[]): [SeatSpec, SeatSpec] {
  const bySeat: (SeatSpec | undefined)[] = [undefined, undefined];
  for (const item of seats) {
    const [seatText, agent] = splitPair('seat', item);
    if (seatText !== '0' && seatText !== '1') throw unknownChoice('seat of a move game', seatText, ['0', '1']);
    const seat = Number(seatText);
    if (bySeat[seat]) throw new UsageError(`--seat given twice for seat ${seat}`);
    bySeat[seat] = { side: seat, agent, name: agent };
  }
  if (!bySeat[0] || !bySeat[1]) throw new UsageError('--seat missing: a move game needs --seat 0=<agent> and --seat 1=<agent> (seat 0 moves first in game 1)');
  return bySeat as [SeatSpec, SeatSpec];
}

async function runMove(id: string, params: Readonly<Record<string, number>>, opts: MatchOptions, env: AgentEnv): Promise<void> {
  registerBuiltinAgents();
  const seats = moveSeats(opts.seat);
  if (opts.onFail !== 'forfeit' && opts.onFail !== 'random') throw unknownChoice('--on-fail policy', opts.onFail, ['forfeit', 'random']);
  if (!['end', 'every', 'none'].includes(opts.boards)) throw unknownChoice('--boards', opts.boards, ['end', 'every', 'none']);
  const spec: MoveMatchSpec = { family: 'move', game: id, params, games: intOption('games', opts.games, 1, 10_000), seed: intOption('seed', opts.seed, 0, 2 ** 32 - 1), seats };
  const agents = [createAgent(seats[0].agent, env, 'move'), createAgent(seats[1].agent, env, 'move')] as const;
  const writer = opts.out ? new JsonlWriter(opts.out) : undefined;
  let events: TraceEvent[];
  try {
    events = await runMoveMatch(spec, agents, {
      maxAttempts: intOption('attempts', opts.attempts, 1, 100),
      onFail: opts.onFail,
      ...(writer ? { sink: (e: TraceEvent) => writer.write(e) } : {}),
    });
  } finally {
    writer?.close();
  }
  if (!opts.quiet) process.stdout.write(`${formatMoveMatch(events, { boards: opts.boards as 'end' | 'every' | 'none' })}\n`);
  if (opts.out && !opts.quiet) process.stdout.write(`Trace: ${opts.out} (${events.length} events)\n`);
  const end = events[events.length - 1];
  if (end?.type === 'match_end' && end.status === 'error') process.exitCode = 1;
}

async function runPlan(game: PlanGame, id: string, opts: MatchOptions, env: AgentEnv): Promise<void> {
  registerBuiltinAgents();
  const seats = planSeats(game, opts.seat);
  if (opts.roundNumbering !== 'reference' && opts.roundNumbering !== 'unique') throw unknownChoice('round numbering', opts.roundNumbering, ['reference', 'unique']);
  const spec: PlanMatchSpec = {
    family: 'plan',
    game: id,
    config: planConfig(game, opts.preset, opts.budget, opts.param),
    rounds: intOption('rounds', opts.rounds, 1, 1000),
    reviseFirst: opts.reviseFirst === undefined ? 0 : parseSide(game, opts.reviseFirst),
    seed: intOption('seed', opts.seed, 0, 2 ** 32 - 1),
    seats,
    roundNumbering: opts.roundNumbering,
    planReportFeedback: opts.planReport === true,
  };
  const agents = [createAgent(seats[0].agent, env, 'plan'), createAgent(seats[1].agent, env, 'plan')] as const;
  const writer = opts.out ? new JsonlWriter(opts.out) : undefined;
  let events: TraceEvent[];
  try {
    events = await runPlanMatch(game, spec, agents, { log: opts.log, ...(writer ? { sink: (e: TraceEvent) => writer.write(e) } : {}) });
  } finally {
    writer?.close();
  }
  if (!opts.quiet) process.stdout.write(`${formatPlanMatch(events, game.sides, game.title)}\n`);
  if (opts.out && !opts.quiet) process.stdout.write(`Trace: ${opts.out} (${events.length} events)\n`);
  const end = events[events.length - 1];
  if (end?.type === 'match_end' && end.status === 'error') process.exitCode = 1;
}

/** Flags that apply to one game family only, by option name. */
const FAMILY_FLAGS: Readonly<Record<'plan' | 'move', readonly string[]>> = {
  plan: ['rounds', 'preset', 'budget', 'param', 'reviseFirst', 'roundNumbering', 'planReport', 'log'],
  move: ['games', 'attempts', 'onFail', 'boards'],
};

/** A flag given for the other family (e.g. `--rounds` on Connect Four) is a usage error, never silently ignored. */
function rejectOtherFamilyFlags(cmd: Command, id: string, family: 'plan' | 'move'): void {
  const other = family === 'plan' ? 'move' : 'plan';
  for (const name of FAMILY_FLAGS[other]) {
    if (cmd.getOptionValueSource(name) !== 'cli') continue;
    const flag = cmd.options.find((o) => o.attributeName() === name)?.long ?? name;
    throw new UsageError(`${flag} applies to ${other} games only; ${id} is a ${family} game (its flags: ${FAMILY_FLAGS[family].map((n) => cmd.options.find((o) => o.attributeName() === n)?.long).join(', ')})`);
  }
}

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('play one match between two agents and write its trace')
    .requiredOption('--game <id>', 'game id (see `arena games`)')
    .option('--seat <side=agent>', 'who plays which side, e.g. --seat defender=counter; move games: --seat 0=mcts (repeat for both)', collect, [])
    .option('--rounds <n>', 'plan games: rounds R', '10')
    .option('--seed <n>', 'match seed', '1')
    .option('--preset <name>', 'plan games: settings preset (default or paper)')
    .option('--budget <side=n>', 'plan games: override a side\'s budget (repeatable)', collect, [])
    .option('--param <key=n>', 'plan games: override a game parameter, e.g. hp0=120 (repeatable)', collect, [])
    .option('--revise-first <side>', 'plan games: the side that revises after round 1 (default: the first side)')
    .option('--round-numbering <mode>', 'plan games: reference (repeat R for the final battle) or unique', 'reference')
    .option('--plan-report', 'plan games: add the plan report (ignored items) to revision feedback')
    .option('--no-log', 'plan games: do not keep battle logs in the trace')
    .option('--games <n>', 'move games: games in the series (seats alternate the first move)', '1')
    .option('--attempts <n>', 'move games: attempts per move, re-asks included', '3')
    .option('--on-fail <policy>', 'move games: when attempts run out: forfeit or random (a seeded random legal move)', 'forfeit')
    .option('--boards <when>', 'move games: print boards at the end, after every move, or none', 'end')
    .option('--models <file>', `model endpoint definitions for llm: seats (default ${DEFAULT_MODELS_PATH} if present)`)
    .option('--cache <mode>', 'LLM response cache: off, read, write or read-write', 'read-write')
    .option('--cache-dir <dir>', 'LLM response cache directory', '.arena-cache')
    .option('--out <file>', 'write the trace as JSONL')
    .option('--quiet', 'print nothing but errors')
    .action(async (opts: MatchOptions, cmd: Command) => {
      const resolved = resolveGame(opts.game);
      rejectOtherFamilyFlags(cmd, resolved.id, resolved.family);
      const env = await matchEnv(opts);
      if (resolved.family === 'plan') return runPlan(resolved.game, resolved.id, opts, env);
      return runMove(resolved.id, resolved.game.params, opts, env);
    });
}
