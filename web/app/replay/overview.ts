import type { RevisionLabel } from '../../shared/api.js';
import { el } from '../dom.js';
import { revisionWords, seatName, type PlanContext } from './plan-view.js';
import type { MoveStep, PlanStep } from './steps.js';

/** One chip of the overview strip: a button that jumps the replay to a step. */
function chip(step: number, cls: string, title: string, lines: (string | HTMLElement)[], go: (step: number) => void): HTMLElement {
  return el('li', {}, el('button', { type: 'button', class: `overview-chip ${cls}`, title, dataset: { step: String(step) }, onClick: () => go(step) }, ...lines.map((l) => el('span', {}, l))));
}

/**
 * A plan match at a glance: one chip per battle with its winner, and for each revision request who was asked and
 * how the metrics count the answer (success, harmful, unforced, or unchanged). A chip jumps to its battle.
 */
export function planOverview(steps: readonly PlanStep[], ctx: PlanContext, go: (step: number) => void): HTMLElement {
  const chips = steps.flatMap((s, i) => {
    const b = s.battle;
    if (!b) return [];
    const label: RevisionLabel | undefined = ctx.revisions.find((r) => r.battle === b.battle);
    const winner = b.winner === null ? 'draw' : `${seatName(ctx, b.winner)} wins`;
    const who = b.revisedBy === null ? '' : (ctx.seats[b.revisedBy] ?? '?');
    const revision = b.revisedBy === null ? 'initial plans' : !label ? `${who} asked to revise (not labelled)` : label.revised ? `${who} revised: ${revisionWords(label).join(', ')}` : `${who} kept the plan: unchanged`;
    const cls = `${b.winner === null ? 'draw' : `win-${b.winner}`}${label ? (label.revised ? ' revised' : ' unchanged') : ''}`;
    return [chip(i, cls, `Battle ${b.battle}: ${winner}; ${revision}`, [`Battle ${b.battle}`, winner, revision], go)];
  });
  return el('nav', { class: 'overview', id: 'overview', ariaLabel: 'match overview' }, el('h2', {}, 'Match overview'), el('ol', { class: 'overview-strip' }, ...chips));
}

/** A move match at a glance: one chip per game with its result; a chip jumps to the game's first move. */
export function moveOverview(steps: readonly MoveStep[], seats: readonly [string, string], go: (step: number) => void): HTMLElement {
  const firstStep = new Map<number, number>();
  const ends = new Map<number, MoveStep['gameEnd']>();
  steps.forEach((s, i) => {
    if (!firstStep.has(s.gameIndex)) firstStep.set(s.gameIndex, i);
    if (s.gameEnd) ends.set(s.gameIndex, s.gameEnd);
  });
  const chips = [...firstStep].map(([game, i]) => {
    const end = ends.get(game);
    const moves = steps.filter((s) => s.gameIndex === game && s.move).length;
    const result = !end ? 'unfinished' : end.scores[0] === end.scores[1] ? 'draw' : `${seats[end.scores[0] > end.scores[1] ? 0 : 1]} wins`;
    const cls = !end ? 'draw' : end.scores[0] === end.scores[1] ? 'draw' : `win-${end.scores[0] > end.scores[1] ? 0 : 1}`;
    return chip(i, cls, `Game ${game + 1}: ${result}, ${moves} moves`, [`Game ${game + 1}`, result, `${moves} moves`], go);
  });
  return el('nav', { class: 'overview', id: 'overview', ariaLabel: 'match overview' }, el('h2', {}, 'Match overview'), el('ol', { class: 'overview-strip' }, ...chips));
}
