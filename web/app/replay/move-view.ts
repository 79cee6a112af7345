import type { ProgressEvent } from '../../../arena/trace/events.js';
import type { MoveBoard } from '../../shared/api.js';
import { el } from '../dom.js';
import { progressBadge, rawText } from './submission-view.js';
import type { MoveStep } from './steps.js';

/**
 * A board from the game's own text rendering, as a table: one row per line, one cell per token; shorter lines
 * (e.g. column headers over row labels) are padded on the left. X and O cells are styled.
 */
export function boardTable(text: string): HTMLTableElement {
  const rows = text.split('\n').map((line) => line.trim().split(/\s+/).filter((t) => t !== ''));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return el(
    'table',
    { class: 'move-board', id: 'move-board' },
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el('tr', {}, ...[...Array<string>(width - r.length).fill(''), ...r].map((t) => el('td', { class: t === 'X' ? 'x' : t === 'O' ? 'o' : t === '.' ? 'empty' : 'label' }, t === '.' ? '' : t))),
      ),
    ),
  );
}

/** A board grid (the game's `boardGrid`): labels as text, the last move's cells marked `last-move`, pieces by side. */
export function gridTable(board: NonNullable<MoveBoard['grid']>): HTMLTableElement {
  const lit = new Set(board.highlight.map(([r, c]) => `${r},${c}`));
  const line = new Set((board.line ?? []).map(([r, c]) => `${r},${c}`));
  return el(
    'table',
    { class: 'move-board grid-board', id: 'move-board' },
    el(
      'tbody',
      {},
      ...board.cells.map((row, r) =>
        el(
          'tr',
          {},
          el('td', { class: 'label' }, board.rowLabels[r] ?? ''),
          ...row.map((label, c) => {
            const side = board.sides?.[r]?.[c];
            const cls = [(r + c) % 2 === 0 ? 'light' : 'dark', side === 0 ? 'side-0' : side === 1 ? 'side-1' : '', lit.has(`${r},${c}`) ? 'last-move' : '', line.has(`${r},${c}`) ? 'win-line' : ''].filter((x) => x !== '');
            return el('td', { class: cls.join(' '), dataset: { cell: `${board.colLabels[c] ?? c}${board.rowLabels[r] ?? r}` } }, label);
          }),
        ),
      ),
      el('tr', {}, el('td', { class: 'label' }, ''), ...board.colLabels.map((l) => el('td', { class: 'label' }, l))),
    ),
  );
}

/**
 * The moves of the current game: number, notation, the engine's advantage badge and best move when the trace has
 * progress events; the current move is marked, and each move is a button that jumps the board to it.
 */
export function moveList(
  entries: readonly { seq: number; notation: string; best: string | undefined }[],
  current: number | null,
  progress: ReadonlyMap<number, ProgressEvent>,
  onPick?: (seq: number) => void,
): HTMLElement {
  return el(
    'ol',
    { class: 'move-list', id: 'move-list' },
    ...entries.map((m) => {
      const p = progress.get(m.seq);
      return el(
        'li',
        { class: m.seq === current ? 'current' : '', dataset: { seq: String(m.seq) } },
        onPick ? el('button', { type: 'button', class: 'move-san move-jump', onClick: () => onPick(m.seq) }, m.notation) : el('span', { class: 'move-san' }, m.notation),
        ' ',
        progressBadge(p),
        m.best !== undefined ? el('span', { class: 'best-move' }, ` best ${m.best}${p?.engine ? `, loss ${p.engine.cpLoss} cp` : ''}`) : null,
      );
    }),
  );
}

/** How the agent gave a direct JSON action, when that differs from the move's text (e.g. an index for a column). */
function givenText(given: unknown, action: string): string {
  if (given === undefined) return '';
  const text = typeof given === 'string' ? given : JSON.stringify(given);
  return text === action ? '' : ` (given as ${text})`;
}

/** One move: the board after it beside the game's move list and the model's reply, who played what, rejected answers. */
export function moveStepView(step: MoveStep, seats: readonly [string, string], board: MoveBoard | undefined, progress: ReadonlyMap<number, ProgressEvent>, list: HTMLElement | null = null): HTMLElement {
  const m = step.move;
  const end = step.gameEnd
    ? `Game ${step.gameEnd.gameIndex + 1} ends: ${step.gameEnd.scores[0]} – ${step.gameEnd.scores[1]}${step.gameEnd.forfeit !== undefined ? ` (seat ${step.gameEnd.forfeit} forfeits)` : ''}; ${
        step.gameEnd.scores[0] === step.gameEnd.scores[1] ? 'a draw' : `${seats[step.gameEnd.scores[0] > step.gameEnd.scores[1] ? 0 : 1]} wins`
      }.`
    : null;
  const drawn = board === undefined ? el('p', { class: 'muted' }, 'Board not available.') : board.grid ? gridTable(board.grid) : boardTable(board.board);
  return el(
    'div',
    { class: 'step move-step' },
    m
      ? el(
          'h3',
          { id: 'move-head' },
          `Game ${m.gameIndex + 1}, ply ${m.round + 1}: ${seats[m.seat]} (seat ${m.seat}, ${m.player === 0 ? 'first' : 'second'} player) plays `,
          el('code', { class: 'action-given' }, m.action),
          board?.notation !== undefined && board.notation !== m.action ? ` (${board.notation} in the game's notation)` : '',
          givenText(m.response?.action, m.action),
          ' ',
          progressBadge(progress.get(m.seq)),
        )
      : el('h3', { id: 'move-head' }, `Game ${step.gameIndex + 1}: forfeit after rejected answers`),
    m ? el('p', {}, `${m.legalCount} legal moves; attempt ${m.attempt}${m.meta?.['policy'] ? `; chosen by the runner's policy (${String(m.meta['policy'])})` : ''}.`) : null,
    end ? el('p', { class: 'game-end' }, end) : null,
    el('div', { class: 'board-with-moves' }, el('div', { class: 'board-col' }, drawn, list), el('div', { class: 'reply-col' }, m ? rawText(m.response, m.meta, true) : null)),
    ...step.rejections.map((r) =>
      el('article', { class: 'rejection' }, el('h4', {}, `Rejected (attempt ${r.attempt}, ${seats[r.seat]}): ${r.code} — ${r.reason}; then ${r.outcome.replace('_', ' ')}`), rawText(r.response, undefined)),
    ),
  );
}
