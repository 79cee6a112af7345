import type { ProgressEvent, RoundResultEvent } from '../../../arena/trace/events.js';
import type { RevisionLabel } from '../../shared/api.js';
import { el, pre } from '../dom.js';
import { num, planJson, prettyJson } from '../format.js';
import { abView, isAbLog, isTbLog, tbView } from './lineup-view.js';
import type { PlanStep } from './steps.js';
import { budgetMeter, submissionView } from './submission-view.js';
import { isTdLog, tdView } from './td-view.js';

/** What the plan view knows of the match beyond the step: seat roles and the metrics' revision labels. */
export interface PlanContext {
  readonly seats: readonly [string, string];
  /** Each seat's role (e.g. Human, Demon); null when unknown. */
  readonly roles: readonly [string, string] | null;
  readonly revisions: readonly RevisionLabel[];
}

/** A seat as the page names it: the agent, with its role when the game has roles. */
export function seatName(ctx: PlanContext, side: number): string {
  const role = ctx.roles?.[side];
  return `${ctx.seats[side] ?? `side ${side}`}${role ? ` (${role})` : ''}`;
}

/** The words of a revision label, as the metrics count it. */
export function revisionWords(r: RevisionLabel): string[] {
  if (!r.revised) return ['unchanged'];
  const words = [r.success ? 'success' : null, r.harmful ? 'harmful' : null, r.unforced ? 'unforced' : null].filter((w): w is string => w !== null);
  return words.length ? words : ['no score change'];
}

function winnerText(b: RoundResultEvent, ctx: PlanContext): string {
  return b.winner === null ? 'No winner (draw).' : `Winner: ${seatName(ctx, b.winner)}.`;
}

/** The battle log drawn by its shape; an unknown shape is shown as JSON. */
function battleLog(log: unknown, b: RoundResultEvent, ctx: PlanContext): HTMLElement | null {
  if (log === undefined || log === null) return null;
  if (isTdLog(log)) {
    const human = Math.max(0, ctx.roles?.findIndex((r) => r === 'Human') ?? 0);
    return tdView(log, { human: ctx.seats[human] ?? '', demon: ctx.seats[human === 0 ? 1 : 0] ?? '' });
  }
  if (isAbLog(log)) return abView(log, ctx.seats, winnerText(b, ctx));
  if (isTbLog(log)) return tbView(log, ctx.seats, winnerText(b, ctx));
  return el('details', {}, el('summary', {}, 'Battle log'), pre(prettyJson(log)));
}

function battleView(b: RoundResultEvent, ctx: PlanContext): HTMLElement {
  const outcome = b.winner === null ? 'no winner' : `${seatName(ctx, b.winner)} wins`;
  const label = ctx.revisions.find((r) => r.battle === b.battle);
  return el(
    'section',
    { class: 'battle-result', dataset: { battle: String(b.battle) } },
    el('h3', {}, `Battle ${b.battle} (round ${b.label}): ${outcome} — ${b.reason}; scores ${num(b.scores[0], 1)} – ${num(b.scores[1], 1)}`),
    b.revisedBy !== null
      ? el(
          'p',
          { class: 'revision-note' },
          `Played after ${seatName(ctx, b.revisedBy)} was asked to revise: `,
          label ? el('span', { class: `revision-label ${label.revised ? 'revised' : 'unchanged'}` }, revisionWords(label).join(', ')) : 'not labelled (the trace is incomplete)',
          '.',
        )
      : el('p', {}, 'First battle: both initial plans.'),
    el(
      'div',
      { class: 'plans' },
      ...([0, 1] as const).map((s) =>
        el('div', { class: 'plan' }, el('h4', {}, `Side ${s} — ${seatName(ctx, s)}: plan in force`), budgetMeter(b.costs[s], b.budgets[s]), el('details', {}, el('summary', {}, 'Plan JSON'), pre(planJson(b.plans[s]), 'raw plan-json'))),
      ),
    ),
    battleLog(b.log, b, ctx),
  );
}

/** One plan-game step: the submissions since the previous battle (with diffs and raw replies), then the battle. */
export function planStepView(step: PlanStep, ctx: PlanContext, progress: ReadonlyMap<number, ProgressEvent>): HTMLElement {
  return el(
    'div',
    { class: 'step plan-step' },
    step.submissions.length ? el('section', { class: 'submissions' }, el('h3', {}, 'Submissions'), ...step.submissions.map((s) => submissionView(s, seatName(ctx, s.event.side), progress.get(s.event.seq)))) : null,
    ...step.reasks.map((r) => el('p', { class: 'reask' }, `Side ${r.side} re-asked after attempt ${r.attempt}: ${r.reason.replace('_', ' ')}.`)),
    ...step.errors.map((e) => el('p', { class: 'bad' }, `Error (${e.kind}${e.side !== undefined ? `, side ${e.side}` : ''}): ${e.message}`)),
    step.battle ? battleView(step.battle, ctx) : el('p', {}, 'After the last battle.'),
  );
}
