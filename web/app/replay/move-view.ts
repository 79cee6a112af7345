import type { ProgressEvent } from '../../../arena/trace/events.js';
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

/** One move: the board after it, who played what, the rejected answers before it and the raw replies. */
export function moveStepView(step: MoveStep, seats: readonly [string, string], board: string | undefined, progress: ReadonlyMap<number, ProgressEvent>): HTMLElement {
  const m = step.move;
  const end = step.gameEnd ? `Game ${step.gameEnd.gameIndex + 1} ends: ${step.gameEnd.scores[0]} – ${step.gameEnd.scores[1]}${step.gameEnd.forfeit !== undefined ? ` (seat ${step.gameEnd.forfeit} forfeits)` : ''}.` : null;
  return el(
    'div',
    { class: 'step move-step' },
    m
      ? el('h3', {}, `Game ${m.gameIndex + 1}, ply ${m.round + 1}: ${seats[m.seat]} (seat ${m.seat}, player ${m.player}) plays ${m.action}`, ' ', progressBadge(progress.get(m.seq)))
      : el('h3', {}, `Game ${step.gameIndex + 1}: forfeit after rejected answers`),
    m ? el('p', {}, `${m.legalCount} legal moves; attempt ${m.attempt}${m.meta?.['policy'] ? `; chosen by the runner's policy (${String(m.meta['policy'])})` : ''}.`) : null,
    board !== undefined ? boardTable(board) : el('p', { class: 'muted' }, 'Board not available.'),
    end ? el('p', { class: 'game-end' }, end) : null,
    ...step.rejections.map((r) =>
      el('article', { class: 'rejection' }, el('h4', {}, `Rejected (attempt ${r.attempt}, ${seats[r.seat]}): ${r.code} — ${r.reason}; then ${r.outcome.replace('_', ' ')}`), rawText(r.response, undefined)),
    ),
    m ? rawText(m.response, m.meta) : null,
  );
}
