import { resolveMoveGame } from '../../arena/games/registry.js';
import { gameStart } from '../../games/core/start.js';
import type { TraceEvent } from '../../arena/trace/events.js';
import { planRevisions } from '../../metrics/index.js';
import type { MatchDetail, MatchSummary, MoveBoard, RevisionLabel } from '../shared/api.js';

/**
 * Boards of a move-game trace, rebuilt with the game's rules: the start of each game and the position after each
 * recorded move. Null when the game cannot be rebuilt here (an unknown id) or a recorded move does not replay.
 */
export function moveBoards(events: readonly TraceEvent[]): MoveBoard[] | null {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'move') return null;
  const spec = start.spec;
  let rules;
  try {
    rules = resolveMoveGame(spec.game, spec.params).rules;
  } catch {
    return null;
  }
  const best = new Map<number, string>();
  for (const e of events) if (e.type === 'progress' && e.engine?.best) best.set(e.step, e.engine.best);
  const grid = (state: unknown, last: unknown) => (rules.boardGrid ? { grid: rules.boardGrid(state, last) } : {});
  const boards: MoveBoard[] = [];
  let state: unknown = null;
  let gameIndex = -1;
  for (const e of events) {
    if (e.type !== 'move') continue;
    if (e.gameIndex !== gameIndex) {
      gameIndex = e.gameIndex;
      state = gameStart(rules, spec, gameIndex);
      boards.push({ gameIndex, seq: null, board: rules.renderBoard(state), ...grid(state, null) });
    }
    const parsed = rules.parseAction(state, e.action);
    if (!parsed.ok) return null;
    const before = state;
    const notation = rules.actionText(before, parsed.action);
    const engineBest = best.get(e.seq);
    const bestParsed = engineBest === undefined ? null : rules.parseAction(before, engineBest);
    try {
      state = rules.apply(state, parsed.action);
    } catch {
      return null;
    }
    boards.push({
      gameIndex,
      seq: e.seq,
      board: rules.renderBoard(state),
      notation,
      ...(engineBest !== undefined && bestParsed ? { best: bestParsed.ok ? rules.actionText(before, bestParsed.action) : engineBest } : {}),
      ...grid(state, parsed.action),
    });
  }
  return boards;
}

/** A plan-game trace's revision opportunities as the metrics label them; null for other traces or unreadable ones. */
export function revisionLabels(events: readonly TraceEvent[]): RevisionLabel[] | null {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'plan') return null;
  try {
    return planRevisions(events);
  } catch {
    return null;
  }
}

/**
 * The replay viewer's data for one match: its summary, its whole trace, rebuilt boards for move games and the
 * metrics' labels of each revision for plan games.
 */
export function matchDetail(run: string, summary: MatchSummary, events: readonly TraceEvent[] | undefined): MatchDetail {
  return {
    run,
    summary,
    events: events ? (events as unknown as Readonly<Record<string, unknown>>[]) : null,
    boards: events ? moveBoards(events) : null,
    revisions: events ? revisionLabels(events) : null,
  };
}
