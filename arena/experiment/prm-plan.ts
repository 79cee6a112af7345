import type { PlanGame, PlanGameConfig, SideIndex } from '../../games/core/plan-game.js';
import { mixedRng } from '../../games/core/rng.js';
import { createAgent } from '../agents/registry.js';
import { runPlanMatch } from '../match/plan-match.js';
import type { PlanMatchSpec, TraceEvent } from '../trace/events.js';
import { playGrid, type ExperimentGrid, type PlayedCell, type Scorer } from './prm.js';
import { chargeDecision, type ComputeSink } from './compute-sink.js';

/** A played cell of a plan-game experiment, with the matches that ended in an error (not scored). */
export interface PlayedPlanCell extends PlayedCell {
  readonly errors: number;
}

export interface PlanExperimentConfig extends ExperimentGrid<PlayedPlanCell> {
  /** The plan game with its versioned id and configuration (budgets, HP). */
  readonly game: PlanGame;
  readonly gameId: string;
  readonly config: PlanGameConfig;
  readonly rounds: number;
}

/** Charges the tested side's plan submissions in a match (verifier compute, wall time, one decision each). */
function meter(sink: ComputeSink, trace: readonly TraceEvent[], side: SideIndex): void {
  for (const e of trace) if (e.type === 'plan_submission' && e.side === side) chargeDecision(sink, e.meta, e.usage.wallMs);
}

/**
 * One match of a cell on a plan game: full matches (R rounds of battles and revisions) of the tested agent against
 * the opponent, the same match seeds for every scorer and budget. A match won on rounds is a win (1), a drawn match
 * half a point. A match that ends in an error (infrastructure, agent or internal) is not scored (null): the cell
 * counts it in `errors` and leaves it out of `games`.
 */
async function playMatch(config: PlanExperimentConfig, scorer: Scorer, budget: number, seed: number, g: number, sink: ComputeSink): Promise<number | null> {
  const side = (g % 2) as SideIndex;
  const tested = createAgent(scorer.spec(budget), {}, 'plan');
  const opponent = createAgent(config.opponent, {}, 'plan');
  const seats = side === 0 ? ([{ side: 0, agent: tested.id, name: scorer.name }, { side: 1, agent: config.opponent, name: 'opponent' }] as const) : ([{ side: 0, agent: config.opponent, name: 'opponent' }, { side: 1, agent: tested.id, name: scorer.name }] as const);
  const spec: PlanMatchSpec = {
    family: 'plan',
    game: config.gameId,
    config: config.config,
    rounds: config.rounds,
    reviseFirst: (Math.floor(g / 2) % 2) as SideIndex,
    seed: mixedRng(seed, g, 'plan-match').int(0, 2 ** 31 - 1),
    seats,
    roundNumbering: 'reference',
    planReportFeedback: false,
  };
  const agents = side === 0 ? ([tested, opponent] as const) : ([opponent, tested] as const);
  const trace = await runPlanMatch(config.game, spec, agents, { log: false });
  await Promise.allSettled(agents.map((a) => a.close?.()));
  const end = trace.find((e) => e.type === 'match_end');
  if (!end || end.type !== 'match_end' || end.status !== 'completed') return null;
  meter(sink, trace, side);
  return end.winner === side ? 1 : end.winner === null ? 0.5 : 0;
}

/** Plays every cell of a plan-game experiment (matches per seed: the tested side and who revises first alternate). */
export async function runPlanPrmExperiment(config: PlanExperimentConfig, onRound?: (played: number, total: number) => void): Promise<PlayedPlanCell[]> {
  const cells = await playGrid(config, playMatch, onRound);
  for (const cell of cells) config.onCell?.(cell);
  return cells;
}
