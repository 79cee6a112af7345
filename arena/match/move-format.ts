import type { MatchEndEvent, MoveMatchSpec, TraceEvent } from '../trace/events.js';
import { gameStart } from '../../games/core/start.js';
import { resolveMoveGame } from '../games/registry.js';

export interface MoveFormatOptions {
  /** 'end' (default): the final board of each game; 'every': the board after every move; 'none': no boards. */
  readonly boards?: 'end' | 'every' | 'none';
}

const MARKS = ['X', 'O'] as const;

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

function seatName(spec: MoveMatchSpec, seat: number): string {
  const s = spec.seats[seat === 0 ? 0 : 1];
  return `seat ${seat} (${s.name || s.agent})`;
}

function usageLine(spec: MoveMatchSpec, end: MatchEndEvent): string {
  return end.usage
    .map((u, seat) => {
      const tokens = u.promptTokens + u.completionTokens > 0 ? `, ${u.promptTokens + u.completionTokens} tokens` : '';
      const sims = u.simulations > 0 ? `, ${u.simulations} simulations` : '';
      return `${seatName(spec, seat)}: ${(u.wallMs / 1000).toFixed(2)} s${sims}${tokens}`;
    })
    .join('; ');
}

/**
 * Terminal text of a move match from its trace: per game, who moved first, the numbered move list (rejections
 * marked `!`), rejection details, the board (final or after every move) and the result; then the match summary.
 * Boards are rebuilt by replaying the recorded moves through the game's rules.
 */
export function formatMoveMatch(events: readonly TraceEvent[], options: MoveFormatOptions = {}): string {
  const start = events[0];
  if (start?.type !== 'match_start' || start.spec.family !== 'move') return '(not a move-match trace)';
  const spec = start.spec;
  const boards = options.boards ?? 'end';
  const { rules, canonical } = resolveMoveGame(spec.game, spec.params);
  const out = [`${canonical}  seed ${spec.seed}  ${spec.games} game${spec.games === 1 ? '' : 's'}  ${seatName(spec, 0)} vs ${seatName(spec, 1)}`];
  let state = gameStart(rules, spec, 0);
  let moves: string[] = [];
  let notes: string[] = [];
  let gameOpen = false;
  const flushMoves = (): void => {
    const numbered: string[] = [];
    for (let i = 0; i < moves.length; i += 2) numbered.push(`${i / 2 + 1}. ${moves.slice(i, i + 2).join(' ')}`);
    if (numbered.length) out.push(`  moves: ${numbered.join('  ')}`);
    for (const n of notes) out.push(`  ${n}`);
  };
  for (const e of events) {
    if ((e.type === 'move' || e.type === 'rejection') && !gameOpen) {
      gameOpen = true;
      state = gameStart(rules, spec, e.gameIndex);
      moves = [];
      notes = [];
      const first = e.gameIndex % 2;
      out.push('', `Game ${e.gameIndex + 1}: ${seatName(spec, first)} plays ${MARKS[0]} and moves first`);
    }
    if (e.type === 'rejection') {
      notes.push(`rejected: ply ${e.round + 1}, ${seatName(spec, e.seat)}, attempt ${e.attempt}: ${e.code} (${e.reason}) -> ${e.outcome}`);
    } else if (e.type === 'move') {
      const parsed = rules.parseAction(state, e.action);
      if (!parsed.ok) {
        notes.push(`(cannot replay move '${e.action}': ${parsed.reason})`);
        continue;
      }
      state = rules.apply(state, parsed.action);
      const marked = e.attempt > 1 || e.meta?.policy !== undefined ? `${e.action}!` : e.action;
      moves.push(e.meta?.policy === 'random_move' ? `${marked}?` : marked);
      if (boards === 'every') notes.push(`ply ${e.round + 1}: ${MARKS[e.player]} plays ${e.action}\n${indent(rules.renderBoard(state))}`);
    } else if (e.type === 'game_end') {
      flushMoves();
      if (boards === 'end') out.push(indent(rules.renderBoard(state)));
      const [a, b] = e.scores;
      const result = a === b ? 'draw' : `${seatName(spec, a > b ? 0 : 1)} wins`;
      out.push(`  result: ${result} after ${e.plies} plies${e.forfeit !== undefined ? ` (${seatName(spec, e.forfeit)} forfeited)` : ''}`);
      gameOpen = false;
    } else if (e.type === 'error') {
      if (gameOpen) flushMoves();
      gameOpen = false;
      out.push(`  error (${e.kind}${e.side !== undefined ? `, seat ${e.side}` : ''}): ${e.message}`);
    } else if (e.type === 'match_end') {
      out.push('');
      if (e.status === 'completed') {
        const ends = events.filter((x) => x.type === 'game_end');
        const points = [0, 1].map((seat) => ends.reduce((sum, x) => sum + (x.scores[seat] ?? 0), 0));
        const draws = ends.filter((x) => x.scores[0] === 0.5).length;
        const winner = e.winner === null ? 'no winner' : `winner ${seatName(spec, e.winner)}`;
        out.push(`Match: ${points[0]} - ${points[1]} (wins ${e.wins[0]}-${e.wins[1]}, draws ${draws}); ${winner}`);
      } else {
        out.push(`Match ended with status ${e.status} (${e.reason ?? 'unknown'}); not scored`);
      }
      out.push(`Usage: ${usageLine(spec, e)}`);
    }
  }
  return out.join('\n');
}
