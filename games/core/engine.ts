/**
 * Capability: an external engine that analyses positions of a move game (a chess engine over UCI, for example).
 * Engine agents and engine provers are generic over this interface; the game's own folder drives the engine.
 */

/** How deep or long one analysis runs: search depth, wall time in milliseconds, or nodes (first limit reached). */
export interface EngineLimits {
  readonly depth?: number;
  readonly movetime?: number;
  readonly nodes?: number;
}

/** A handicap the engine applies to itself: a skill level 0..20, or a target Elo rating (where the engine has one). */
export interface EngineStrength {
  readonly skill?: number;
  readonly elo?: number;
}

/** An engine score from the point of view of the player to move: centipawns, or mate in n moves (negative: mated). */
export type EngineScore = { readonly cp: number } | { readonly mate: number };

export interface EngineAnalysis<A> {
  /** The engine's chosen action (null when the position has no legal move). */
  readonly best: A | null;
  readonly score: EngineScore;
  /** Depth reached and nodes searched. */
  readonly depth: number;
  readonly nodes: number;
}

/** One running engine process. `close` always ends it (also after an error); calling it twice is harmless. */
export interface EngineSession<S, A> {
  analyse(state: S, limits: EngineLimits): Promise<EngineAnalysis<A>>;
  close(): Promise<void>;
}

export interface GameEngine<S, A> {
  /** The engine's name, e.g. `stockfish`; agents of that kind play through it. */
  readonly name: string;
  /** Starts an engine (optionally handicapped); rejects with a clear error when it cannot start. */
  open(strength?: EngineStrength): Promise<EngineSession<S, A>>;
  /** What `strength` can do here, for docs and checks: the Elo range when the engine can limit strength by Elo. */
  readonly eloRange?: readonly [number, number];
}

/**
 * Win probability of the player to move from an engine score: W(cp) = 1 / (1 + exp(-0.00368208 * cp)), the
 * logistic fit of centipawns to game results used by Lichess's accuracy model; mate for the mover is 1, being
 * mated 0.
 */
export function winProbability(score: EngineScore): number {
  if ('mate' in score) return score.mate > 0 ? 1 : 0;
  return 1 / (1 + Math.exp(-0.00368208 * score.cp));
}
