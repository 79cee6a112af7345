import { UsageError } from '../errors.js';
import { gameStart } from '../../games/core/start.js';
import { resolveMoveGame } from '../games/registry.js';
import type { Agent } from '../agents/agent.js';
import type { MoveMatchSpec, TraceEvent } from '../trace/events.js';
import { ZERO_USAGE } from '../trace/usage.js';
import { runMoveMatch } from './move-match.js';

/** One game of a match in its game's record format (e.g. PGN), with the format's name. */
export interface ExportedRecord {
  readonly format: string;
  readonly game: string;
  readonly text: string;
}

/**
 * The games of a move-match trace in their game's record format (the `record` capability), each game replayed
 * from its recorded moves. Headers: Event (the match id), Site, Date (`date`, YYYY.MM.DD), Round (game number),
 * White and Black (the seat names; seats alternate who moves first), Result (by the game's rules), and the arena's
 * own: ArenaGame (the canonical game id with every parameter), Seed, and Termination when a game was forfeited.
 * Returns [] for plan games and move games without a record format.
 */
export function exportRecords(events: readonly TraceEvent[], date: string): ExportedRecord[] {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'move') return [];
  const spec = start.spec;
  const { rules, canonical } = resolveMoveGame(spec.game, spec.params);
  const record = rules.record;
  if (!record) return [];
  const out: ExportedRecord[] = [];
  let gameIndex = 0;
  let state = gameStart(rules, spec, gameIndex);
  for (const e of events) {
    if (e.type === 'move') {
      if (e.gameIndex !== gameIndex) state = gameStart(rules, spec, (gameIndex = e.gameIndex));
      const parsed = rules.parseAction(state, e.action);
      if (!parsed.ok) throw new UsageError(`match ${start.matchId}: move '${e.action}' does not replay: ${parsed.reason}`);
      state = rules.apply(state, parsed.action);
    } else if (e.type === 'game_end') {
      const first = e.gameIndex % 2;
      const names = [spec.seats[first]?.name ?? '?', spec.seats[1 - first]?.name ?? '?'];
      const byPlayer = first === 0 ? e.scores : [e.scores[1], e.scores[0]];
      const result = byPlayer[0] === 1 ? '1-0' : byPlayer[1] === 1 ? '0-1' : '1/2-1/2';
      const headers: Record<string, string> = {
        Event: start.matchId,
        Site: 'Game Arena',
        Date: date,
        Round: String(e.gameIndex + 1),
        White: names[0] ?? '?',
        Black: names[1] ?? '?',
        Result: result,
        ArenaGame: canonical,
        Seed: String(spec.seed),
        ...(e.forfeit !== undefined ? { Termination: `forfeit by ${spec.seats[e.forfeit]?.name ?? `seat ${e.forfeit}`}` } : {}),
      };
      out.push({ format: record.name, game: rules.id, text: record.write(state, headers) });
      state = gameStart(rules, spec, (gameIndex = e.gameIndex + 1));
    }
  }
  return out;
}

/** An agent that plays the given actions in order (a recorded game replayed through the match runner). */
function replayer(actions: readonly unknown[], name: string): Agent {
  let i = 0;
  return {
    id: name,
    kind: 'record',
    decideMove: () => {
      if (i >= actions.length) return Promise.reject(new Error(`the record of ${name} has no more moves`));
      return Promise.resolve({ action: actions[i++], usage: ZERO_USAGE });
    },
  };
}

/**
 * Imports game records (e.g. a PGN file) of a move game with the `record` capability as one-game match traces, each
 * replayed through the match runner, so progress annotation and replay read them like any match. Seats are named
 * after the record's players (White/Black headers, else `white`/`black`); the format gives the parameters each game
 * replays under (for a game that ended before the rules end it, such as a resignation, parameters that end it at
 * its last move). A game without a record format is a UsageError.
 */
export async function importRecords(gameId: string, text: string): Promise<TraceEvent[][]> {
  const { rules, canonical } = resolveMoveGame(gameId);
  if (!rules.record) throw new UsageError(`${canonical} has no game-record format to import (the record capability)`);
  let games;
  try {
    games = rules.record.read(text);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  const out: TraceEvent[][] = [];
  for (const [i, g] of games.entries()) {
    const white = g.headers['White'] && g.headers['White'] !== '?' ? g.headers['White'] : 'white';
    const black = g.headers['Black'] && g.headers['Black'] !== '?' ? g.headers['Black'] : 'black';
    const params = resolveMoveGame(gameId, g.params).params;
    const spec: MoveMatchSpec = { family: 'move', game: gameId, params, games: 1, seed: i + 1, seats: [{ side: 0, agent: 'record', name: white }, { side: 1, agent: 'record', name: black }] };
    const w = g.actions.filter((_a, k) => k % 2 === 0);
    const b = g.actions.filter((_a, k) => k % 2 === 1);
    out.push(await runMoveMatch(spec, [replayer(w, white), replayer(b, black)], { matchId: `record-${i + 1}` }));
  }
  return out;
}
