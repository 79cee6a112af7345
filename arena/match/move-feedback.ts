/** Feedback texts shown to move-game agents (recorded in requests; part of the prompt version). */

export function rejectionFeedback(code: string, reason: string, attempt: number, maxAttempts: number): string {
  const left = maxAttempts - attempt;
  return `Your reply was rejected (${code}): ${reason}. Try again: one legal move, in the answer format below (${left} attempt${left === 1 ? '' : 's'} left).`;
}

export interface GameSummary {
  readonly gameIndex: number;
  readonly games: number;
  /** This seat's score in the game: 1 win, 0.5 draw, 0 loss. */
  readonly score: number;
  readonly movedFirst: boolean;
  readonly ownMoves: readonly string[];
  /** Set when a seat forfeited: whether it was this seat. */
  readonly forfeit?: 'self' | 'opponent';
}

export function gameResultFeedback(s: GameSummary): string {
  const result = s.score === 1 ? 'you won' : s.score === 0 ? 'you lost' : 'it was a draw';
  const why = s.forfeit === 'self' ? ' (you forfeited after too many rejected replies)' : s.forfeit === 'opponent' ? ' (your opponent forfeited)' : '';
  const moves = s.ownMoves.length ? s.ownMoves.join(', ') : 'none';
  return (
    `Game ${s.gameIndex + 1} of ${s.games} is over: ${result}${why}. You moved ${s.movedFirst ? 'first' : 'second'}; ` +
    `your moves were: ${moves}. In the next game you move ${s.movedFirst ? 'second' : 'first'}.`
  );
}
