import type { MoveEvent, RejectionEvent, TraceEvent } from '../../arena/trace/events.js';
import { TraceFormatError } from '../../arena/trace/read.js';
import { addSlopeSums, bump, emptyStats, S, type AgentMatchRecord } from './record.js';

/** What a rejected or accepted answer said, to tell whether a re-ask was answered differently. */
function answerKey(event: MoveEvent | RejectionEvent): string | null {
  return event.response?.text ?? (event.type === 'move' ? event.action : null);
}

/**
 * The move-family step extractor, with what move traces hold today (METRICS.md, move games):
 * - evaluated rounds are the games of the series (score by seat; β is defined when G > 1);
 * - an opportunity is a re-ask after a rejected action; it is a revision unless the next answer repeats the
 *   rejected one word for word (an answer with no recorded text counts as different); it succeeds when that
 *   answer is a legal move. Plan departures need stated plans, which move traces do not record yet;
 * - submissions are moves and rejections; a rejection is a violation;
 * - progress events annotating the seat's moves give the mean advantage, blunders (A ≤ −τ) and the ply
 *   (the move event's `round`) of the first blunder in each game.
 * Over-budget turns are not recorded, so OBR stays undefined.
 */
export function moveRecords(events: readonly TraceEvent[], blunderThreshold: number): AgentMatchRecord[] {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'move') throw new TraceFormatError('not a move-game trace');
  const seats = start.spec.seats;
  const stats = [emptyStats(), emptyStats()] as const;
  const gameScores: [number[], number[]] = [[], []];
  const reasked: [RejectionEvent | null, RejectionEvent | null] = [null, null];
  const moves = new Map<number, MoveEvent>();
  /** Ply of each seat's first blunder, by game. */
  const firstBlunder: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];

  for (const event of events) {
    if (event.type === 'move' || event.type === 'rejection') {
      const seat = event.seat;
      const s = stats[seat];
      const pending = reasked[seat];
      if (pending !== null) {
        bump(s, S.opp);
        const key = answerKey(pending);
        if (key === null || key !== answerKey(event)) {
          bump(s, S.revised);
          bump(s, S.successN);
          if (event.type === 'move') bump(s, S.success);
        }
      }
      reasked[seat] = event.type === 'rejection' && event.outcome === 'reask' ? event : null;
      if (event.type === 'move') moves.set(event.seq, event);
      bump(s, S.subs);
      if (event.type === 'rejection') bump(s, S.subsViolated);
      bump(s, S.decisions);
      bump(s, S.tokens, event.usage.promptTokens + event.usage.completionTokens);
      bump(s, S.calls, event.usage.calls);
      bump(s, S.truncated, event.usage.truncated ?? 0);
      bump(s, S.wallMs, event.usage.wallMs);
      bump(s, S.usd, event.usage.costUsd);
    } else if (event.type === 'game_end') {
      gameScores[0].push(event.scores[0]);
      gameScores[1].push(event.scores[1]);
    } else if (event.type === 'progress') {
      const move = moves.get(event.step);
      if (move === undefined) continue;
      const seat = move.seat;
      bump(stats[seat], S.advN);
      bump(stats[seat], S.advSum, event.advantage);
      if (event.advantage > -blunderThreshold) continue;
      bump(stats[seat], S.blunders);
      const first = firstBlunder[seat].get(move.gameIndex);
      if (first === undefined || move.round < first) firstBlunder[seat].set(move.gameIndex, move.round);
    }
  }

  const totals = gameScores.map((list) => list.reduce((a, b) => a + b, 0));
  return ([0, 1] as const).map((seat) => {
    const s = stats[seat];
    const own = totals[seat] as number;
    const theirs = totals[seat === 0 ? 1 : 0] as number;
    s[S.matchScore] = own > theirs ? 1 : own === theirs ? 0.5 : 0;
    for (const ply of firstBlunder[seat].values()) {
      bump(s, S.blunderGames);
      bump(s, S.firstBlunderPly, ply);
    }
    s[S.evalN] = gameScores[seat].length;
    s[S.evalScore] = own;
    addSlopeSums(s, gameScores[seat]);
    return { matchId: start.matchId, game: start.spec.game, family: 'move' as const, agent: seats[seat].name, stats: s };
  });
}
