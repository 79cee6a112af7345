import type { MoveGame } from '../../games/core/move-game.js';
import type { MoveEvent, TraceEvent } from '../trace/events.js';
import { TraceFormatError } from '../trace/read.js';

/**
 * Each recorded move of a move-match trace with the position it was played in and its parsed action, the rules
 * replayed from the start (a fresh game after each `game_end`). A move that does not replay is a TraceFormatError.
 */
export function* movePositions<S, A>(rules: MoveGame<S, A>, events: readonly TraceEvent[], matchId: string): Generator<{ readonly event: MoveEvent; readonly state: S; readonly action: A }> {
  let state = rules.initial();
  for (const event of events) {
    if (event.type === 'game_end') state = rules.initial();
    if (event.type !== 'move') continue;
    const parsed = rules.parseAction(state, event.action);
    if (!parsed.ok) throw new TraceFormatError(`match ${matchId}: move '${event.action}' (seq ${event.seq}) does not replay: ${parsed.reason}`);
    yield { event, state, action: parsed.action };
    state = rules.apply(state, parsed.action);
  }
}
