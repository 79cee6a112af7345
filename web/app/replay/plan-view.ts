import type { ProgressEvent, RoundResultEvent } from '../../../arena/trace/events.js';
import { el, pre } from '../dom.js';
import { num, planJson, prettyJson } from '../format.js';
import { abView, isAbLog, isTbLog, tbView } from './lineup-view.js';
import type { PlanStep } from './steps.js';
import { budgetMeter, submissionView } from './submission-view.js';
import { isTdLog, tdView } from './td-view.js';

/** The battle log drawn by its shape; an unknown shape is shown as JSON. */
function battleLog(log: unknown, sides: readonly [string, string]): HTMLElement | null {
  if (log === undefined || log === null) return null;
  if (isTdLog(log)) return tdView(log);
  if (isAbLog(log)) return abView(log, sides);
  if (isTbLog(log)) return tbView(log, sides);
  return el('details', {}, el('summary', {}, 'Battle log'), pre(prettyJson(log)));
}

function battleView(b: RoundResultEvent, seats: readonly [string, string]): HTMLElement {
  const outcome = b.winner === null ? 'no winner' : `side ${b.winner} (${seats[b.winner]}) wins`;
  return el(
    'section',
    { class: 'battle-result' },
    el('h3', {}, `Battle ${b.battle} (round ${b.label}): ${outcome} — ${b.reason}; scores ${num(b.scores[0], 1)} – ${num(b.scores[1], 1)}`),
    b.revisedBy !== null ? el('p', {}, `Played after side ${b.revisedBy} (${seats[b.revisedBy]}) revised.`) : el('p', {}, 'First battle: both initial plans.'),
    el(
      'div',
      { class: 'plans' },
      ...([0, 1] as const).map((s) =>
        el('div', { class: 'plan' }, el('h4', {}, `Side ${s} — ${seats[s]}: plan in force`), budgetMeter(b.costs[s], b.budgets[s]), pre(planJson(b.plans[s]), 'raw plan-json')),
      ),
    ),
    battleLog(b.log, seats),
  );
}

/** One plan-game step: the submissions since the previous battle (with diffs and raw replies), then the battle. */
export function planStepView(step: PlanStep, seats: readonly [string, string], progress: ReadonlyMap<number, ProgressEvent>): HTMLElement {
  return el(
    'div',
    { class: 'step plan-step' },
    step.submissions.length ? el('section', { class: 'submissions' }, el('h3', {}, 'Submissions'), ...step.submissions.map((s) => submissionView(s, seats[s.event.side] ?? '', progress.get(s.event.seq)))) : null,
    ...step.reasks.map((r) => el('p', { class: 'reask' }, `Side ${r.side} re-asked after attempt ${r.attempt}: ${r.reason.replace('_', ' ')}.`)),
    ...step.errors.map((e) => el('p', { class: 'bad' }, `Error (${e.kind}${e.side !== undefined ? `, side ${e.side}` : ''}): ${e.message}`)),
    step.battle ? battleView(step.battle, seats) : el('p', {}, 'After the last battle.'),
  );
}
