import type { MoveGame } from '../../games/core/move-game.js';
import { mixedRng } from '../../games/core/rng.js';
import type { Agent, AgentContext, MoveDecision, MoveRequest } from '../agents/agent.js';
import { playPureGame } from '../agents/move/self-play.js';
import { createAgent } from '../agents/registry.js';
import { chargeDecision, computeSink, perDecision, type ComputeSink } from './compute-sink.js';

/** A scorer of the experiment: unguided (the base alone), ORM-guided, PAV-guided (rollout or learned verifier). */
export interface Scorer {
  readonly name: string;
  /** The agent spec for a budget of n candidates (unguided ignores n). */
  spec(n: number): string;
  readonly guided: boolean;
}

/** What every experiment grid shares: the fixed opponent, the games played per seed, the budgets and the scorers. */
export interface ExperimentGrid<C extends PlayedCell> {
  /** The fixed opponent. */
  readonly opponent: string;
  readonly seeds: readonly number[];
  /** Games (or matches) per seed; who starts alternates. */
  readonly games: number;
  /** Candidate budgets n. */
  readonly budgets: readonly number[];
  readonly scorers: readonly Scorer[];
  /** Called after each cell (progress display). */
  readonly onCell?: (cell: C) => void;
}

export interface ExperimentConfig extends ExperimentGrid<PlayedCell> {
  readonly game: MoveGame;
  readonly base: string;
}

/** One (scorer, budget) cell as played: results over every game, and the compute spent (metrics/experiment.ts scores it). */
export interface PlayedCell {
  readonly scorer: string;
  readonly budget: number;
  readonly games: number;
  readonly wins: number;
  readonly draws: number;
  readonly losses: number;
  /**
   * The verifier's compute per decision in one currency: mean CPU milliseconds of its scoring (rollouts and
   * inferences alike), measured; `simulations` is the raw count behind it (rollouts or inferences per decision).
   * Mean wall ms per decision (base proposals included).
   */
  readonly compute: number;
  readonly simulations: number;
  readonly wallMs: number;
  readonly decisions: number;
}

/** Wraps an agent to sum the verifier compute (CPU ms and raw count) and wall time of its decisions. */
function metered(agent: Agent, sink: ComputeSink): Agent {
  const decide = agent.decideMove?.bind(agent);
  return {
    ...agent,
    async decideMove(request: MoveRequest, ctx: AgentContext): Promise<MoveDecision> {
      if (!decide) throw new Error(`agent ${agent.id} cannot play move games`);
      const d = await decide(request, ctx);
      chargeDecision(sink, d.meta, d.usage.wallMs);
      return d;
    },
  };
}

async function playCell(config: ExperimentConfig, scorer: Scorer, budget: number): Promise<PlayedCell> {
  const sink = computeSink();
  let wins = 0;
  let draws = 0;
  let games = 0;
  for (const seed of config.seeds) {
    for (let g = 0; g < config.games; g++) {
      // The same generators for every scorer and budget: only the agent under test differs.
      const ctxs = [{ rng: mixedRng(seed, g, 'tested') }, { rng: mixedRng(seed, g, 'opponent') }] as const;
      const agents = [metered(createAgent(scorer.spec(budget), {}, 'move'), sink), createAgent(config.opponent, {}, 'move')] as const;
      const r = await playPureGame(config.game, agents, ctxs, (g % 2) as 0 | 1);
      await Promise.allSettled(agents.map((a) => a.close?.()));
      games++;
      if (r.scores[0] === 1) wins++;
      else if (r.scores[0] === 0.5) draws++;
    }
  }
  return {
    scorer: scorer.name,
    budget,
    games,
    wins,
    draws,
    losses: games - wins - draws,
    ...perDecision(sink),
  };
}

/** Plays every cell of a grid in order: the unguided base once, each guided scorer at every budget. */
export async function playGrid<C extends PlayedCell, G extends ExperimentGrid<C>>(config: G, playCell: (config: G, scorer: Scorer, budget: number) => Promise<C>): Promise<C[]> {
  const cells: C[] = [];
  for (const scorer of config.scorers) {
    for (const budget of scorer.guided ? config.budgets : [1]) {
      const cell = await playCell(config, scorer, budget);
      cells.push(cell);
      config.onCell?.(cell);
    }
  }
  return cells;
}

/** Plays every cell of a move-game experiment. */
export function runPrmExperiment(config: ExperimentConfig): Promise<PlayedCell[]> {
  return playGrid(config, playCell);
}
