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

/** One game of a cell: the tested agent (metered) against the opponent; its score for the tested side. */
async function playGame(config: ExperimentConfig, scorer: Scorer, budget: number, seed: number, g: number, sink: ComputeSink): Promise<number> {
  // The same generators for every scorer and budget: only the agent under test differs.
  const ctxs = [{ rng: mixedRng(seed, g, 'tested') }, { rng: mixedRng(seed, g, 'opponent') }] as const;
  const agents = [metered(createAgent(scorer.spec(budget), {}, 'move'), sink), createAgent(config.opponent, {}, 'move')] as const;
  const r = await playPureGame(config.game, agents, ctxs, (g % 2) as 0 | 1);
  await Promise.allSettled(agents.map((a) => a.close?.()));
  return r.scores[0] as number;
}

/** One game (or match) of a cell: the tested side's score (1, ½ or 0), or null when it ended in an error. */
export type PlayGridGame<G> = (config: G, scorer: Scorer, budget: number, seed: number, game: number, sink: ComputeSink) => Promise<number | null>;

/**
 * Plays every cell of a grid (the unguided base once, each guided scorer at every budget), interleaved in a
 * seeded random order: game g of seed s is played in every cell, the cells shuffled, before game g + 1. The CPU
 * time measured per inference drifts down over a run (the same scorer and model measured at 0.074, then 0.014 ms
 * per inference in a later cell), so cells played one after another charged the first scorers more for the same
 * work. Interleaving removes the drift, not the noise: process CPU time includes the runtime's background threads,
 * and scorers running one model still differ by up to 2x per inference within a run, so compare learned scorers
 * of one network size by their raw inference counts too. Every game draws from its own seeded generators, so the
 * order changes the CPU figures only, never a result. Returns each cell with its count of games not scored (the cells complete together, in the last round).
 */
export async function playGrid<G extends Omit<ExperimentGrid<PlayedCell>, 'onCell'>>(config: G, playOne: PlayGridGame<G>, onRound?: (played: number, total: number) => void): Promise<(PlayedCell & { errors: number })[]> {
  const state = config.scorers.flatMap((scorer) => (scorer.guided ? config.budgets : [1]).map((budget) => ({ scorer, budget, sink: computeSink(), wins: 0, draws: 0, games: 0, errors: 0 })));
  const total = config.seeds.length * config.games;
  let played = 0;
  for (const seed of config.seeds) {
    for (let g = 0; g < config.games; g++) {
      for (const c of mixedRng(seed, g, 'cell-order').shuffle(state)) {
        const score = await playOne(config, c.scorer, c.budget, seed, g, c.sink);
        if (score === null) {
          c.errors++;
          continue;
        }
        c.games++;
        if (score === 1) c.wins++;
        else if (score === 0.5) c.draws++;
      }
      onRound?.(++played, total);
    }
  }
  return state.map((c) => ({ scorer: c.scorer.name, budget: c.budget, games: c.games, wins: c.wins, draws: c.draws, losses: c.games - c.wins - c.draws, ...perDecision(c.sink), errors: c.errors }));
}

/** Plays every cell of a move-game experiment. */
export async function runPrmExperiment(config: ExperimentConfig, onRound?: (played: number, total: number) => void): Promise<PlayedCell[]> {
  const cells = (await playGrid(config, playGame, onRound)).map(({ errors: _errors, ...cell }) => cell);
  for (const cell of cells) config.onCell?.(cell);
  return cells;
}
