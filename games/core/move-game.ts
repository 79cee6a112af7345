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
  initial(): S;
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
  rulesText(): string;
  /** A string key of the state (transpositions, memoisation). */
  key(state: S): string;
}
