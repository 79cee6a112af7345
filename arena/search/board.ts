import type { BoardStatus, MoveBoard, MoveGame, TacticalBoard } from '../../games/core/move-game.js';

function statusOf<S, A>(game: MoveGame<S, A>, state: S): BoardStatus {
  const outcome = game.outcome(state);
  if (!outcome) return -1;
  return outcome[0] === outcome[1] ? 2 : outcome[0] > outcome[1] ? 0 : 1;
}

/** The MoveBoard contract over the pure immutable methods, for games without a fast path. */
class PureBoard<S, A> implements MoveBoard<A> {
  constructor(
    private readonly game: MoveGame<S, A>,
    private state: S,
  ) {}

  toMove(): 0 | 1 {
    return this.game.toMove(this.state);
  }

  legal(): A[] {
    return this.game.legalActions(this.state);
  }

  play(action: A): void {
    this.state = this.game.apply(this.state, action);
  }

  status(): BoardStatus {
    return statusOf(this.game, this.state);
  }

  rollout(rand: (n: number) => number): 0 | 1 | 2 {
    for (;;) {
      const s = this.status();
      if (s !== -1) return s;
      const legal = this.legal();
      this.play(legal[rand(legal.length)] as A);
    }
  }

  clone(): PureBoard<S, A> {
    return new PureBoard(this.game, this.state);
  }
}

/** The game's fast board for a state, or an adapter over its pure methods when it has none. */
export function boardOf<S, A>(game: MoveGame<S, A>, state: S): MoveBoard<A> {
  return game.board ? game.board(state) : new PureBoard(game, state);
}

/** The fastest board for prover rollouts: the game's tactical board when it has one, else `boardOf`. */
export function proverBoard<S, A>(game: MoveGame<S, A>, state: S): MoveBoard<unknown> {
  return (game.tacticalBoard ? game.tacticalBoard(state) : boardOf(game, state)) as MoveBoard<unknown>;
}

/** True for a board with the tactical capability (see `MoveGame.tacticalBoard`). */
export function isTactical<A>(board: MoveBoard<A>): board is TacticalBoard<A> {
  return typeof (board as Partial<TacticalBoard<A>>).greedyCandidates === 'function';
}
