import type { PlanSubmissionEvent, ProgressEvent } from '../../../arena/trace/events.js';
import { bar, el, pre } from '../dom.js';
import { num, planJson, prettyJson } from '../format.js';
import { diffPlans, isEmptyDiff } from './diff.js';
import type { Submission } from './steps.js';

/** Cost against budget: the figures and a bar (red when over budget). */
export function budgetMeter(cost: number, budget: number): HTMLElement {
  const over = cost > budget;
  return el('div', { class: `budget${over ? ' over' : ''}` }, el('span', {}, `cost ${cost} / budget ${budget}${over ? ' — over budget' : ''}`), bar(budget > 0 ? cost / budget : over ? 1 : 0));
}

function itemText(item: unknown): string {
  return JSON.stringify(item);
}

/** Whether a submission changed the plan in force (the trace's `changed`, else the canonical forms compared). */
export function isRevised(s: Submission): boolean {
  if (s.event.phase !== 'revision') return false;
  return s.event.changed ?? (s.inForce ? s.inForce.canonical !== s.event.canonical : true);
}

/** Items a revision added, removed, changed and moved against the plan in force, then the two plans side by side. */
export function diffView(before: string, after: string): HTMLElement {
  const d = diffPlans(before, after);
  const label = (list: string) => (list ? `${list}: ` : '');
  const lines = [
    ...d.added.map((x) => el('li', { class: 'added' }, `+ ${label(x.list)}${itemText(x.item)}`)),
    ...d.removed.map((x) => el('li', { class: 'removed' }, `− ${label(x.list)}${itemText(x.item)}`)),
    ...d.changed.map((x) => el('li', { class: 'changed' }, `~ ${label(x.list)}${itemText(x.before)} → ${itemText(x.after)}`)),
    ...d.moved.map((x) => el('li', { class: 'moved' }, `↕ ${label(x.list)}${itemText(x.item)} moved from place ${x.from + 1} to ${x.to + 1}`)),
  ];
  return el(
    'div',
    { class: 'diff' },
    el('p', {}, isEmptyDiff(d) ? 'Same plan as the one in force.' : `Diff against the plan in force: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.moved.length} moved, ${d.unchanged} unchanged.`),
    lines.length ? el('ul', {}, ...lines) : null,
    isEmptyDiff(d)
      ? null
      : el(
          'details',
          { class: 'before-after' },
          el('summary', {}, 'Before and after'),
          el('div', { class: 'plans' }, el('div', {}, el('h4', {}, 'Before: plan in force'), pre(planJson(before))), el('div', {}, el('h4', {}, 'After: this submission'), pre(planJson(after)))),
        ),
  );
}

/** The plan report, item by item; folded unless an item was not used as submitted. */
function reportTable(sub: PlanSubmissionEvent): HTMLElement {
  const items = sub.report?.items ?? [];
  if (items.length === 0) return el('p', { class: 'muted' }, sub.report?.message ? `Plan report: ${sub.report.message}` : 'Plan report: no items.');
  const flagged = items.filter((i) => i.status !== 'used').length;
  const table = el(
    'table',
    { class: 'report' },
    el('thead', {}, el('tr', {}, ...['item', 'name', 'status', 'code', 'cost', 'detail'].map((h) => el('th', {}, h)))),
    el(
      'tbody',
      {},
      ...items.map((i) =>
        el(
          'tr',
          { class: `item-${i.status}` },
          el('td', {}, i.path),
          el('td', {}, i.name ?? '—'),
          el('td', {}, i.status),
          el('td', {}, i.code ?? ''),
          el('td', { class: 'num' }, String(i.cost)),
          el('td', {}, i.detail ?? ''),
        ),
      ),
    ),
  );
  return el('details', { class: 'plan-report', open: flagged > 0 }, el('summary', {}, `Plan report: ${items.length} items, ${flagged} not used as submitted, cost ${sub.report.cost}`), table);
}

/** The raw model output of a decision: reply text, separate reasoning and meta, shown verbatim as text. */
export function rawText(response: { text?: string; reasoning?: string; plan?: unknown; action?: unknown } | undefined, meta: Readonly<Record<string, unknown>> | undefined, open?: boolean): HTMLElement {
  const parts: HTMLElement[] = [];
  if (response?.text !== undefined) parts.push(el('h4', {}, 'Reply text'), pre(response.text, 'raw model-text'));
  if (response?.reasoning !== undefined) parts.push(el('h4', {}, 'Reasoning'), pre(response.reasoning, 'raw model-reasoning'));
  if (response?.plan !== undefined) parts.push(el('h4', {}, 'Plan as given'), pre(planJson(response.plan)));
  if (response?.action !== undefined) parts.push(el('h4', {}, 'Action as given'), pre(prettyJson(response.action)));
  if (meta !== undefined) parts.push(el('h4', {}, 'Meta'), pre(prettyJson(meta), 'raw model-meta'));
  if (parts.length === 0) return el('p', { class: 'muted' }, 'No recorded reply.');
  const written = response?.text !== undefined || response?.reasoning !== undefined;
  return el('details', { class: 'model-output', open: open ?? written }, el('summary', {}, written ? 'Model output' : 'Agent output'), ...parts);
}

export function progressBadge(p: ProgressEvent | undefined): HTMLElement | null {
  if (!p) return null;
  return el('span', { class: `progress ${p.advantage < 0 ? 'neg' : 'pos'}`, title: `prover ${p.prover}, ${p.rollouts} rollouts, Q ${num(p.q, 3)}, V ${num(p.v, 3)}, ± ${num(p.stderr, 3)}` }, `advantage ${p.advantage >= 0 ? '+' : ''}${num(p.advantage, 3)}`);
}

/** One plan submission: who, which attempt, the verdict, cost, violations, report, diff and raw reply. */
export function submissionView(s: Submission, seatName: string, progress: ProgressEvent | undefined): HTMLElement {
  const e = s.event;
  const flags = [e.accepted ? 'accepted' : 're-asked', e.phase === 'revision' ? (isRevised(s) ? 'revised' : 'unchanged') : 'initial plan'];
  return el(
    'article',
    { class: 'submission', dataset: { seq: String(e.seq), side: String(e.side), revised: String(isRevised(s)) } },
    el('h3', {}, `Side ${e.side} — ${seatName}: ${e.phase} attempt ${e.attempt} (${flags.join(', ')})`, ' ', progressBadge(progress)),
    budgetMeter(e.cost, e.budget),
    e.violations.length ? el('p', { class: 'violations' }, `Violations: ${e.violations.join(', ')}`) : el('p', { class: 'muted' }, 'No violations.'),
    e.parseError !== undefined ? el('p', { class: 'bad' }, `Parse error: ${e.parseError}`) : null,
    s.inForce && e.phase === 'revision' ? diffView(s.inForce.canonical, e.canonical) : null,
    reportTable(e),
    el('details', {}, el('summary', {}, 'Plan used (canonical)'), pre(planJson(e.canonical))),
    rawText(e.response, e.meta),
  );
}
