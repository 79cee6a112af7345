import type { MoveGame } from '../../games/core/move-game.js';
import { gameStart } from '../../games/core/start.js';
import type { MoveEvent, TraceEvent } from '../trace/events.js';
import { TraceFormatError } from '../trace/read.js';

/**
 * Each recorded move of a move-match trace with the position it was played in and its parsed action, the rules
 * replayed from each game's start (seeded where the game has several: `games/core/start.ts`). A move that does not replay is a TraceFormatError.
 */
export function* movePositions<S, A>(rules: MoveGame<S, A>, events: readonly TraceEvent[], matchId: string): Generator<{ readonly event: MoveEvent; readonly state: S; readonly action: A }> {
  const first = events[0];
  const seeds = first?.type === 'match_start' ? first.spec : { seed: 0 };
  let gameIndex = 0;
  let state = gameStart(rules, seeds, gameIndex);
  for (const event of events) {
    if (event.type !== 'move') continue;
    // Each game starts from its own (possibly seeded) start position.
    if (event.gameIndex !== gameIndex) state = gameStart(rules, seeds, (gameIndex = event.gameIndex));
    const parsed = rules.parseAction(state, event.action);
    if (!parsed.ok) throw new TraceFormatError(`match ${matchId}: move '${event.action}' (seq ${event.seq}) does not replay: ${parsed.reason}`);
    yield { event, state, action: parsed.action };
    state = rules.apply(state, parsed.action);
  }
}
