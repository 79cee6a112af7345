import type { GameEngine } from './engine.js';

/**
 * A classic two-player, perfect-information, alternating-move game (tic-tac-toe, Connect Four). Every method is
 * pure: states are values, `apply` returns a new state and never mutates its argument.
 */
export interface MoveGame<S = unknown, A = unknown> {
  readonly family: 'move';
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** Parameters this instance was built with (e.g. rows, cols). */
  readonly params: Readonly<Record<string, number>>;
  /**
   * The start position. Games with a seeded set of starts (`seededStart`) draw one from `seed` (the same seed
   * gives the same start; matches pass the seed `start.ts` derives); without a seed, and in games with one start,
   * the default start.
   */
  initial(seed?: number): S;
  /**
   * True when this instance's start depends on the seed given to `initial` (e.g. a parameter asks for a seeded
   * choice among several start positions); the match runner then records each game's start in the trace.
   */
  readonly seededStart?: boolean;
  /** The player to move (0 moves first). */
  toMove(state: S): 0 | 1;
  legalActions(state: S): A[];
  apply(state: S, action: A): S;
  isTerminal(state: S): boolean;
  /** Final scores by player (1 win, 0.5 draw, 0 loss), or null while the game runs. */
  outcome(state: S): readonly [number, number] | null;
  /** Canonical notation of an action in a state. */
  actionText(state: S, action: A): string;
  /** Parses a player's move text; never throws. */
  parseAction(state: S, text: string): { ok: true; action: A } | { ok: false; code: string; reason: string };
  /** A board rendering a language model can read reliably. */
  renderBoard(state: S): string;
  /**
   * The rules as a language model reads them. `legalShown` is whether this seat's prompt lists the legal moves (a
   * seat's `legal_moves` protocol setting may differ from the game's default, `legalMovesShown`); rules that mention
   * it say what that seat sees.
   */
  rulesText(options?: { readonly legalShown?: boolean }): string;
  /**
   * How a move is written, in one sentence (the notations `parseAction` accepts); the rules text states the same
   * sentence, and structured answer modes give it as the description of the move in the answer schema.
   */
  readonly moveNotation?: string;
  /** A string key of the state (transpositions, memoisation). */
  key(state: S): string;
  /** A mutable copy of the state for search and rollouts (no allocation per move). Absent: callers adapt `apply`. */
  board?(state: S): MoveBoard<A>;
  /**
   * A cheap static preference of `action` for the player to move in `state` (higher is better; only the order
   * matters). Greedy bots break ties with it after immediate wins and blocks.
   */
  heuristic?(state: S, action: A): number;
  /** True when the whole game tree is small enough for the exact solver (tic-tac-toe, not Connect Four). */
  readonly solvable?: boolean;
  /**
   * Capability: exact results of a position's actions within a node budget, for games too large to solve whole:
   * per action (in the order given) 1 win, 0 draw, -1 loss for the player to move under best play, or null when
   * the position needs more than `budget` search nodes. Deterministic for a position and budget.
   */
  boundedSolve?(state: S, actions: readonly A[], budget: number): SolvedResult[] | null;
  /**
   * Capability: a fast board that also computes the greedy prover's candidate set in place (rollouts and
   * provers use it when present, else `board`).
   */
  tacticalBoard?(state: S): TacticalBoard<A>;
  /** Capability: a fixed-size tensor encoding of (state, action) steps, for learned verifiers. */
  readonly tensor?: TensorEncoding<S, A>;
  /** Capability: an external engine that analyses positions (engine agents and the engine prover use it). */
  readonly engine?: GameEngine<S, A>;
  /**
   * Whether prompts list the legal moves (default true). A game parameter may hide them, since listing them changes
   * results; the game id records the parameter, so traces and leaderboards show it. It is the default for seats: a
   * language-model seat's own `legal_moves` protocol setting, when set, wins for that seat.
   */
  readonly legalMovesShown?: boolean;
  /** Capability: a standard game-record format (chess: PGN) to export games to and import games from. */
  readonly record?: GameRecordFormat<S, A>;
  /**
   * Capability: the position as a grid for viewers (the replay page), with the cells `last` (the move that led to
   * `state`, if any) touched highlighted. Absent: viewers show `renderBoard`'s text as a table.
   */
  boardGrid?(state: S, last: A | null): BoardGrid;
}

/** A board as a grid of cell labels (plain text: viewers render them as text, never as markup). */
export interface BoardGrid {
  /** Rows top to bottom, each a row of cell labels ('' for an empty cell). */
  readonly cells: readonly (readonly string[])[];
  /** One label per row (e.g. ranks 8..1) and per column (e.g. files a..h). */
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  /** [row, column] of the cells to highlight (the last move's from and to squares). */
  readonly highlight: readonly (readonly [number, number])[];
  /** Optional per-cell class hints by label (e.g. 'white' / 'black' pieces), same shape as `cells`. */
  readonly sides?: readonly (readonly (0 | 1 | null)[])[];
  /** [row, column] of the cells of a completed winning line (connection games), when the position has one. */
  readonly line?: readonly (readonly [number, number])[];
}

/** One game as a record holds it: its headers, the game parameters it starts from, and its actions in order. */
export interface RecordedGame<A> {
  readonly headers: Readonly<Record<string, string>>;
  /** Game parameters under which the record replays (e.g. the start position). */
  readonly params: Readonly<Record<string, number>>;
  readonly actions: readonly A[];
}

/** A game-record file format: writes one finished (or unfinished) game, reads every game of a file. */
export interface GameRecordFormat<S, A> {
  /** Format name and file extension, e.g. `pgn`. */
  readonly name: string;
  /** The record of the game that reached `state` (its history is in the state); `headers` name players, date, etc. */
  write(state: S, headers: Readonly<Record<string, string>>): string;
  /** Every game in a file, in order; a game that cannot be read is an error naming it. */
  read(text: string): RecordedGame<A>[];
}

/** A game-theoretic result for the player to move: 1 win, 0 draw, -1 loss. */
export type SolvedResult = -1 | 0 | 1;

/** Inputs of a learned verifier: every step (state, action) of one game instance as `size` numbers. */
export interface TensorEncoding<S, A> {
  /** Name of the encoding, recorded in exported models. */
  readonly name: string;
  /** Numbers per step. */
  readonly size: number;
  /** Writes the step's encoding into `out` at `offset` (so a batch is one Float32Array). */
  encodeStep(state: S, action: A, out: Float32Array, offset?: number): void;
  /**
   * The game's symmetries as permutations of the encoding (identity left out): the step encoded as `x` and the
   * symmetric step encoded as `y` satisfy y[i] = x[perm[i]], and both have the same value. Learned verifiers use
   * them to augment training data and to keep a position and its mirror images on one side of a held-out split.
   */
  readonly symmetries?: readonly Int32Array[];
  /**
   * Capability: the step's first channels x rows x cols numbers are planes over the board's grid (channel-major,
   * then row-major), the rest flat features; convolutional verifiers read the planes as an image.
   */
  readonly grid?: { readonly channels: number; readonly rows: number; readonly cols: number };
}

/** Applies an encoding symmetry (`TensorEncoding.symmetries`) to one encoded step. */
export function permuteStep(x: ArrayLike<number>, perm: Int32Array, out: Float32Array = new Float32Array(perm.length), offset = 0): Float32Array {
  for (let i = 0; i < perm.length; i++) out[offset + i] = x[perm[i] as number] as number;
  return out;
}

/** Encodes several actions of one state as a batch (row-major, one row per action). */
export function encodeActions<S, A>(tensor: TensorEncoding<S, A>, state: S, actions: readonly A[]): Float32Array {
  const out = new Float32Array(tensor.size * actions.length);
  actions.forEach((a, i) => tensor.encodeStep(state, a, out, i * tensor.size));
  return out;
}

/** Status of a board: -1 while the game runs, 0 or 1 the winner, 2 a draw. */
export type BoardStatus = -1 | 0 | 1 | 2;

/**
 * The fast path of a move game: a mutable position that plays moves in place. It must agree with the pure
 * methods move for move (the conformance test checks it). `rand(n)` returns a uniform integer in [0, n).
 */
export interface MoveBoard<A> {
  toMove(): 0 | 1;
  /** Legal actions in the order `legalActions` gives them; empty once the game is over. */
  legal(): A[];
  /** Plays a legal action; an illegal one is a programming error (behaviour unspecified). */
  play(action: A): void;
  status(): BoardStatus;
  /** Plays uniformly random legal moves to the end of the game; returns the final status (0, 1 or 2). */
  rollout(rand: (n: number) => number): 0 | 1 | 2;
  clone(): MoveBoard<A>;
}

/** A board that also knows the greedy prover's candidates: immediate wins, else moves leaving no immediate loss, else all. */
export interface TacticalBoard<A> extends MoveBoard<A> {
  greedyCandidates(): A[];
  clone(): TacticalBoard<A>;
}
