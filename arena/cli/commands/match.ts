import type { Command } from 'commander';
import type { PlanGame } from '../../../games/core/plan-game.js';
import { registerBuiltinAgents } from '../../agents/builtin.js';
import { createAgent } from '../../agents/registry.js';
import { resolveGame } from '../../games/registry.js';
import { formatPlanMatch } from '../../match/plan-format.js';
import { runPlanMatch } from '../../match/plan-match.js';
import type { PlanMatchSpec, TraceEvent } from '../../trace/events.js';
import { JsonlWriter } from '../../trace/jsonl.js';
import { UsageError, unknownChoice } from '../errors.js';
import { intOption, planConfig, planSeats } from '../../games/plan-config.js';
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
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function runPlan(game: PlanGame, id: string, opts: MatchOptions): Promise<void> {
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
  const agents = [createAgent(seats[0].agent, {}, 'plan'), createAgent(seats[1].agent, {}, 'plan')] as const;
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

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('play one match between two agents and write its trace')
    .requiredOption('--game <id>', 'game id (see `arena games`)')
    .option('--seat <side=agent>', 'who plays which side, e.g. --seat defender=counter (repeat for both sides)', collect, [])
    .option('--rounds <n>', 'plan games: rounds R', '10')
    .option('--seed <n>', 'match seed', '1')
    .option('--preset <name>', 'plan games: settings preset (default or paper)')
    .option('--budget <side=n>', 'plan games: override a side\'s budget (repeatable)', collect, [])
    .option('--param <key=n>', 'plan games: override a game parameter, e.g. hp0=120 (repeatable)', collect, [])
    .option('--revise-first <side>', 'plan games: the side that revises after round 1 (default: the first side)')
    .option('--round-numbering <mode>', 'plan games: reference (repeat R for the final battle) or unique', 'reference')
    .option('--plan-report', 'plan games: add the plan report (ignored items) to revision feedback')
    .option('--no-log', 'do not keep battle logs in the trace')
    .option('--out <file>', 'write the trace as JSONL')
    .option('--quiet', 'print nothing but errors')
    .action(async (opts: MatchOptions) => {
      const resolved = resolveGame(opts.game);
      if (resolved.family === 'plan') return runPlan(resolved.game, resolved.id, opts);
      throw new UsageError(`${resolved.id} is a move game; move-game matches are not wired into this command yet`);
    });
}
